#pragma once
// Serves the built web app: ETag + Cache-Control (hashed assets immutable, index.html
// revalidated), 304 on If-None-Match, and the SPA fallback to index.html for app routes.
#include <string>

#include "core/http/request.hpp"

namespace tongxin::http {

Response ServeStatic(const std::string& root, const Request& req);

}  // namespace tongxin::http
