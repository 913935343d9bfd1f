#pragma once
// The HTTP server: Beast + Asio with C++20 coroutines. I/O runs on a few threads; handlers run
// on a separate worker pool (they block on the database and on password hashing), each worker
// keeping its own database connection. Keep-alive, header/body timeouts, per-route body
// limits (413), access log, security headers, graceful shutdown on SIGTERM/SIGINT.
#include <atomic>
#include <functional>
#include <string>

#include "core/http/router.hpp"

namespace tongxin::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    unsigned short port = 8080;
    int io_threads = 1;
    int worker_threads = 4;
    size_t body_limit = 1 << 20;               // 1 MiB for ordinary JSON requests
    size_t upload_limit = 64 << 20;            // for paths that start with an upload prefix
    std::vector<std::string> upload_prefixes;  // e.g. "/api/v1/residents/import"
    int header_timeout_seconds = 15;           // time to send the request head (and idle keep-alive)
    int body_timeout_seconds = 60;             // time to send the body
    int shutdown_grace_seconds = 20;
    bool access_log = true;
};

// Runs until SIGTERM/SIGINT; then stops accepting, lets in-flight requests finish, and returns.
// `on_listening` receives the bound port (useful with port 0).
void Serve(const Router& router, const ServerOptions& options, const std::function<void(unsigned short)>& on_listening);

// Adds the security headers every response carries.
void AddSecurityHeaders(Response& resp);

}  // namespace tongxin::http
