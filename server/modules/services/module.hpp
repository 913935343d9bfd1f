#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/module.hpp"
#include "modules/reports/registry.hpp"
#include "modules/services/service.hpp"

namespace tongxin::services {

// /service-points (+ coverage), /mutual-aid (+ match, complete, cancel); indicator
// services.mutual_aid_completed.
void Register(http::Router& router, Context& ctx, ServiceLineService& service, reports::Registry& registry);
void RegisterIndicators(reports::Registry& registry);

// Its demo records (modules/demo.hpp), in demo.cpp.
void LoadDemo(DemoWorld& world);
// The module: its permissions, service, routes and indicators (modules/module.hpp).
ModuleInfo Describe();

}  // namespace tongxin::services
