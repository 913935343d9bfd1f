#pragma once
// Router: method + path pattern ("/api/v1/residents/{id}") -> handler, with the access rule
// each route needs. Dispatch() is the one place that turns AppError (and any other exception)
// into an HTTP status and the error envelope, in the request's language.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/http/request.hpp"

namespace tongxin::http {

using Handler = std::function<Response(Request&)>;

// Who may call a route: anyone, any logged-in account, or an account holding at least one of
// `permissions` (staff by their line permission, residents by their own, on shared routes).
struct Access {
    enum class Kind { kPublic, kLoggedIn, kPermission };
    Kind kind = Kind::kLoggedIn;
    std::vector<std::string> permissions;

    static Access Public() { return {Kind::kPublic, {}}; }
    static Access LoggedIn() { return {Kind::kLoggedIn, {}}; }
    static Access Need(std::string permission) { return {Kind::kPermission, {std::move(permission)}}; }
    static Access NeedAny(std::vector<std::string> permissions) { return {Kind::kPermission, std::move(permissions)}; }
    bool AllowedFor(const auth::Principal& p) const;
};

struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Access access;
    std::string summary;
    std::string tag;
    Handler handler;
    size_t body_limit = 0;  // bytes a request body may have; 0: the server's default (1 MiB)
};

class Router {
  public:
    // Sets the principal on the request from its session cookie or bearer token; throws
    // AppError(401) for a bad or expired session and AppError(403) for a failed CSRF check.
    using Authenticator = std::function<void(Request&)>;
    // Called after a request by a logged-in user failed (4xx); appends a failure audit entry.
    using FailureHook = std::function<void(const Request&, int status, const std::string& code)>;
    // Serves non-API GET requests (the web app); returns 404 if not set.
    using Fallback = std::function<Response(Request&)>;

    // Returns the route so that a caller may raise its body limit (uploads).
    Route& Add(std::string method, std::string pattern, Access access, std::string summary, Handler handler);
    void SetAuthenticator(Authenticator a) { authenticator_ = std::move(a); }
    void SetFailureHook(FailureHook h) { failure_hook_ = std::move(h); }
    void SetFallback(Fallback f) { fallback_ = std::move(f); }

    Response Dispatch(Request& req) const;
    // Decides from the request head alone, before any body is read, whether the request may go
    // on: the route exists, the caller is authenticated and holds its permission. Returns an
    // error response if not; otherwise sets `admitted_route` (and the principal) on `req`, and
    // `body_limit` to the route's limit (or `default_limit`).
    std::optional<Response> Admit(Request& req, size_t default_limit, size_t& body_limit) const;
    // OpenAPI 3.1 document listing every route.
    std::string OpenApi() const;
    const std::vector<Route>& routes() const { return routes_; }

  private:
    Response Run(Request& req) const;
    // Runs `fn`, turning every exception into the error envelope (and the failure audit hook).
    Response Guarded(Request& req, const std::function<Response()>& fn) const;
    // The route for the request's method and path (params set on `req`); throws 404/405.
    const Route* Find(Request& req) const;
    void Authorize(Request& req, const Route& route) const;
    std::vector<Route> routes_;
    Authenticator authenticator_;
    FailureHook failure_hook_;
    Fallback fallback_;
};

// The error envelope for `key` in `lang` with optional details (field reasons are translated).
Response ErrorResponse(int status, const std::string& key, const std::string& lang,
                       const std::string& details_json = "{}");

}  // namespace tongxin::http
