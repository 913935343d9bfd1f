#pragma once
// The resource linkage platform (民族资源联动平台), by capability:
// - partners.cpp: partner organisations (each an organizations row of kind 'partner', so the
//   organizations module lists it and an employer of the jobs platform may be one) and their
//   co-building agreements with renewal reminders;
// - projects.cpp: brand projects with their partners, the records they ran (culture events,
//   room bookings, fund projects), contributions (a fund donation, an in-kind gift with its
//   value, or volunteer hours from the ledger — each a link to the record, never a copy) and
//   outcomes;
// - outcomes.cpp: the figure an outcome names, computed from the records the project links.
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "modules/linkage/model.hpp"

namespace tongxin::linkage {

// The figures an outcome may name, and the one it names with its value and records filled in.
const std::vector<std::string>& Measures();
void Measure(db::Connection& conn, int64_t project, Outcome& o);

class LinkageService {
  public:
    explicit LinkageService(db::Database& db) : db_(db) {}

    db::Page<Partner> Partners(const auth::Principal& p, const PartnerFilter& f);
    int64_t AddPartner(const auth::Principal& p, const PartnerInput& in, const audit::Actor& actor);
    int64_t AddAgreement(const auth::Principal& p, int64_t partner, const AgreementInput& in,
                         const audit::Actor& actor);

    db::Page<Project> Projects(const auth::Principal& p, const ProjectFilter& f);
    int64_t AddProject(const auth::Principal& p, const ProjectInput& in, const audit::Actor& actor);
    void SetStatus(const auth::Principal& p, int64_t project, const std::string& status,
                   const std::optional<std::string>& ended_on, const audit::Actor& actor);
    void AddProjectPartner(const auth::Principal& p, int64_t project, int64_t partner, const std::string& role,
                           const audit::Actor& actor);
    void Link(const auth::Principal& p, int64_t project, const std::string& kind, int64_t record,
              const audit::Actor& actor);
    int64_t Contribute(const auth::Principal& p, int64_t project, const ContributionInput& in,
                       const audit::Actor& actor);
    int64_t AddOutcome(const auth::Principal& p, int64_t project, const Outcome& in, const audit::Actor& actor);

  private:
    db::Database& db_;
};

}  // namespace tongxin::linkage
