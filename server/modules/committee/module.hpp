#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/committee/service.hpp"
#include "modules/module.hpp"
#include "modules/reports/registry.hpp"

namespace tongxin::committee {

// /committee/officers, /committee/assignments, /committee/coverage, /committee/home,
// /committee/contacts, /committee/needs, /selfhelp/activities; indicator selfhelp.activities
// (selfhelp.liaison_officers counts posts, in organizations).
void Register(http::Router& router, Context& ctx, CommitteeService& service, reports::Registry& registry);
void RegisterIndicators(reports::Registry& registry);

// Its demo records (modules/demo.hpp), in demo.cpp.
void LoadDemo(DemoWorld& world);
// The module: its permissions, service, routes and indicators (modules/module.hpp).
ModuleInfo Describe();

}  // namespace tongxin::committee
