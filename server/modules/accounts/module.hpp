#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/accounts/service.hpp"
#include "modules/module.hpp"

namespace tongxin::accounts {

// /auth/login, /auth/logout, /auth/me, /auth/sessions, /auth/password, /users, /roles, /codes,
// /audit; and the router's authenticator (cookie or bearer token, CSRF on cookie writes) and
// the failure audit hook.
void Register(http::Router& router, Context& ctx, AccountsModule& module);

// Its demo records (modules/demo.hpp), in demo.cpp.
void LoadDemo(DemoWorld& world);
// The module: its permissions, service, routes and indicators (modules/module.hpp).
ModuleInfo Describe();

}  // namespace tongxin::accounts
