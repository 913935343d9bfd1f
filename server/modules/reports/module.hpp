#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/module.hpp"
#include "modules/reports/registry.hpp"

namespace tongxin::reports {

// GET /api/v1/reports/kpis, /reports/kpis/{id}/records, /reports/kpis/{id}/by-community.
void Register(http::Router& router, Context& ctx, Registry& registry);
// POST /api/v1/exports: any list, as its page shows it, as .xlsx (audited).
void RegisterExports(http::Router& router, Context& ctx);
// The registry's own indicators: residents, minority residents, households.
void RegisterRegistryIndicators(Registry& registry);

// The module: its permissions, service, routes and indicators (modules/module.hpp).
ModuleInfo Describe();

}  // namespace tongxin::reports
