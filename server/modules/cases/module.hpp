#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/cases/service.hpp"
#include "modules/reports/registry.hpp"

namespace tongxin::cases {

// /cases (+ assign, sessions, agreement, fulfilment, close), /cases/stats; indicator
// rights.disputes_resolved.
void Register(http::Router& router, Context& ctx, CaseService& service, reports::Registry& registry);
void RegisterIndicators(reports::Registry& registry);

}  // namespace tongxin::cases
