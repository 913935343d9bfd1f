#pragma once
// The party line (党员线): pairing every minority resident with a party-member liaison
// (re-pairing keeps history), coverage by grid and building, visits and their follow-up, the
// overdue list, and study sessions (三会一课). A liaison's account sees only the households
// paired with them (household_assignments, kept here in the same transaction as each pairing).
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "modules/party/model.hpp"

namespace tongxin::party {

class PartyService {
  public:
    explicit PartyService(db::Database& db) : db_(db) {}

    db::Page<Member> Members(const auth::Principal& p, const MemberFilter& f);
    db::Page<Pairing> Pairings(const auth::Principal& p, const PairingFilter& f);
    // Pairs `resident_id` with `liaison_id` from `date`; an existing active pairing ends that day.
    int64_t Pair(const auth::Principal& p, int64_t resident_id, int64_t liaison_id, const std::string& date,
                 const std::string& reason, const audit::Actor& actor);
    void EndPairing(const auth::Principal& p, int64_t pairing_id, const std::string& date, const std::string& reason,
                    const audit::Actor& actor);
    // Minority residents present on `as_of`, paired or not, by grid and building; the unpaired listed.
    party::Coverage Coverage(const auth::Principal& p, int64_t community, const std::string& as_of);

    db::Page<Visit> Visits(const auth::Principal& p, const VisitFilter& f);
    int64_t AddVisit(const auth::Principal& p, const VisitInput& in, const audit::Actor& actor);
    void SetFollowUp(const auth::Principal& p, int64_t visit_id, const std::string& status,
                     const std::string& follow_up, const audit::Actor& actor);
    // Paired households with no visit in the `days` before `as_of`.
    OverdueList Overdue(const auth::Principal& p, std::optional<int64_t> community, int days, const std::string& as_of);

    db::Page<StudySession> StudySessions(const auth::Principal& p, const StudyFilter& f);
    int64_t AddStudySession(const auth::Principal& p, const StudyInput& in, const audit::Actor& actor);

    // Unchecked writes for the demo.
    static int64_t InsertPairing(db::Connection& conn, int64_t resident_id, int64_t liaison_id,
                                 const std::string& date);
    static void RefreshAssignment(db::Connection& conn, int64_t liaison_id, std::optional<int64_t> household_id);

  private:
    db::Database& db_;
};

}  // namespace tongxin::party
