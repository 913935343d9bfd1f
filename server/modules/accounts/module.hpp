#pragma once
#include "core/context.hpp"
#include "core/http/router.hpp"

namespace tongxin::accounts {

// /auth/login, /auth/logout, /auth/me, /auth/sessions, /auth/password, /users, /roles, /codes,
// /audit; and the router's authenticator (cookie or bearer token, CSRF on cookie writes) and
// the failure audit hook.
void Register(http::Router& router, Context& ctx);

}  // namespace tongxin::accounts
