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
inline const std::vector<std::string>& Educations() {
    static const std::vector<std::string> kAll = {"none",       "primary", "junior",   "senior",
                                                  "vocational", "college", "bachelor", "postgraduate"};
    return kAll;
}

struct Step {
    int64_t id = 0;
    std::string step, on_date, helper, note;
    std::optional<int64_t> placement_id, business_id;
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
    std::optional<int64_t> wage_fen;
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
// median days from registering, and by ethnic group and age band (groups under 5 people merged
// into 其他).
struct FunnelStep {
    std::string step;
    int64_t people = 0;
    double of_registered = 0;            // people / registered in the year
    std::optional<int64_t> median_days;  // from registering to this step
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

}  // namespace tongxin::jobs
