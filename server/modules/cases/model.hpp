#pragma once
// The rights centre's records and inputs.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/page.hpp"

namespace tongxin::cases {

struct CaseInput {
    int64_t community_id = 0;
    std::string kind, title;
    std::optional<int64_t> applicant_resident_id;
    std::string applicant_name, respondent, facts, location, channel;
    std::string registered_on;
};

// Someone a case may be assigned to.
struct CaseStaff {
    int64_t user_id = 0;
    std::string display_name, role;
};

struct CaseFilter {
    std::optional<int64_t> community;
    std::optional<std::string> kind, status;
    db::PageSpan page;
};

// A case on the list: enough to find it, no facts.
struct CaseSummary {
    int64_t id = 0;
    std::string number;
    int64_t community_id = 0;
    std::string kind, status, title, applicant_name, registered_on;
    std::optional<std::string> resolved_on, outcome, assigned_to, staff_role;
    std::optional<int64_t> assigned_user_id;
};

struct Session {
    int64_t id = 0;
    std::string held_on;
    std::optional<std::string> staff;
    std::string notes;
};

struct Agreement {
    std::string form, parties, content, signed_on, fulfilment;
    std::optional<std::string> fulfilment_checked_on;
    std::string fulfilment_note;
};

struct Case {
    int64_t id = 0, community_id = 0;
    std::string number, kind, status, title;
    std::optional<int64_t> applicant_resident_id;
    std::string applicant_name, respondent, facts, location, channel;
    std::optional<int64_t> assigned_user_id;
    std::optional<std::string> assigned_to, staff_role, outcome;
    std::string registered_on;
    std::optional<std::string> resolved_on;
    std::vector<Session> sessions;
    std::optional<Agreement> agreement;
};

struct KindCounts {
    std::string kind;
    int64_t registered = 0, closed = 0, resolved = 0;
};

// Counts only, for anyone with cases.count.
struct CaseStats {
    int64_t community_id = 0;
    int year = 0;
    std::vector<KindCounts> by_kind;
    std::vector<int64_t> resolved_by_month;  // 12 months, January first
    int64_t resolved_in_year = 0, resolved_all_time = 0;
    std::optional<int64_t> median_days_to_resolution;
};

}  // namespace tongxin::cases
