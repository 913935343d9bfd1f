#pragma once
// Demo records of the service line for one community (see demo_services.cpp).
#include <cstdint>

#include "app/generator.hpp"
#include "core/db/database.hpp"

namespace tongxin::app {

void LoadServiceLine(db::Connection& conn, int64_t street, int64_t community, uint64_t seed);

}  // namespace tongxin::app
