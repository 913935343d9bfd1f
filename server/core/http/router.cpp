#include "core/http/router.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "core/db/database.hpp"
#include "core/error/app_error.hpp"
#include "core/error/messages.hpp"

namespace tongxin::http {

bool Access::AllowedFor(const auth::Principal& p) const {
    if (kind != Kind::kPermission) return true;
    for (const auto& perm : permissions)
        if (p.Can(perm)) return true;
    return false;
}
namespace json = boost::json;
namespace {

std::vector<std::string> Split(const std::string& path) {
    std::vector<std::string> out;
    size_t pos = 1;
    while (pos <= path.size()) {
        size_t end = path.find('/', pos);
        if (end == std::string::npos) end = path.size();
        out.push_back(path.substr(pos, end - pos));
        pos = end + 1;
    }
    return out;
}

bool Match(const Route& route, const std::vector<std::string>& parts, std::map<std::string, std::string>& params) {
    if (route.segments.size() != parts.size()) return false;
    std::map<std::string, std::string> found;
    for (size_t i = 0; i < parts.size(); ++i) {
        const std::string& seg = route.segments[i];
        if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
            if (parts[i].empty()) return false;
            found[seg.substr(1, seg.size() - 2)] = parts[i];
        } else if (seg != parts[i]) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}

// Field reasons arrive as {"field": "reason_key"}; clients get {"field": {"code", "message"}}.
json::object Translate(const json::object& details, const std::string& lang) {
    json::object out = details;
    if (auto* fields = out.if_contains("fields"); fields && fields->is_object()) {
        json::object translated;
        for (auto& [name, reason] : fields->as_object()) {
            if (reason.is_string()) {
                std::string key(reason.as_string());
                translated[name] = {{"code", key}, {"message", Message(key, lang)}};
            } else {
                translated[name] = reason;
            }
        }
        out["fields"] = std::move(translated);
    }
    return out;
}

}  // namespace

Route& Router::Add(std::string method, std::string pattern, Access access, std::string summary, Handler handler) {
    Route r;
    r.method = std::move(method);
    r.segments = Split(pattern);
    r.tag = r.segments.size() > 2 ? r.segments[2] : "system";
    r.pattern = std::move(pattern);
    r.access = std::move(access);
    r.summary = std::move(summary);
    r.handler = std::move(handler);
    routes_.push_back(std::move(r));
    return routes_.back();
}

Response ErrorResponse(int status, const std::string& key, const std::string& lang, const std::string& details_json) {
    json::object details = json::parse(details_json).as_object();
    json::object err{{"code", key}, {"message", Message(key, lang)}, {"details", Translate(details, lang)}};
    json::object body{{"error", std::move(err)}};
    return Response::Json(json::serialize(body), status);
}

Response Router::Guarded(Request& req, const std::function<Response()>& fn) const {
    Response resp;
    std::string code;
    try {
        resp = fn();
    } catch (const AppError& e) {
        code = e.key();
        resp = ErrorResponse(HttpStatus(e.code()), e.key(), req.lang, json::serialize(e.details()));
        if (auto after = e.RetryAfterSeconds()) resp.headers.emplace_back("Retry-After", std::to_string(*after));
    } catch (const db::DbError& e) {
        if (e.kind() == db::DbError::Kind::kBusy) {
            code = "unavailable";
            resp = ErrorResponse(503, code, req.lang);
            resp.headers.emplace_back("Retry-After", "1");
        } else if (e.kind() == db::DbError::Kind::kUnique) {
            code = "conflict";
            resp = ErrorResponse(409, code, req.lang);
        } else {
            spdlog::error("database error on {} {}: {}", req.method, req.path, e.what());
            code = "internal";
            resp = ErrorResponse(500, code, req.lang);
        }
    } catch (const std::exception& e) {
        spdlog::error("unhandled error on {} {}: {}", req.method, req.path, e.what());
        code = "internal";
        resp = ErrorResponse(500, code, req.lang);
    }
    if (resp.status >= 400 && resp.status < 500 && req.principal && failure_hook_) {
        try {
            failure_hook_(req, resp.status, code);
        } catch (const std::exception& e) {
            spdlog::error("failure audit could not be written: {}", e.what());
        }
    }
    return resp;
}

Response Router::Dispatch(Request& req) const {
    return Guarded(req, [&] { return Run(req); });
}

std::optional<Response> Router::Admit(Request& req, size_t default_limit, size_t& body_limit) const {
    body_limit = default_limit;
    std::optional<Response> refused;
    Response resp = Guarded(req, [&]() -> Response {
        const Route* route = Find(req);
        if (!route) return Response{};  // not an API route: the fallback reads no body
        Authorize(req, *route);
        req.admitted_route = route;
        if (route->body_limit > 0) body_limit = route->body_limit;
        return Response{};
    });
    if (resp.status >= 400) refused = std::move(resp);
    return refused;
}

const Route* Router::Find(Request& req) const {
    std::vector<std::string> parts = Split(req.path);
    bool path_matched = false;
    const Route* best = nullptr;
    size_t best_literals = 0;
    std::map<std::string, std::string> best_params;
    // A literal segment wins over a parameter: /visits/overdue before /visits/{id}, whatever the
    // order the routes were added in.
    for (const Route& route : routes_) {
        std::map<std::string, std::string> params;
        if (!Match(route, parts, params)) continue;
        path_matched = true;
        if (route.method != req.method && !(req.method == "HEAD" && route.method == "GET")) continue;
        size_t literals = route.segments.size() - params.size();
        if (!best || literals > best_literals) {
            best = &route;
            best_literals = literals;
            best_params = std::move(params);
            if (literals == route.segments.size()) break;  // all literal: nothing can beat it
        }
    }
    if (best) {
        req.params = std::move(best_params);
        return best;
    }
    if (path_matched) throw AppError(ErrorCode::kMethodNotAllowed, "method_not_allowed");
    if (!req.path.starts_with("/api/") && (req.method == "GET" || req.method == "HEAD") && fallback_) return nullptr;
    throw AppError(ErrorCode::kNotFound, "route_not_found");
}

void Router::Authorize(Request& req, const Route& route) const {
    if (route.access.kind == Access::Kind::kPublic) return;
    if (authenticator_) authenticator_(req);
    if (!req.principal) throw AppError(ErrorCode::kUnauthorized, "unauthorized");
    if (!route.access.AllowedFor(*req.principal)) throw AppError(ErrorCode::kForbidden, "forbidden");
}

Response Router::Run(Request& req) const {
    if (req.admitted_route) return static_cast<const Route*>(req.admitted_route)->handler(req);
    const Route* route = Find(req);
    if (!route) return fallback_(req);
    Authorize(req, *route);
    return route->handler(req);
}

std::string Router::OpenApi() const {
    json::object paths;
    for (const Route& r : routes_) {
        std::string method = r.method;
        for (char& c : method) c = static_cast<char>(std::tolower(c));
        json::object op{{"summary", r.summary}, {"tags", json::array{json::value(r.tag)}}};
        json::array parameters;
        for (const std::string& seg : r.segments) {
            if (seg.size() > 2 && seg.front() == '{') {
                parameters.push_back({{"name", seg.substr(1, seg.size() - 2)},
                                      {"in", "path"},
                                      {"required", true},
                                      {"schema", {{"type", "string"}}}});
            }
        }
        if (!parameters.empty()) op["parameters"] = std::move(parameters);
        if (r.access.kind == Access::Kind::kPublic) {
            op["security"] = json::array{};
        } else if (r.access.kind == Access::Kind::kPermission) {
            json::array any;
            for (const auto& perm : r.access.permissions) any.push_back(json::string(perm));
            op["x-permission"] = std::move(any);
        }
        op["responses"] = {{"200", {{"description", "OK"}}},
                           {"4XX", {{"description", "Error envelope {error:{code,message,details}}"}}}};
        json::value& path_item = paths[r.pattern];
        if (!path_item.is_object()) path_item = json::object{};
        path_item.as_object()[method] = std::move(op);
    }
    json::object doc{
        {"openapi", "3.1.0"},
        {"info", {{"title", "Tongxin API"}, {"version", "1"}}},
        {"components",
         {{"securitySchemes",
           {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}},
            {"cookie", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "tx_session"}}}}}}},
        {"security", json::array{json::object{{"bearer", json::array{}}}, json::object{{"cookie", json::array{}}}}},
        {"paths", std::move(paths)}};
    return json::serialize(doc);
}

}  // namespace tongxin::http
