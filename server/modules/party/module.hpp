#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/module.hpp"
#include "modules/party/service.hpp"
#include "modules/reports/registry.hpp"

namespace tongxin::party {

// /party-members, /liaisons (pairings), /liaisons/coverage, /visits, /visits/overdue,
// /study-sessions; indicators party.minority_members and party.liaison_coverage.
void Register(http::Router& router, Context& ctx, PartyService& service, reports::Registry& registry);
void RegisterIndicators(reports::Registry& registry);

// Its demo records (modules/demo.hpp), in demo.cpp.
void LoadDemo(DemoWorld& world);
// The module: its permissions, service, routes and indicators (modules/module.hpp).
ModuleInfo Describe();

}  // namespace tongxin::party
