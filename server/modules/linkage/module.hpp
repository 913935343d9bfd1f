#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/linkage/service.hpp"
#include "modules/module.hpp"
#include "modules/reports/registry.hpp"

namespace tongxin::linkage {

// /linkage/partners (+ agreements), /linkage/projects (+ partners, links, contributions,
// outcomes); indicators linkage.brand_projects and linkage.partners.
void Register(http::Router& router, Context& ctx, LinkageService& service, reports::Registry& registry);
void RegisterIndicators(reports::Registry& registry);

// Its demo records (modules/demo.hpp), in demo.cpp.
void LoadDemo(DemoWorld& world);
// The module: its permissions, service, routes and indicators (modules/module.hpp).
ModuleInfo Describe();

}  // namespace tongxin::linkage
