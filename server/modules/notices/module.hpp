#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/module.hpp"
#include "modules/notices/service.hpp"

namespace tongxin::notices {

// GET /notices (everyone signed in: their community's), POST /notices, POST /notices/{id}/withdraw.
void Register(http::Router& router, Context& ctx, NoticeService& service);

// The module: its permissions, service, routes and indicators (modules/module.hpp).
ModuleInfo Describe();

}  // namespace tongxin::notices
