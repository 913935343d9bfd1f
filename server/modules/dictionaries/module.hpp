#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/module.hpp"

namespace tongxin::dictionaries {

// GET /dictionaries (every dictionary with its entries, for pickers and labels),
// POST /dictionaries/{name}/entries, PATCH /dictionaries/{name}/entries/{code}.
void Register(http::Router& router, Context& ctx);

// The module: its permissions and routes (modules/module.hpp).
ModuleInfo Describe();

}  // namespace tongxin::dictionaries
