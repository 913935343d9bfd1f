#pragma once
// Serves the built web app: ETag + Cache-Control (hashed assets immutable, index.html
// revalidated), 304 on If-None-Match, and the SPA fallback to index.html for app routes.
// Only regular files whose canonical path lies inside the canonical web root are served (a
// symlink pointing outside, or any path that resolves elsewhere, is 404).
#include <string>

#include "core/http/request.hpp"

namespace tongxin::http {

class StaticSite {
  public:
    // Throws std::runtime_error if `root` is not a directory.
    explicit StaticSite(const std::string& root);
    Response Serve(const Request& req) const;
    const std::string& root() const { return root_; }
    // True if `path` (which may not exist yet) is the web root or lies inside it.
    bool Contains(const std::string& path) const;

  private:
    std::string root_;  // canonical, without a trailing '/'
};

}  // namespace tongxin::http
