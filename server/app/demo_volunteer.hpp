#pragma once
// Demo records of the volunteer line for one community (see demo_volunteer.cpp).
#include <cstdint>
#include <vector>

#include "app/generator.hpp"
#include "core/db/database.hpp"

namespace tongxin::app {

struct VolunteerPlan {
    int regulars = 0;                        // minority residents serving at a share of every year's activities
    int occasional = 0;                      // minority residents serving two or three times a year
    int han = 0;                             // Han volunteers serving at a quarter of the activities
    int activities_per_year[3] = {0, 0, 0};  // 2019, 2020, 2021
    int regular_share_tenths = 3;
};

struct VolunteerDemo {
    std::vector<int64_t> regulars;
};

VolunteerDemo LoadVolunteerLine(db::Connection& conn, int64_t street, int64_t community, int64_t team,
                                int64_t mutual_team, const VolunteerPlan& plan, uint64_t seed);

}  // namespace tongxin::app
