#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/module.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::residents {

// Routes under /api/v1/residents: list/search, get, create, update, move-out, contact (unmasked,
// audited), import (dry run and commit), export (.xlsx).
void Register(http::Router& router, Context& ctx, ResidentService& service);

// The module: its permissions, service, routes and indicators (modules/module.hpp).
ModuleInfo Describe();

}  // namespace tongxin::residents
