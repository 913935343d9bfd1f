#pragma once
// The unity committee platform (民族一家亲委员会), by capability:
// - officers.cpp: its liaison officers and members, the households each officer is responsible
//   for (reassigning keeps history), coverage of minority households by building, the home page;
// - log.cpp: the officers' log of contacts, education and care, and the needs residents raise,
//   referred to the line or platform that handles them and followed until solved;
// - selfhelp.cpp: activities residents organise themselves, proposed on the phone, registered or
//   declined by the committee, with who took part.
// An officer's account (role ethnic_liaison, scope 'assigned') sees only the households assigned
// to them: household_assignments rows with source 'officer', kept here in the same transaction as
// each assignment.
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "modules/committee/model.hpp"

namespace tongxin::committee {

class CommitteeService {
  public:
    explicit CommitteeService(db::Database& db) : db_(db) {}

    db::Page<Officer> Officers(const auth::Principal& p, const OfficerFilter& f);
    db::Page<Assignment> Assignments(const auth::Principal& p, const AssignmentFilter& f);
    // Makes `officer` responsible for `household` from `date`; an active assignment ends that day.
    int64_t Assign(const auth::Principal& p, int64_t household, int64_t officer, const std::string& date,
                   const std::string& reason, const audit::Actor& actor);
    void EndAssignment(const auth::Principal& p, int64_t id, const std::string& date, const std::string& reason,
                       const audit::Actor& actor);
    // Households with a minority resident present on `as_of`, with an officer or not, by building.
    committee::Coverage Coverage(const auth::Principal& p, int64_t community, const std::string& as_of);
    committee::Home Home(const auth::Principal& p, int64_t community, const std::string& as_of);

    db::Page<Contact> Contacts(const auth::Principal& p, const ContactFilter& f);
    int64_t AddContact(const auth::Principal& p, const ContactInput& in, const audit::Actor& actor);
    db::Page<Need> Needs(const auth::Principal& p, const NeedFilter& f);
    int64_t RaiseNeed(const auth::Principal& p, const NeedInput& in, const audit::Actor& actor);
    void UpdateNeed(const auth::Principal& p, int64_t id, const NeedUpdate& in, const audit::Actor& actor);

    // Staff (street or community scope) see their place's activities; anyone else their own.
    db::Page<Activity> Activities(const auth::Principal& p, const ActivityFilter& f);
    int64_t ProposeActivity(const auth::Principal& p, const ActivityInput& in, const audit::Actor& actor);
    // `decision`: registered or declined (by the committee); withdrawn (by the organiser).
    void DecideActivity(const auth::Principal& p, int64_t id, const std::string& decision, const std::string& note,
                        const audit::Actor& actor);
    // Adds people who took part (residents of the activity's community); returns how many were new.
    int64_t AddParticipants(const auth::Principal& p, int64_t id, const std::vector<int64_t>& residents,
                            const audit::Actor& actor);

    // Unchecked writes for the demo.
    static int64_t InsertAssignment(db::Connection& conn, int64_t household, int64_t officer, const std::string& date);
    static void RefreshAccess(db::Connection& conn, int64_t officer, int64_t household);

  private:
    db::Database& db_;
};

// Whether `resident` is a liaison officer of `community`'s committee on `date`.
bool IsOfficer(db::Connection& conn, int64_t resident, int64_t community, const std::string& date);

}  // namespace tongxin::committee
