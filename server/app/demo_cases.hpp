#pragma once
// Demo records of the rights centre for one community (see demo_cases.cpp).
#include <cstdint>

#include "app/generator.hpp"
#include "core/db/database.hpp"

namespace tongxin::app {

void LoadCases(db::Connection& conn, int64_t street, int64_t community, int64_t mediator, int64_t head, uint64_t seed);

}  // namespace tongxin::app
