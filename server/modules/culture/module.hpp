#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/culture/service.hpp"
#include "modules/module.hpp"
#include "modules/reports/registry.hpp"

namespace tongxin::culture {

// /venues, /rooms, /room-bookings, /series, /culture-events, /museum-visits, /exhibits and the
// public catalogue /public/exhibits; indicators culture.venue_area_m2, culture.events and
// culture.visitors.
void Register(http::Router& router, Context& ctx, CultureService& service, reports::Registry& registry);
void RegisterIndicators(reports::Registry& registry);

// Its demo records (modules/demo.hpp), in demo.cpp.
void LoadDemo(DemoWorld& world);
// The module: its permissions, service, routes and indicators (modules/module.hpp).
ModuleInfo Describe();

}  // namespace tongxin::culture
