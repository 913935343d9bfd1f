#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/module.hpp"
#include "modules/reports/registry.hpp"
#include "modules/volunteer/service.hpp"

namespace tongxin::volunteer {

// /volunteer/activities (+ signups, check, hours, qr.svg), /volunteer/records (+ corrections,
// disputes, export), /volunteer/disputes, /volunteer/points, /rewards (+ redeem),
// /volunteer/settings, /volunteer/regulars, /volunteer/me, /volunteer/certificates; indicators
// volunteer.regular_volunteers and volunteer.hours.
void Register(http::Router& router, Context& ctx, VolunteerLine& line, reports::Registry& registry);
void RegisterIndicators(reports::Registry& registry);

// Its demo records (modules/demo.hpp), in demo.cpp.
void LoadDemo(DemoWorld& world);
// The module: its permissions, service, routes and indicators (modules/module.hpp).
ModuleInfo Describe();

}  // namespace tongxin::volunteer
