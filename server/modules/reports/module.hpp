#pragma once
#include <boost/json/value.hpp>

#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/module.hpp"
#include "modules/reports/registry.hpp"

namespace tongxin::reports {

// GET /api/v1/reports/kpis, /reports/kpis/{id}/records, /reports/kpis/{id}/by-community.
void Register(http::Router& router, Context& ctx, Registry& registry);
// POST /api/v1/exports: any list, as its page shows it, as .xlsx (audited).
void RegisterExports(http::Router& router, Context& ctx);
// GET /api/v1/reports/work-report and the edits of its sentences (work_report.cpp).
void RegisterWorkReport(http::Router& router, Context& ctx, const Registry& registry);
// Sentences of the work report whose placeholders name no indicator or list of `registry` (once
// every module has registered its indicators, there must be none).
std::vector<std::string> WorkReportProblems(const Registry& registry);

// Resolves ?community= / ?street= (default: the principal's scope root) and ?year= into a
// KpiScope, checking that the place is in the principal's scope.
KpiScope ScopeOf(db::Connection& conn, const http::Request& req);
// A figure as a report prints it ("43.31万元", "88.9%", "26人"; in English "26 people").
std::string FigureText(const Indicator& ind, double value, bool en);
// A figure as JSON: a whole number as an integer, otherwise as a real.
boost::json::value NumberOf(double value);

// The registry's own indicators: residents, minority residents, households.
void RegisterRegistryIndicators(Registry& registry);

// The module: its permissions, service, routes and indicators (modules/module.hpp).
ModuleInfo Describe();

}  // namespace tongxin::reports
