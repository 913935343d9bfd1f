#pragma once
// The employment and entrepreneurship platform (民族就业创业平台), by capability:
// - seekers.cpp: job seekers registered by the centre, by a liaison officer's referral or by the
//   resident on the phone, the dated steps of their path, and the year's funnel;
// - outcomes.cpp: certificates (verified by a worker), employers, placements with their 3- and
//   6-month follow-ups, and businesses founded (统一社会信用代码 checked, kept while operating).
// Staff (street or community scope) see their place's records; a resident sees their own.
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "modules/jobs/model.hpp"

namespace tongxin::jobs {

class JobsService {
  public:
    explicit JobsService(db::Database& db) : db_(db) {}

    db::Page<Seeker> Seekers(const auth::Principal& p, const SeekerFilter& f);
    // One seeker per resident while active: 409 already_registered.
    int64_t Register(const auth::Principal& p, const SeekerInput& in, const audit::Actor& actor);
    // A step of the path (not placed or business_registered: those come with their record).
    int64_t AddStep(const auth::Principal& p, int64_t seeker, const StepInput& in, const audit::Actor& actor);
    jobs::Funnel Funnel(const auth::Principal& p, int64_t community, const std::string& year);

    db::Page<Certificate> Certificates(const auth::Principal& p, const CertificateFilter& f);
    int64_t AddCertificate(const auth::Principal& p, const CertificateInput& in, const audit::Actor& actor);
    void VerifyCertificate(const auth::Principal& p, int64_t id, const audit::Actor& actor);

    db::Page<Employer> Employers(const auth::Principal& p, std::optional<int64_t> community, db::PageSpan page);
    int64_t AddEmployer(const auth::Principal& p, const EmployerInput& in, const audit::Actor& actor);

    db::Page<Placement> Placements(const auth::Principal& p, const PlacementFilter& f);
    int64_t Place(const auth::Principal& p, const PlacementInput& in, const audit::Actor& actor);
    void FollowUp(const auth::Principal& p, int64_t placement, const FollowupInput& in, const audit::Actor& actor);

    db::Page<Business> Businesses(const auth::Principal& p, const BusinessFilter& f);
    int64_t AddBusiness(const auth::Principal& p, const BusinessInput& in, const audit::Actor& actor);
    void CloseBusiness(const auth::Principal& p, int64_t id, const std::string& closed_on, const audit::Actor& actor);

  private:
    db::Database& db_;
};

// Whether the caller is staff of the platform (street or community scope with jobs.read).
bool IsStaff(const auth::Principal& p);

}  // namespace tongxin::jobs
