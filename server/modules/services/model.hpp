#pragma once
// The service line's records and inputs: service points and their coverage, mutual aid.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/db/page.hpp"

namespace tongxin::services {

struct PointInput {
    int64_t community_id = 0;
    std::string name, kind, address, opening_hours, services;
    double lat = 0, lng = 0;
    std::vector<std::string> age_groups;
    bool active = true;
};

struct AidInput {
    std::string kind;  // request | offer
    std::optional<int64_t> resident_id;
    std::string age_group, title, detail;
};

struct Point {
    int64_t id = 0, community_id = 0;
    std::string name, kind, address;
    double lat = 0, lng = 0;
    std::string opening_hours;
    std::vector<std::string> age_groups;
    std::string services;
    bool active = true;
};

struct Nearest {
    double metres = 0;
    std::string point;
};
struct BuildingReach {
    int64_t id = 0;
    std::string name;
    double lat = 0, lng = 0;
    std::map<std::string, Nearest> covered;  // by kind of service, the nearest point within reach
};
struct Gap {
    int64_t id = 0;
    std::string name;
    std::optional<double> nearest_metres;  // none: no point of that kind at all
};
struct KindCoverage {
    std::string kind;
    int64_t points = 0, covered = 0, buildings = 0;
    std::vector<Gap> gaps;
};
struct PointCoverage {
    int64_t community_id = 0;
    double metres = 0;
    std::optional<std::string> age_group;
    std::vector<KindCoverage> kinds;
    std::vector<BuildingReach> buildings;
    std::vector<Point> points;  // id, name, kind and place only
    int64_t buildings_without_coordinates = 0;
};

struct Aid {
    int64_t id = 0, community_id = 0;
    std::string kind;
    int64_t resident_id = 0;
    std::string name, age_group, title, detail, status;
    std::optional<int64_t> helper_resident_id;
    std::optional<std::string> helper;
    std::optional<int64_t> offer_id, minutes, hours_id;
    std::optional<std::string> completed_on;
    int64_t created_at = 0;
    std::string address;  // for staff, who arrange the help; empty for everyone else
};
struct AidFilter {
    std::optional<int64_t> community, id;
    std::optional<std::string> kind, status;
    bool mine = false;  // the caller's own requests and offers, and those they help with
    db::PageSpan page;
};

}  // namespace tongxin::services
