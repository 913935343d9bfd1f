#pragma once
// The rights centre (居民权益维护中心). Cases of legal aid, mediation, counselling and rights
// protection: intake, assignment to staff (community lawyer, psychological social worker,
// mediation volunteer), sessions, and for mediations (People's Mediation Law) the agreement,
// its fulfilment check and the archive. Confidential: a case is visible to its assigned staff
// and the centre's head (cases.head) only — everyone else gets 404 and sees counts — and every
// read of a case is audited. Closed cases are read-only.
#include <optional>
#include <string>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "modules/cases/model.hpp"

namespace tongxin::cases {

class CaseService {
  public:
    explicit CaseService(db::Database& db) : db_(db) {}

    // The cases the caller may see (assigned to them, or all for the head).
    db::Page<CaseSummary> List(const auth::Principal& p, const CaseFilter& f, const audit::Actor& actor);
    // Counts anyone with cases.count may see: by kind and status, resolved by month, days to resolution.
    CaseStats Stats(const auth::Principal& p, int64_t community, int year);
    Case Get(const auth::Principal& p, int64_t id, const audit::Actor& actor);
    int64_t Register(const auth::Principal& p, const CaseInput& in, const audit::Actor& actor);
    // Who a case of `community` may be assigned to: mediators and heads of the centre working in
    // that community or for its whole street, by name.
    std::vector<CaseStaff> Staff(const auth::Principal& p, int64_t community);
    void Assign(const auth::Principal& p, int64_t id, int64_t user_id, const std::string& staff_role,
                const audit::Actor& actor);
    int64_t AddSession(const auth::Principal& p, int64_t id, const std::string& held_on, const std::string& notes,
                       const audit::Actor& actor);
    void RecordAgreement(const auth::Principal& p, int64_t id, const std::string& form, const std::string& parties,
                         const std::string& content, const std::string& signed_on, const audit::Actor& actor);
    void CheckFulfilment(const auth::Principal& p, int64_t id, const std::string& fulfilment, const std::string& note,
                         const std::string& checked_on, const audit::Actor& actor);
    void Close(const auth::Principal& p, int64_t id, const std::string& outcome, const std::string& resolved_on,
               const audit::Actor& actor);

    // Unchecked writer for the demo: a case with its number.
    static int64_t Insert(db::Connection& conn, int64_t street, const CaseInput& in, std::optional<int64_t> assigned,
                          const std::string& staff_role, std::optional<int64_t> by);

  private:
    db::Database& db_;
};

}  // namespace tongxin::cases
