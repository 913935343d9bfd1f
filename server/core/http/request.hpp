#pragma once
// Request and Response as the router and handlers see them: plain data, no Beast types, so
// that handlers compile fast and can be driven in-process by tests.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/auth/principal.hpp"

namespace tongxin::http {

struct Request {
    std::string method;                          // "GET", "POST", ...
    std::string target;                          // as received, with the query string
    std::string path;                            // decoded path
    std::map<std::string, std::string> query;    // decoded query parameters
    std::map<std::string, std::string> headers;  // lower-case names
    std::map<std::string, std::string> params;   // path parameters from the route pattern
    std::string body;
    std::string client_addr;
    std::string lang = "zh";  // "zh" or "en", from Accept-Language
    std::optional<auth::Principal> principal;

    std::string Header(const std::string& lower_name) const;
    std::optional<std::string> Query(const std::string& name) const;
    std::string Cookie(const std::string& name) const;
    // Set by the server before the body is read (Router::Admit): the matched route, so that
    // Dispatch neither matches nor authenticates twice.
    const void* admitted_route = nullptr;
    const auth::Principal& User() const { return *principal; }
};

// A request target's path is safe to route and to map onto files only if neither its encoded
// nor its decoded form can name another place: no encoded '/', '\\' or NUL (%2F %5C %00), no
// backslash, no empty segment ("//"), no "." or ".." segment (also when written %2E), no control
// characters and valid UTF-8 after decoding (overlong forms of '.' and '/' are invalid UTF-8).
bool IsSafePath(std::string_view encoded_path, std::string_view decoded_path);

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    static Response Json(const std::string& body, int status = 200);
    static Response File(std::string body, std::string content_type, const std::string& download_name);
};

}  // namespace tongxin::http
