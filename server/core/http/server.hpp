#pragma once
// The HTTP server: Beast + Asio with C++20 coroutines. I/O runs on a few threads; handlers run
// on a separate worker pool (they block on the database and on password hashing), each worker
// keeping its own database connection. Keep-alive, header/body timeouts, per-route body
// limits (413), access log, security headers, graceful shutdown on SIGTERM/SIGINT.
// Nothing is read before it is allowed: a request's path is checked (400) and, when it has a
// body, its route, session and permission are checked from the head (Router::Admit) before one
// byte of the body is read; bodies must keep a minimum rate; connections are capped in all and
// per client address (503).
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
    size_t body_limit = 1 << 20;           // default for a route that sets none (Route::body_limit)
    int header_timeout_seconds = 15;       // time to send the request head (and idle keep-alive)
    int body_timeout_seconds = 60;         // time to write a response
    size_t min_body_rate = 16 * 1024;      // bytes/s a body must arrive at, after a grace period
    int body_grace_seconds = 5;            // ... of this many seconds
    int max_connections = 4096;            // open connections in all
    int max_connections_per_client = 512;  // from one client address (a proxy counts as one)
    int shutdown_grace_seconds = 20;
    bool access_log = true;
};

// Runs until SIGTERM/SIGINT; then stops accepting, lets in-flight requests finish, and returns.
// `on_listening` receives the bound port (useful with port 0).
void Serve(const Router& router, const ServerOptions& options, const std::function<void(unsigned short)>& on_listening);

// Adds the security headers every response carries.
void AddSecurityHeaders(Response& resp);

}  // namespace tongxin::http
