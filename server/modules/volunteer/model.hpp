#pragma once
// The volunteer line's records and inputs: activities and sign-ups, the hours ledger and its
// disputes, points and rewards, the rules and the regular volunteers, certificates.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/db/page.hpp"

namespace tongxin::volunteer {

struct ActivityInput {
    int64_t organization_id = 0;
    std::string title, kind, content, place;
    int64_t starts_at = 0, ends_at = 0;  // Unix seconds
    int64_t capacity = 0;
};

struct ActivityFilter {
    std::optional<int64_t> community, organization;
    std::optional<std::string> status;
    std::optional<std::string> from, to;  // dates, on starts_at
    std::string q;
    bool upcoming = false;  // not yet ended and not cancelled, soonest first
    db::PageSpan page;
};

struct RecordInput {
    int64_t resident_id = 0;
    std::optional<int64_t> activity_id;
    std::string served_on;  // YYYY-MM-DD
    int64_t minutes = 0;
    std::string kind;
    std::string content;
};

struct RecordFilter {
    std::optional<int64_t> community, resident, activity;
    std::optional<std::string> from, to;
    std::optional<int64_t> id;
    db::PageSpan page;
};

struct Settings {
    int64_t regular_min_minutes = 1200;  // 20 hours
    int64_t regular_min_activities = 6;
    int64_t regular_months = 12;
    int64_t points_per_hour = 10;
};

// A resident's own sign-up for an activity.
struct Signup {
    int64_t id = 0;
    std::string status;
    std::optional<std::string> acted_by;  // who signed them up, when it was someone else
    std::optional<int64_t> checked_in_at, checked_out_at;
    std::optional<int64_t> position;  // on the waitlist
};

struct Activity {
    int64_t id = 0, organization_id = 0, street_id = 0, community_id = 0;
    std::string organization, title, kind, content, place;
    int64_t starts_at = 0, ends_at = 0, capacity = 0, confirmed = 0, waitlisted = 0;
    std::string status;
    std::string phase;  // what a volunteer sees now: open, full, ongoing, finished, cancelled
    // For a reader with a resident record: their sign-up, if any.
    bool resident_view = false;
    std::optional<Signup> mine;
    // One activity only: the check-in code (organisers) and the minutes recorded for it.
    std::optional<std::string> checkin_code;
    std::optional<int64_t> recorded_minutes;
};

// A sign-up on the organiser's list.
struct SignupEntry {
    int64_t id = 0, resident_id = 0;
    std::string name, phone_masked, address, status;
    int64_t signed_up_at = 0;
    std::optional<int64_t> checked_in_at, checked_out_at;
    int64_t recorded_minutes = 0;
    std::optional<std::string> signed_up_by;
    std::optional<int64_t> position;
};

struct Promoted {
    int64_t resident_id = 0;
    std::string name;
};
struct SignupCancellation {
    std::optional<Promoted> promoted;  // the first on the waitlist, who took the place
};

// A check-in or check-out: the sign-up after it, and whether it had been done before.
struct CheckResult {
    Signup signup;
    bool already = false;
};

struct RecordedHours {
    int64_t id = 0, resident_id = 0, minutes = 0;
};
struct HoursConfirmation {
    std::vector<RecordedHours> recorded;
    int64_t skipped = 0;  // volunteers already recorded for the activity
};

// One entry of the hours ledger: a record, or the reversal of one.
struct HoursRecord {
    int64_t id = 0, resident_id = 0, community_id = 0;
    std::string name;
    std::optional<int64_t> activity_id;
    std::optional<std::string> activity;
    std::string served_on;
    int64_t minutes = 0;
    std::string kind, content, entry;
    std::optional<int64_t> reverses_id;
    std::string reason;
    std::optional<std::string> recorded_by;
    int64_t recorded_at = 0;
    std::optional<int64_t> reversed_by_id;
};
struct RecordPage {
    db::Page<HoursRecord> page;
    int64_t total_minutes = 0;  // over every page
};
struct Correction {
    int64_t reversal_id = 0;
    std::optional<int64_t> record_id;  // the corrected record, when minutes were given
};

struct DisputeFilter {
    std::optional<int64_t> community;
    std::optional<std::string> status;
    db::PageSpan page;
};
struct Dispute {
    int64_t id = 0, hours_id = 0, resident_id = 0;
    std::string name, served_on;
    int64_t minutes = 0;
    std::string content, reason, status, resolution;
    int64_t created_at = 0;
    std::optional<int64_t> resolved_at;
};

struct PointEntry {
    int64_t id = 0, delta = 0;
    std::string source;
    std::optional<int64_t> hours_id, redemption_id;
    std::string note;
    int64_t created_at = 0;
    std::optional<std::string> served_on, content, reward;
};
struct PointsStatement {
    int64_t resident_id = 0, balance = 0;
    db::Page<PointEntry> entries;
};

struct Reward {
    int64_t id = 0, community_id = 0;
    std::string name, description;
    int64_t points = 0, stock = 0;
    bool active = true;
    int64_t redeemed = 0;
};
struct Redemption {
    int64_t redemption_id = 0, balance = 0, stock = 0;
};

struct Rules {
    int64_t community_id = 0;
    Settings settings;
    std::vector<std::pair<std::string, int64_t>> kind_points;  // points per hour by kind of service
};

struct RegularVolunteer {
    int64_t resident_id = 0;
    std::string name, ethnicity;
    int64_t minutes = 0, activities = 0;
};
struct RegularList {
    db::Page<RegularVolunteer> page;
    std::string as_of, window_from;
    Settings rule;
};

// The caller's own summary: hours this year and in all, points, regular or not.
struct MySummary {
    int64_t resident_id = 0, community_id = 0;
    std::string name;
    int64_t minutes_this_year = 0, minutes_total = 0, window_minutes = 0, window_activities = 0;
    bool regular = false;
    Settings rule;
    int64_t points = 0;
};

// A volunteer service certificate (志愿服务证明), as printed.
struct Certificate {
    int64_t id = 0, resident_id = 0;
    std::string number, name, gender, id_masked, from, to;
    int64_t minutes = 0, activities = 0;
    std::string content, issuer, issued_on;
};
struct CertificateFilter {
    std::optional<int64_t> community, resident;
    db::PageSpan page;
};

}  // namespace tongxin::volunteer
