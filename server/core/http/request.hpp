#pragma once
// Request and Response as the router and handlers see them: plain data, no Beast types, so
// that handlers compile fast and can be driven in-process by tests.
#include <map>
#include <optional>
#include <string>
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
    const auth::Principal& User() const { return *principal; }
};

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    static Response Json(const std::string& body, int status = 200);
    static Response File(std::string body, std::string content_type, const std::string& download_name);
};

}  // namespace tongxin::http
