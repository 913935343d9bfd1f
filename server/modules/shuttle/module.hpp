#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/module.hpp"
#include "modules/notices/service.hpp"
#include "modules/reports/registry.hpp"
#include "modules/shuttle/service.hpp"

namespace tongxin::shuttle {

// /shuttle/services, /shuttle/trips (+ reservations, cancel, boarding, close, figures).
// Reservation attempts of residents and group leaders are limited per account (60 a minute) so
// that a script cannot sweep seats for others; staff at the desk are not limited.
// The booking notice can be published to the community's notice board (notices::NoticeService::Publish).
void Register(http::Router& router, Context& ctx, ShuttleService& service, reports::Registry& registry);
// shuttle.boarded: rides taken in the year, each with its trip, stop and rider.
void RegisterIndicators(reports::Registry& registry);

// Its demo records (modules/demo.hpp), in demo.cpp.
void LoadDemo(DemoWorld& world);
// The module: its permissions, service, routes and indicators (modules/module.hpp).
ModuleInfo Describe();

}  // namespace tongxin::shuttle
