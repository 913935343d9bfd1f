#pragma once
// The employment and entrepreneurship platform (民族就业创业平台), by capability:
// - seekers.cpp: job seekers registered by the centre, by a liaison officer's referral or by the
//   resident on the phone, the dated steps of their path, and the year's funnel;
// - trainings.cpp: trainings with sessions, enrolments, attendance and completion (the step
//   trained or practical_training), their cost and who paid;
// - postings.cpp: employers' postings, the seekers whose skills and wishes match them, and the
//   consent without which a seeker's details never go to the employer;
// - incubation.cpp: incubated projects with founders, mentors and milestones, graduating into a
//   registered business;
// - outcomes.cpp: certificates (verified by a worker), employers, placements with their 3- and
//   6-month follow-ups, and businesses founded (统一社会信用代码 checked, kept while operating).
// Staff (street or community scope) see their place's records; a resident sees their own.
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/crypto/vault.hpp"
#include "core/db/database.hpp"
#include "modules/jobs/model.hpp"

namespace tongxin::jobs {

class JobsService {
  public:
    JobsService(db::Database& db, const crypto::Vault& vault) : db_(db), vault_(vault) {}

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

    db::Page<Training> Trainings(const auth::Principal& p, const TrainingFilter& f);
    int64_t AddTraining(const auth::Principal& p, const TrainingInput& in, const audit::Actor& actor);
    int64_t AddSession(const auth::Principal& p, int64_t training, const std::string& held_on, const std::string& topic,
                       const audit::Actor& actor);
    void Enrol(const auth::Principal& p, int64_t training, int64_t seeker, const std::string& enrolled_on,
               const audit::Actor& actor);
    // Who came to a session (every one enrolled), replacing what was recorded for it.
    void RecordAttendance(const auth::Principal& p, int64_t session, const std::vector<int64_t>& seekers,
                          const audit::Actor& actor);
    // Completion needs 80% of the sessions held attended; it writes the seeker's step.
    void Complete(const auth::Principal& p, int64_t training, int64_t seeker, const std::string& completed_on,
                  const audit::Actor& actor);

    db::Page<Posting> Postings(const auth::Principal& p, const PostingFilter& f);
    int64_t AddPosting(const auth::Principal& p, const PostingInput& in, const audit::Actor& actor);
    void ClosePosting(const auth::Principal& p, int64_t id, const audit::Actor& actor);
    std::vector<Candidate> Candidates(const auth::Principal& p, int64_t posting);
    int64_t Propose(const auth::Principal& p, int64_t posting, int64_t seeker, const audit::Actor& actor);
    db::Page<Match> Matches(const auth::Principal& p, const MatchFilter& f);
    // The seeker's answer: themselves (jobs.register), or told to a worker who records `how`.
    void Consent(const auth::Principal& p, int64_t match, bool agree, const std::string& how,
                 const audit::Actor& actor);
    // Send the seeker's details to the employer: 409 consent_required unless they consented.
    void Share(const auth::Principal& p, int64_t match, const audit::Actor& actor);
    // The shared seekers' details for the employer (phone in full), audited as printed.
    std::vector<Referral> Referrals(const auth::Principal& p, int64_t posting, const audit::Actor& actor);

    db::Page<Incubation> Incubations(const auth::Principal& p, const IncubationFilter& f);
    int64_t AddIncubation(const auth::Principal& p, const IncubationInput& in, const audit::Actor& actor);
    int64_t AddMentor(const auth::Principal& p, int64_t incubation, const MentorInput& in, const audit::Actor& actor);
    int64_t AddMilestone(const auth::Principal& p, int64_t incubation, const MilestoneInput& in,
                         const audit::Actor& actor);
    void CompleteMilestone(const auth::Principal& p, int64_t milestone, const std::string& done_on,
                           const std::string& evidence, const audit::Actor& actor);
    // Graduated into a business one of its founders registered, or stopped.
    void EndIncubation(const auth::Principal& p, int64_t id, const std::string& outcome,
                       std::optional<int64_t> business, const std::string& ended_on, const audit::Actor& actor);

  private:
    db::Database& db_;
    const crypto::Vault& vault_;
};

// Whether the caller is staff of the platform (street or community scope with jobs.read).
bool IsStaff(const auth::Principal& p);

}  // namespace tongxin::jobs
