#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"

namespace tongxin::places {

// Routes: /places/roots, /places/{id}/children, /streets, /communities, /grids, /buildings,
// /households (list, get, create, update).
void Register(http::Router& router, Context& ctx);

}  // namespace tongxin::places
