#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/cases/service.hpp"
#include "modules/module.hpp"
#include "modules/reports/registry.hpp"

namespace tongxin::cases {

// /cases (+ assign, sessions, agreement, fulfilment, close), /cases/stats; indicator
// rights.disputes_resolved.
void Register(http::Router& router, Context& ctx, CaseService& service, reports::Registry& registry);
void RegisterIndicators(reports::Registry& registry);

// Its demo records (modules/demo.hpp), in demo.cpp.
void LoadDemo(DemoWorld& world);
// The module: its permissions, service, routes and indicators (modules/module.hpp).
ModuleInfo Describe();

}  // namespace tongxin::cases
