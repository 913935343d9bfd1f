#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/jobs/service.hpp"
#include "modules/module.hpp"
#include "modules/reports/registry.hpp"

namespace tongxin::jobs {

// /jobs/seekers (+ steps), /jobs/funnel, /jobs/certificates, /jobs/employers, /jobs/placements
// (+ follow-ups), /jobs/businesses; indicators jobs.registered, jobs.certificates,
// outcomes.businesses, outcomes.employed, jobs.retained_6m.
void Register(http::Router& router, Context& ctx, JobsService& service, reports::Registry& registry);
void RegisterIndicators(reports::Registry& registry);
// /jobs/trainings (+ sessions, enrolments, attendance, completions), /jobs/postings (+ candidates,
// matches, referrals), /jobs/matches (+ consent, share), /jobs/incubations (+ mentors, milestones).
void RegisterProgrammes(http::Router& router, JobsService& service);

// Its demo records (modules/demo.hpp), in demo.cpp.
void LoadDemo(DemoWorld& world);
// The module: its permissions, service, routes and indicators (modules/module.hpp).
ModuleInfo Describe();

}  // namespace tongxin::jobs
