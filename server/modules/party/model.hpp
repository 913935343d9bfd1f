#pragma once
// The party line's records and inputs: members, pairings, coverage, visits, study sessions.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/page.hpp"

namespace tongxin::party {

struct VisitInput {
    int64_t household_id = 0;
    std::optional<int64_t> liaison_resident_id;  // defaults to the caller's own resident record
    std::string visit_date;
    std::string kind;
    std::string findings, needs, follow_up;
    std::string follow_up_status = "none";
};

struct StudyInput {
    int64_t community_id = 0;
    std::optional<int64_t> organization_id;
    std::string kind;
    std::string held_on;
    std::string topic;
    bool ethnic_policy = false;
    std::string minutes;
    std::vector<int64_t> attendees;
};

struct Member {
    int64_t id = 0;
    std::string name, ethnicity, political_status;
    int64_t paired = 0;  // residents currently paired with them
};
struct MemberFilter {
    std::optional<int64_t> community;
    std::string q;
    db::PageSpan page;
};

struct Pairing {
    int64_t id = 0, resident_id = 0;
    std::string resident, ethnicity;
    int64_t liaison_resident_id = 0;
    std::string liaison;
    std::optional<int64_t> household_id;
    std::string address, from_date;
    std::optional<std::string> to_date;
    std::string end_reason;
    int64_t community_id = 0;
};
struct PairingFilter {
    std::optional<int64_t> community, liaison, resident, id;
    bool active_only = true;
    db::PageSpan page;
};

struct Covered {
    int64_t minority = 0, paired = 0;
};
struct BuildingCoverage {
    std::string grid;
    std::optional<int64_t> building_id;
    std::string building;
    Covered counts;
};
struct GridCoverage {
    std::string grid;
    Covered counts;
};
struct Unpaired {
    int64_t id = 0;
    std::string name, ethnicity, address;
};
struct Coverage {
    std::string as_of;
    Covered all;
    std::vector<GridCoverage> by_grid;
    std::vector<BuildingCoverage> by_building;
    std::vector<Unpaired> unpaired;  // the first 500 by pinyin
};

struct Visit {
    int64_t id = 0, household_id = 0;
    std::string address;
    int64_t liaison_resident_id = 0;
    std::string liaison, visit_date, kind, findings, needs, follow_up, follow_up_status;
    int64_t community_id = 0;
};
struct VisitFilter {
    std::optional<int64_t> community, household, id;
    db::PageSpan page;
};

struct OverdueHousehold {
    int64_t household_id = 0;
    std::string address, liaison;
    std::optional<std::string> last_visit;
};
struct OverdueList {
    std::vector<OverdueHousehold> items;
    int days = 0;
    std::string as_of;
};

struct StudySession {
    int64_t id = 0;
    std::string kind, held_on, topic;
    bool ethnic_policy = false;
    std::string minutes;
    std::optional<int64_t> organization_id;
    int64_t attendance = 0;
};
struct StudyFilter {
    std::optional<int64_t> community, id;
    db::PageSpan page;
};

}  // namespace tongxin::party
