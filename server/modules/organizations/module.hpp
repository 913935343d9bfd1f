#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/module.hpp"
#include "modules/organizations/service.hpp"
#include "modules/reports/registry.hpp"

namespace tongxin::organizations {

// /organizations (list, get with posts, create, update), /organizations/{id}/members (add, end),
// /organizations/kinds; and the backbone indicators.
void Register(http::Router& router, Context& ctx, OrganizationService& service, reports::Registry& registry);
void RegisterIndicators(reports::Registry& registry);

// Its demo records (modules/demo.hpp), in demo.cpp.
void LoadDemo(DemoWorld& world);
// The module: its permissions, service, routes and indicators (modules/module.hpp).
ModuleInfo Describe();

}  // namespace tongxin::organizations
