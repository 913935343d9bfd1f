#pragma once
// Demo records of the five lines (organizations and posts, the party line) for one community.
#include <cstdint>

#include "core/db/database.hpp"

namespace tongxin::app {

struct DemoLines {
    int64_t liaison_resident_id = 0;         // the resident behind the demo `liaison` account
    int64_t volunteer_lead_resident_id = 0;  // and behind `vlead`, the volunteer team's leader
};

// 安公社区's records for 2019–2021: party branch and four ethnic-work party groups, one-to-one
// pairings covering every minority resident, visits, study sessions, self-governance posts, the
// unity committee's liaison officers, societies and volunteer teams.
DemoLines LoadAngongLines(db::Connection& conn, int64_t street_id, int64_t community_id, uint64_t seed);
// A lighter set for another community: a party group, pairings, a few posts.
void LoadOtherLines(db::Connection& conn, int64_t street_id, int64_t community_id, uint64_t seed);

}  // namespace tongxin::app
