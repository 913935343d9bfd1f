#pragma once
// Demo records of the community shuttle (see demo_shuttle.cpp).
#include <cstdint>

#include "app/generator.hpp"
#include "core/db/database.hpp"

namespace tongxin::app {

void LoadShuttle(db::Connection& conn, int64_t street, int64_t community, int64_t leader_user, int64_t worker_user,
                 uint64_t seed);

}  // namespace tongxin::app
