#include <boost/json.hpp>

#include "core/auth/roles.hpp"
#include "core/http/paging.hpp"
#include "core/text/codes.hpp"
#include "core/time/clock.hpp"
#include "modules/accounts/json.hpp"
#include "modules/accounts/module.hpp"

namespace tongxin::accounts {
namespace json = boost::json;
using http::Access;
using http::Request;
using http::Response;

namespace {

json::object SessionJson(const auth::SessionInfo& s) {
    return {{"id", s.id},
            {"created_at", time::ToRfc3339(s.created_at)},
            {"last_seen_at", time::ToRfc3339(s.last_seen_at)},
            {"client_addr", s.client_addr},
            {"user_agent", s.user_agent},
            {"current", s.current}};
}

const char* kSessionCookie = "tx_session";
const char* kCsrfCookie = "tx_csrf";

json::object UserJson(const auth::Principal& p, const std::string& lang) {
    const auth::RoleInfo* role = auth::FindRole(p.role);
    json::array perms;
    for (const auto& x : p.permissions) perms.push_back(json::value(x));
    return {{"id", p.user_id},
            {"username", p.username},
            {"display_name", p.display_name},
            {"role", p.role},
            {"role_name", role ? (lang == "en" ? role->en : role->zh) : p.role},
            {"permissions", std::move(perms)},
            {"scope_kind", auth::ScopeKindName(p.scope_kind)},
            {"scope_place_id", p.scope_place_id ? json::value(*p.scope_place_id) : json::value(nullptr)},
            {"resident_id", p.resident_id ? json::value(*p.resident_id) : json::value(nullptr)},
            {"must_change_password", p.must_change_password}};
}

// A browser's Origin on a cookie-authenticated write or a login must be Tongxin's own: the
// configured public URL, or (without one) the Host the request was sent to. Absent is allowed
// (non-browser clients; the CSRF token still guards cookie writes).
bool OriginAllowed(const Request& req, const Context& ctx) {
    std::string origin = req.Header("origin");
    if (origin.empty()) return true;
    if (!ctx.public_url.empty()) return origin == ctx.public_url;
    std::string host = req.Header("host");
    return !host.empty() && (origin == "http://" + host || origin == "https://" + host);
}

// After an administrator reset the password, the account may only see who it is and its
// sessions, change its password and log out.
void RequirePasswordChange(const Request& req) {
    if (!req.principal || !req.principal->must_change_password) return;
    if (req.path == "/api/v1/auth/me" || req.path == "/api/v1/auth/password" || req.path == "/api/v1/auth/logout" ||
        (req.method == "GET" && req.path == "/api/v1/auth/sessions"))
        return;
    throw AppError(ErrorCode::kForbidden, "password_change_required");
}

std::string CookieAttributes(const Context& ctx) {
    return ctx.public_url.starts_with("https://") ? "; Path=/; SameSite=Strict; Secure" : "; Path=/; SameSite=Strict";
}

json::array CodesJson(const std::vector<text::Code>& table, const std::string& lang) {
    json::array out;
    for (const auto& c : table) out.push_back({{"code", c.code}, {"name", lang == "en" ? c.en : c.zh}});
    return out;
}

}  // namespace

void Register(http::Router& r, Context& ctx, AccountsModule& module) {
    r.SetAuthenticator([&ctx](Request& req) {
        std::string auth_header = req.Header("authorization");
        bool is_write = req.method != "GET" && req.method != "HEAD" && req.method != "OPTIONS";
        if (auth_header.rfind("Bearer ", 0) == 0) {
            req.principal = ctx.auth.Authenticate(auth_header.substr(7), false, is_write, "", req.client_addr);
            RequirePasswordChange(req);
            return;
        }
        std::string cookie = req.Cookie(kSessionCookie);
        if (!cookie.empty()) {
            if (is_write && !OriginAllowed(req, ctx)) throw AppError(ErrorCode::kForbidden, "origin_mismatch");
            req.principal = ctx.auth.Authenticate(cookie, true, is_write, req.Header("x-csrf-token"), req.client_addr);
        }
        RequirePasswordChange(req);
    });
    r.SetFailureHook([&ctx](const Request& req, int status, const std::string& code) {
        if (req.method == "GET" && status != 403) return;
        db::Connection& conn = ctx.db.Local();
        if (conn.InTransaction()) return;
        db::Transaction tx(conn, db::Transaction::Mode::kWrite);
        audit::Append(conn, ActorOf(req),
                      {"http." + req.method, "endpoint", req.path, false, {{"status", status}, {"code", code}}});
        tx.Commit();
    });

    r.Add("GET", "/api/v1/health", Access::Public(), "Liveness",
          [](Request&) { return Response::Json(R"({"status":"ok"})"); });
    r.Add("POST", "/api/v1/auth/login", Access::Public(), "Log in; returns a token and sets the session cookie",
          [&ctx](Request& req) {
              if (!OriginAllowed(req, ctx)) throw AppError(ErrorCode::kForbidden, "origin_mismatch");
              http::JsonBody body(req);
              auto username = body.Str("username", true, 40);
              auto password = body.Str("password", true, 200);
              body.Finish();
              auto result = ctx.auth.Login(*username, *password, req.client_addr, req.Header("user-agent"));
              json::object out{{"token", result.token},
                               {"csrf_token", result.csrf_token},
                               {"user", UserJson(result.principal, req.lang)}};
              Response resp = http::JsonResponse(out);
              resp.headers.emplace_back("Set-Cookie", std::string(kSessionCookie) + "=" + result.token +
                                                          CookieAttributes(ctx) + "; HttpOnly");
              resp.headers.emplace_back("Set-Cookie",
                                        std::string(kCsrfCookie) + "=" + result.csrf_token + CookieAttributes(ctx));
              return resp;
          });
    r.Add("POST", "/api/v1/auth/logout", Access::LoggedIn(), "End this session", [&ctx](Request& req) {
        ctx.auth.Logout(req.User(), req.client_addr);
        Response resp = http::Ok();
        resp.headers.emplace_back("Set-Cookie",
                                  std::string(kSessionCookie) + "=" + CookieAttributes(ctx) + "; Max-Age=0; HttpOnly");
        resp.headers.emplace_back("Set-Cookie", std::string(kCsrfCookie) + "=" + CookieAttributes(ctx) + "; Max-Age=0");
        return resp;
    });
    r.Add("GET", "/api/v1/auth/me", Access::LoggedIn(), "Who am I", [&ctx](Request& req) {
        json::object out = UserJson(req.User(), req.lang);
        if (req.User().via_cookie) out["csrf_token"] = ctx.vault.CsrfToken(req.Cookie(kSessionCookie));
        return http::JsonResponse(out);
    });
    r.Add("GET", "/api/v1/auth/sessions", Access::LoggedIn(), "My active sessions", [&ctx](Request& req) {
        json::array items;
        for (const auto& s : ctx.auth.Sessions(req.User())) items.push_back(SessionJson(s));
        return http::ListResponse(std::move(items));
    });
    r.Add("GET", "/api/v1/sessions", Access::Need("users.manage"), "Every account's live sessions",
          [&ctx](Request& req) {
              json::array items;
              for (const auto& s : ctx.auth.AllSessions(req.User())) {
                  json::object o = SessionJson(s.session);
                  o["user_id"] = s.user_id;
                  o["username"] = s.username;
                  o["display_name"] = s.display_name;
                  o["role"] = s.role;
                  items.push_back(std::move(o));
              }
              return http::ListResponse(std::move(items));
          });
    r.Add("POST", "/api/v1/sessions/{id}/end", Access::Need("users.manage"), "End any account's session",
          [&ctx](Request& req) {
              ctx.auth.EndAnySession(req.User(), http::PathId(req), req.client_addr);
              return http::Ok();
          });
    r.Add("DELETE", "/api/v1/auth/sessions/{id}", Access::LoggedIn(), "End one of my sessions", [&ctx](Request& req) {
        ctx.auth.EndSession(req.User(), http::PathId(req), req.client_addr);
        return http::Ok();
    });
    r.Add("POST", "/api/v1/auth/sessions/end-others", Access::LoggedIn(), "End all my other sessions",
          [&ctx](Request& req) {
              ctx.auth.EndOtherSessions(req.User(), req.client_addr);
              return http::Ok();
          });
    r.Add("POST", "/api/v1/auth/password", Access::LoggedIn(), "Change my password (ends my other sessions)",
          [&ctx](Request& req) {
              http::JsonBody body(req);
              auto current = body.Str("current_password", true, 200);
              auto next = body.Str("new_password", true, 200);
              body.Finish();
              ctx.auth.ChangePassword(req.User(), *current, *next, req.client_addr);
              return http::Ok();
          });

    r.Add("GET", "/api/v1/roles", Access::LoggedIn(), "Roles and their permissions", [](Request& req) {
        json::array items;
        for (const auto& role : auth::Roles()) {
            json::array perms;
            for (const auto& p : role.permissions) perms.push_back(json::value(p));
            items.push_back(
                {{"key", role.key}, {"name", req.lang == "en" ? role.en : role.zh}, {"permissions", perms}});
        }
        return http::ListResponse(std::move(items), static_cast<int64_t>(auth::Roles().size()));
    });
    r.Add("GET", "/api/v1/codes", Access::LoggedIn(), "Code tables: ethnicity, political status, relation",
          [](Request& req) {
              json::object out{{"ethnicity", CodesJson(text::Ethnicities(), req.lang)},
                               {"political_status", CodesJson(text::PoliticalStatuses(), req.lang)},
                               {"relation", CodesJson(text::Relations(), req.lang)}};
              return http::JsonResponse(out);
          });
    r.Add("GET", "/api/v1/users", Access::Need("users.manage"), "Accounts", [&module](Request& req) {
        return http::ListResponse(module.accounts.List(http::PageOf(req)), [](const Account& a) { return ToJson(a); });
    });
    r.Add("GET", "/api/v1/users/{id}", Access::Need("users.manage"), "One account",
          [&module](Request& req) { return http::JsonResponse(ToJson(module.accounts.Get(http::PathId(req)))); });
    r.Add("PUT", "/api/v1/users/{id}", Access::Need("users.manage"),
          "Change an account's name, role, scope and linked resident (its sessions end when its rights change)",
          [&module](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              AccountInput in;
              in.display_name = body.Str("display_name", false, 40).value_or("");
              in.role = body.Str("role", true, 40).value_or("");
              in.scope_kind = body.Str("scope_kind", true, 20).value_or("");
              in.scope_place_id = body.Int("scope_place_id", false, 1);
              in.resident_id = body.Int("resident_id", false, 1);
              body.Finish();
              module.accounts.Update(req.User(), id, in, ActorOf(req));
              return http::JsonResponse(ToJson(module.accounts.Get(id)));
          });
    r.Add("POST", "/api/v1/users/{id}/disable", Access::Need("users.manage"),
          "Disable an account (it cannot log in; its sessions end)", [&module](Request& req) {
              module.accounts.SetDisabled(req.User(), http::PathId(req), true, ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/users/{id}/enable", Access::Need("users.manage"), "Enable a disabled account",
          [&module](Request& req) {
              module.accounts.SetDisabled(req.User(), http::PathId(req), false, ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/users/{id}/reset-password", Access::Need("users.manage"),
          "Set a temporary password the user must change at the next login", [&module](Request& req) {
              int64_t id = http::PathId(req);
              std::string password = http::OneText(req, "password", true, 200);
              module.accounts.ResetPassword(req.User(), id, password, ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/users/{id}/unlock", Access::Need("users.manage"),
          "Clear an account's failed logins so that it may log in again at once", [&module](Request& req) {
              module.accounts.Unlock(http::PathId(req), ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/users", Access::Need("users.manage"), "Create an account", [&ctx](Request& req) {
        http::JsonBody body(req);
        auth::NewUser u;
        u.username = body.Str("username", true, 40).value_or("");
        u.display_name = body.Str("display_name", false, 40).value_or("");
        u.role = body.Str("role", true, 40).value_or("");
        u.password = body.Str("password", true, 200).value_or("");
        auto kind = auth::ParseScopeKind(body.Str("scope_kind", true, 20).value_or(""));
        if (!kind) body.Fail("scope_kind", "invalid_choice");
        u.scope_kind = kind.value_or(auth::ScopeKind::kCommunity);
        u.scope_place_id = body.Int("scope_place_id", false, 1);
        u.resident_id = body.Int("resident_id", false, 1);
        body.Finish();
        auth::NewUser prepared = ctx.auth.PrepareUser(u);
        db::Connection& conn = ctx.db.Local();
        db::Transaction tx(conn, db::Transaction::Mode::kWrite);
        int64_t id = ctx.auth.CreateUser(conn, prepared, ActorOf(req));
        tx.Commit();
        return http::JsonResponse(json::object{{"id", id}, {"username", u.username}}, 201);
    });
    r.Add("GET", "/api/v1/audit", Access::Need("audit.read"),
          "Audit log (?action=, ?username=, ?object_type=, ?object_id=, ?outcome=)", [&module](Request& req) {
              AuditFilter f;
              f.page = http::PageOf(req, 50, 500);
              auto text = [&req](const char* key) -> std::optional<std::string> {
                  auto v = req.Query(key);
                  return v && !v->empty() ? v : std::nullopt;
              };
              f.action = text("action");
              f.username = text("username");
              f.object_type = text("object_type");
              f.object_id = text("object_id");
              f.outcome = text("outcome");
              return http::ListResponse(module.audit.List(f), [](const AuditEntry& e) { return ToJson(e); });
          });
}

}  // namespace tongxin::accounts
