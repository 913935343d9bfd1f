#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/module.hpp"

namespace tongxin::places {

// Routes: /places/roots, /places/{id}/children, /streets, /communities, /grids, /buildings,
// /households (list, get, create, update).
void Register(http::Router& router, Context& ctx);

// The module: its permissions, service, routes and indicators (modules/module.hpp).
ModuleInfo Describe();

}  // namespace tongxin::places
