#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/charity/service.hpp"
#include "modules/module.hpp"
#include "modules/reports/registry.hpp"

namespace tongxin::charity {

// /charity/projects, /charity/donations, /charity/disbursements (+ approve, reject, pay),
// /charity/transactions/{id}/reverse, /charity/ledger, /charity/books, /charity/reminders,
// /charity/disclosure (public); indicators charity.raised_fen and
// charity.pandemic_donations_fen.
void Register(http::Router& router, Context& ctx, Fund& fund, reports::Registry& registry);
void RegisterIndicators(reports::Registry& registry);

// Its demo records (modules/demo.hpp), in demo.cpp.
void LoadDemo(DemoWorld& world);
// The module: its permissions, service, routes and indicators (modules/module.hpp).
ModuleInfo Describe();

}  // namespace tongxin::charity
