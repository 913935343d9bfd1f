#pragma once
// The employment and entrepreneurship platform's records and inputs: job seekers and the dated
// steps of their path, certificates, employers, placements with their follow-ups, businesses
// residents founded, and the funnel of the year.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/page.hpp"

namespace tongxin::jobs {

// The path's steps, in order. A seeker goes registered → trained → practical_training →
// internship → placed, or → incubation → business_registered; steps may be skipped, never undone.
inline const std::vector<std::string>& Steps() {
    static const std::vector<std::string> kSteps = {"registered", "trained",    "practical_training", "internship",
                                                    "placed",     "incubation", "business_registered"};
    return kSteps;
}
// The steps that come before `step` on its branch of the path; the first is the one its
// conversion is counted from (an internship may be skipped on the way to placed).
inline const std::vector<std::string>& EarlierSteps(const std::string& step) {
    static const std::vector<std::string> kNone;
    static const std::vector<std::string> kTrained = {"registered"};
    static const std::vector<std::string> kPractical = {"trained", "registered"};
    static const std::vector<std::string> kInternship = {"practical_training", "trained", "registered"};
    static const std::vector<std::string> kPlaced = {"practical_training", "internship", "trained", "registered"};
    static const std::vector<std::string> kIncubation = {"trained", "registered"};
    static const std::vector<std::string> kBusiness = {"incubation", "trained", "registered"};
    if (step == "trained") return kTrained;
    if (step == "practical_training") return kPractical;
    if (step == "internship") return kInternship;
    if (step == "placed") return kPlaced;
    if (step == "incubation") return kIncubation;
    if (step == "business_registered") return kBusiness;
    return kNone;
}
inline const std::vector<std::string>& Educations() {
    static const std::vector<std::string> kAll = {"none",       "primary", "junior",   "senior",
                                                  "vocational", "college", "bachelor", "postgraduate"};
    return kAll;
}

struct Step {
    int64_t id = 0;
    std::string step, on_date, helper, note;
    std::optional<int64_t> placement_id, business_id, training_id;
};

struct Seeker {
    int64_t id = 0, resident_id = 0, community_id = 0;
    std::string name, ethnicity, gender, birth_date, address, registered_on, source, skills, education, wishes,
        availability, constraints, status, last_step, last_step_on;
    std::vector<std::string> languages;
    std::optional<int64_t> need_id;
    bool consent_to_share = false;
    std::vector<Step> steps;  // for one seeker
};
struct SeekerFilter {
    std::optional<int64_t> community, id, resident;
    std::string status, q;
    std::string reached, year;  // reached: a step dated in `year`; else year: registered in it
    db::PageSpan page;
};
struct SeekerInput {
    std::optional<int64_t> resident_id, need_id;  // resident: the caller's own when absent
    std::string registered_on, skills, education, wishes, availability, constraints;
    std::vector<std::string> languages;
    bool consent_to_share = false;
};
struct StepInput {
    std::string step, on_date, helper, note;
};

struct Certificate {
    int64_t id = 0, resident_id = 0, community_id = 0;
    std::optional<int64_t> seeker_id, verified_by;
    std::string name, ethnicity, kind, number, issuer, issued_on, verifier;
    std::optional<std::string> verified_at;
};
struct CertificateFilter {
    std::optional<int64_t> community, resident, id;
    std::string year, q;
    db::PageSpan page;
};
struct CertificateInput {
    int64_t resident_id = 0;
    std::optional<int64_t> seeker_id;
    std::string kind, number, issuer, issued_on;
};

struct Employer {
    int64_t id = 0, community_id = 0, placements = 0;
    std::optional<int64_t> organization_id;
    std::string name, contact, organization;
};
struct EmployerInput {
    int64_t community_id = 0;
    std::optional<int64_t> organization_id;
    std::string name, contact;
};

struct Followup {
    int months = 0;
    std::string checked_on, note;
    bool employed = false;
};
struct Placement {
    int64_t id = 0, seeker_id = 0, employer_id = 0, resident_id = 0, community_id = 0;
    std::string name, ethnicity, employer, position, started_on, helper;
    std::optional<int64_t> wage_fen;
    std::vector<Followup> followups;
    std::optional<std::string> due_3m, due_6m;  // a follow-up not yet recorded, and its date
};
struct PlacementFilter {
    std::optional<int64_t> community, seeker, employer, id;
    std::string year;
    bool followup_due = false;  // only those with a follow-up due on or before today
    db::PageSpan page;
};
struct PlacementInput {
    int64_t seeker_id = 0, employer_id = 0;
    std::string position, started_on, helper;
    std::optional<int64_t> wage_fen, match_id;  // match: the posting's seeker being hired
};
struct FollowupInput {
    int months = 0;
    std::string checked_on, note;
    bool employed = false;
};

struct Business {
    int64_t id = 0, resident_id = 0, community_id = 0;
    std::optional<int64_t> seeker_id;
    std::string name, ethnicity, owner, kind, credit_code, registered_on, brand;
    std::optional<std::string> closed_on;
};
struct BusinessFilter {
    std::optional<int64_t> community, id;
    std::string year, q;
    bool operating_only = false;
    db::PageSpan page;
};
struct BusinessInput {
    int64_t resident_id = 0;
    std::optional<int64_t> seeker_id;
    std::string name, kind, credit_code, registered_on, brand, helper;
};

// The funnel of a year: how many seekers reached each step in it (each count is the list
// GET /jobs/seekers?reached=<step>&year= gives), that as a share of the year's registered, the
// median days from registering, the conversion from the step before and the median days from it,
// and by ethnic group and age band (groups under 5 people merged
// into 其他).
struct FunnelStep {
    std::string step;
    int64_t people = 0;
    double of_registered = 0;                          // people / registered in the year
    std::optional<int64_t> median_days;                // from registering to this step
    std::string previous;                              // the step before on the path, "" for registered
    int64_t previous_people = 0;                       // people at `previous` in the year
    double of_previous = 0;                            // people / previous_people: the conversion
    std::optional<int64_t> median_days_from_previous;  // from the seeker's latest earlier step on the branch
};
struct FunnelGroup {
    std::string key, name;        // ethnicity code or age band; "other" for the merged small groups
    std::vector<int64_t> people;  // per step, in Steps() order
};
struct Funnel {
    int64_t community = 0;
    std::string year;
    std::vector<FunnelStep> steps;
    std::vector<FunnelGroup> by_ethnicity, by_age;
};

// A training the centre runs or refers seekers to; completing it is the seeker's step `trained`
// (or `practical_training` for 岗前实训).
inline const std::vector<std::string>& TrainingKinds() {
    static const std::vector<std::string> kAll = {"employment", "practical", "entrepreneurship"};
    return kAll;
}
inline const std::vector<std::string>& Payers() {
    static const std::vector<std::string> kAll = {"government", "community", "employer", "partner", "resident", "free"};
    return kAll;
}
struct TrainingSession {
    int64_t id = 0;
    std::string held_on, topic;
    int64_t attended = 0;
    std::vector<int64_t> present;  // the seekers marked present, of the enrolments the caller sees
};
struct Enrolment {
    int64_t seeker_id = 0, resident_id = 0, attended = 0;
    std::string name, ethnicity, enrolled_on;
    std::optional<std::string> completed_on;
};
struct Training {
    int64_t id = 0, community_id = 0, cost_fen = 0, sessions_count = 0, enrolled = 0, completed = 0;
    std::optional<int64_t> payer_organization_id;
    std::string course, kind, provider, starts_on, ends_on, paid_by, payer_organization;
    std::vector<TrainingSession> sessions;  // for one training
    std::vector<Enrolment> enrolments;      // for one training
};
struct TrainingFilter {
    std::optional<int64_t> community, id, seeker;
    std::string year, kind, q;
    db::PageSpan page;
};
struct TrainingInput {
    int64_t community_id = 0, cost_fen = 0;
    std::optional<int64_t> payer_organization_id;
    std::string course, kind, provider, starts_on, ends_on, paid_by;
};

struct Posting {
    int64_t id = 0, employer_id = 0, community_id = 0, places = 0, matched = 0, shared = 0, hired = 0;
    std::optional<int64_t> wage_min_fen, wage_max_fen;
    std::string employer, title, requirements, skills, posted_on, status;
    std::optional<std::string> closes_on;
};
struct PostingFilter {
    std::optional<int64_t> community, id, employer;
    std::string status, q;
    db::PageSpan page;
};
struct PostingInput {
    int64_t employer_id = 0, places = 0;
    std::optional<int64_t> wage_min_fen, wage_max_fen;
    std::string title, requirements, skills, posted_on, closes_on;
};
// An active seeker the posting's skills find in their skills and wishes.
struct Candidate {
    int64_t seeker_id = 0, score = 0;
    std::string name, ethnicity, skills, wishes, education;
    std::vector<std::string> matched;
    bool consent_to_share = false;
};
struct Match {
    int64_t id = 0, posting_id = 0, seeker_id = 0, resident_id = 0, community_id = 0, score = 0;
    std::optional<int64_t> placement_id;
    std::string name, ethnicity, title, employer, status, consent_by, consent_how;
    std::optional<int64_t> wage_min_fen, wage_max_fen;
    std::optional<std::string> consent_at, shared_at;
};
struct MatchFilter {
    std::optional<int64_t> posting, seeker, id;
    db::PageSpan page;
};
// What goes to the employer for a shared match, and only for one.
struct Referral {
    int64_t match_id = 0;
    std::string name, gender, phone, education, skills, availability, shared_at;
    std::optional<int64_t> age;
    std::vector<std::string> languages;
};

struct Mentor {
    int64_t id = 0;
    std::optional<int64_t> organization_id;
    std::string name, expertise, organization;
};
struct Milestone {
    int64_t id = 0;
    std::string title, due_on, evidence;
    std::optional<std::string> done_on;
};
struct Founder {
    int64_t seeker_id = 0, resident_id = 0;
    std::string name, ethnicity;
};
struct Incubation {
    int64_t id = 0, community_id = 0, milestones_total = 0, milestones_done = 0;
    std::optional<int64_t> business_id;
    std::string name, brand, summary, started_on, status, business;
    std::optional<std::string> ended_on;
    std::vector<Founder> founders;  // every listed incubation
    std::vector<Mentor> mentors;    // for one incubation
    std::vector<Milestone> milestones;
};
struct IncubationFilter {
    std::optional<int64_t> community, id;
    std::string status, q;
    db::PageSpan page;
};
struct IncubationInput {
    int64_t community_id = 0;
    std::string name, brand, summary, started_on, helper;
    std::vector<int64_t> founders;  // seekers
};
struct MentorInput {
    std::optional<int64_t> organization_id;
    std::string name, expertise;
};
struct MilestoneInput {
    std::string title, due_on;
};

}  // namespace tongxin::jobs
