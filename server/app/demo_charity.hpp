#pragma once
// Demo records of the care and relief fund for one community (see demo_charity.cpp).
#include <cstdint>

#include "app/generator.hpp"
#include "core/db/database.hpp"

namespace tongxin::app {

struct CharityPeople {
    int64_t treasurer = 0, worker = 0, admin = 0;  // user ids
};

void LoadCharity(db::Connection& conn, int64_t street, int64_t community, const CharityPeople& people, uint64_t seed);

}  // namespace tongxin::app
