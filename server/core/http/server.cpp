#include "core/http/server.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast.hpp>
#include <boost/url.hpp>
#include <chrono>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace tongxin::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

void AddSecurityHeaders(Response& resp) {
    resp.headers.emplace_back("X-Content-Type-Options", "nosniff");
    resp.headers.emplace_back("Referrer-Policy", "same-origin");
    resp.headers.emplace_back("X-Frame-Options", "DENY");
    resp.headers.emplace_back("Content-Security-Policy",
                              "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                              "script-src 'self'; connect-src 'self'; font-src 'self' data:; object-src 'none'; "
                              "base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
}

namespace {

struct Shared {
    const Router& router;
    const ServerOptions& options;
    asio::thread_pool workers;
    std::atomic<int> in_flight{0};
    std::atomic<bool> stopping{false};
    std::mutex connections_mutex;
    int connections = 0;
    std::unordered_map<std::string, int> connections_by_client;
    Shared(const Router& r, const ServerOptions& o)
        : router(r), options(o), workers(static_cast<size_t>(std::max(1, o.worker_threads))) {}

    // Counts a new connection from `client`; false (and nothing counted) when a cap is reached.
    bool Open(const std::string& client) {
        std::lock_guard lock(connections_mutex);
        int& mine = connections_by_client[client];
        if (connections >= options.max_connections || mine >= options.max_connections_per_client) {
            if (mine == 0) connections_by_client.erase(client);
            return false;
        }
        ++connections;
        ++mine;
        return true;
    }
    void Close(const std::string& client) {
        std::lock_guard lock(connections_mutex);
        --connections;
        if (--connections_by_client[client] <= 0) connections_by_client.erase(client);
    }
};

std::string LangOf(const std::string& accept_language) { return accept_language.rfind("en", 0) == 0 ? "en" : "zh"; }

// The request as handlers see it, from the head alone (the body is added once it is read).
// Returns false if the target is not a safe origin-form path (IsSafePath).
bool ToRequest(const bhttp::request<bhttp::string_body>& msg, const std::string& client_addr, Request& req) {
    req.method = std::string(msg.method_string());
    req.target = std::string(msg.target());
    for (const auto& field : msg) {
        std::string name(field.name_string());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        req.headers[name] = std::string(field.value());
    }
    req.client_addr = client_addr;
    req.lang = LangOf(req.Header("accept-language"));
    auto parsed = boost::urls::parse_origin_form(req.target);
    if (!parsed) return false;
    req.path = std::string(parsed->path());
    if (!IsSafePath(parsed->encoded_path(), req.path)) return false;
    for (auto param : parsed->params()) req.query[std::string(param.key)] = std::string(param.value);
    return true;
}

bhttp::response<bhttp::string_body> ToMessage(Response&& resp, unsigned version, bool keep_alive, bool head) {
    bhttp::response<bhttp::string_body> msg{static_cast<bhttp::status>(resp.status), version};
    msg.set(bhttp::field::server, "tongxin");
    msg.set(bhttp::field::content_type, resp.content_type);
    if (resp.content_type.starts_with("application/json")) msg.set(bhttp::field::cache_control, "no-store");
    for (auto& [name, value] : resp.headers) msg.insert(name, value);
    msg.keep_alive(keep_alive);
    size_t size = resp.body.size();
    if (!head) msg.body() = std::move(resp.body);
    msg.content_length(size);
    return msg;
}

// Writes a response (with the security headers) within the stream's current deadline.
asio::awaitable<void> WriteResponse(beast::tcp_stream& stream, Response resp, unsigned version, bool keep_alive) {
    AddSecurityHeaders(resp);
    auto msg = ToMessage(std::move(resp), version, keep_alive, false);
    co_await bhttp::async_write(stream, msg, asio::as_tuple(asio::use_awaitable));
}

// An error envelope (in Chinese: the request's language is not known yet) on a closing connection.
asio::awaitable<void> WriteSimple(beast::tcp_stream& stream, int status, const std::string& code, unsigned version) {
    co_await WriteResponse(stream, ErrorResponse(status, code, "zh"), version, false);
}

// After refusing a request whose body is still arriving, read and discard for a moment before
// closing, so that the client sees the response instead of a connection reset.
asio::awaitable<void> LingeringClose(beast::tcp_stream& stream) {
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.expires_after(std::chrono::seconds(2));
    std::vector<char> sink(64 * 1024);
    size_t total = 0;
    while (total < (64u << 20)) {
        auto [ec, n] = co_await stream.async_read_some(asio::buffer(sink), asio::as_tuple(asio::use_awaitable));
        if (ec) break;
        total += n;
    }
}

// Bodies up to this size are read and dropped when their request is refused from its head.
constexpr size_t kSmallBody = 64 * 1024;

template <typename F>
auto OnWorkers(Shared& shared, F fn) -> asio::awaitable<decltype(fn())> {
    co_return co_await asio::co_spawn(
        shared.workers, [&]() -> asio::awaitable<decltype(fn())> { co_return fn(); }, asio::use_awaitable);
}

// Reads the rest of the body while it keeps the minimum rate: the deadline grows with every
// byte received (grace + received / rate), so a body sent a byte a second is cut off in seconds.
asio::awaitable<beast::error_code> ReadBody(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                            bhttp::request_parser<bhttp::string_body>& parser, const ServerOptions& o) {
    auto started = std::chrono::steady_clock::now();
    size_t received = 0;
    const double rate = static_cast<double>(std::max<size_t>(o.min_body_rate, 1));
    while (!parser.is_done()) {
        auto allowed = std::chrono::duration<double>(o.body_grace_seconds + static_cast<double>(received) / rate);
        stream.expires_at(started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(allowed));
        auto [ec, n] = co_await bhttp::async_read_some(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
        if (ec) co_return ec;
        received += n;
    }
    co_return beast::error_code{};
}

asio::awaitable<void> Session(beast::tcp_stream stream, Shared& shared, std::string client_addr) {
    const ServerOptions& o = shared.options;
    beast::flat_buffer buffer;
    for (;;) {
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(16 * 1024);
        parser.body_limit(boost::none);  // each route's limit is applied once the head is admitted
        stream.expires_after(std::chrono::seconds(o.header_timeout_seconds));
        auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
        if (ec) {
            if (ec == bhttp::error::header_limit)
                co_await WriteSimple(stream, 431, "bad_request", 11);
            else if (ec != bhttp::error::end_of_stream && ec != beast::error::timeout && ec != asio::error::eof &&
                     ec != asio::error::connection_reset) {
                co_await WriteSimple(stream, 400, "bad_request", 11);
            }
            break;
        }
        auto started = std::chrono::steady_clock::now();
        auto& head = parser.get();
        unsigned version = head.version();
        bool has_body = parser.chunked() || parser.content_length().value_or(0) > 0;
        Request req;
        if (!ToRequest(head, client_addr, req)) {
            co_await WriteSimple(stream, 400, "bad_request", version);
            if (has_body) co_await LingeringClose(stream);
            break;
        }
        if (has_body) {
            size_t limit = o.body_limit;
            auto refused = co_await OnWorkers(shared, [&] { return shared.router.Admit(req, o.body_limit, limit); });
            if (!refused && parser.content_length() && *parser.content_length() > limit) {
                refused = ErrorResponse(413, "payload_too_large", req.lang);
            }
            if (refused) {
                // A small body is read (at the minimum rate) and dropped, so that the connection
                // stays usable; a large one is not read: the answer goes out and the connection closes.
                bool small = !parser.chunked() && parser.content_length().value_or(0) <= kSmallBody;
                if (small) {
                    parser.body_limit(kSmallBody);
                    small = !(co_await ReadBody(stream, buffer, parser, o));
                }
                bool keep = small && head.keep_alive() && !shared.stopping;
                stream.expires_after(std::chrono::seconds(o.body_timeout_seconds));
                co_await WriteResponse(stream, std::move(*refused), version, keep);
                if (keep) continue;
                co_await LingeringClose(stream);
                break;
            }
            parser.body_limit(limit);
            ec = co_await ReadBody(stream, buffer, parser, o);
            if (ec) {
                if (ec == bhttp::error::body_limit) {
                    co_await WriteSimple(stream, 413, "payload_too_large", version);
                    co_await LingeringClose(stream);
                } else if (ec == beast::error::timeout) {
                    co_await WriteSimple(stream, 408, "request_timeout", version);
                } else if (ec != asio::error::eof && ec != asio::error::connection_reset) {
                    co_await WriteSimple(stream, 400, "bad_request", version);
                }
                break;
            }
            req.body = std::move(parser.get().body());
        }
        stream.expires_never();
        bool keep_alive = head.keep_alive() && !shared.stopping;
        bool is_head = head.method() == bhttp::verb::head;
        ++shared.in_flight;
        Response resp = co_await OnWorkers(shared, [&] { return shared.router.Dispatch(req); });
        AddSecurityHeaders(resp);
        int status = resp.status;
        auto out = ToMessage(std::move(resp), version, keep_alive && !shared.stopping, is_head);
        stream.expires_after(std::chrono::seconds(o.body_timeout_seconds));
        auto [wec, written] = co_await bhttp::async_write(stream, out, asio::as_tuple(asio::use_awaitable));
        --shared.in_flight;
        if (o.access_log) {
            auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            spdlog::info("{} {} {} {} {}B {:.1f}ms", client_addr, req.method, req.path, status, written, ms);
        }
        if (wec || !out.keep_alive()) break;
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

// Counts the connection for its client address while it lives; refuses it (503) over a cap.
asio::awaitable<void> Guarded(beast::tcp_stream stream, Shared& shared) {
    beast::error_code addr_ec;
    std::string client_addr = stream.socket().remote_endpoint(addr_ec).address().to_string();
    if (!shared.Open(client_addr)) {
        stream.expires_after(std::chrono::seconds(2));
        co_await WriteSimple(stream, 503, "too_many_connections", 11);
        beast::error_code ignored;
        stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        co_return;
    }
    struct Release {
        Shared& shared;
        std::string addr;
        ~Release() { shared.Close(addr); }
    } release{shared, client_addr};
    co_await Session(std::move(stream), shared, client_addr);
}

asio::awaitable<void> Listen(tcp::acceptor& acceptor, Shared& shared) {
    for (;;) {
        auto [ec, socket] = co_await acceptor.async_accept(asio::as_tuple(asio::use_awaitable));
        if (ec) {
            if (ec == asio::error::operation_aborted || shared.stopping) co_return;
            continue;
        }
        socket.set_option(tcp::no_delay(true), ec);
        asio::co_spawn(acceptor.get_executor(), Guarded(beast::tcp_stream(std::move(socket)), shared), asio::detached);
    }
}

}  // namespace

void Serve(const Router& router, const ServerOptions& options,
           const std::function<void(unsigned short)>& on_listening) {
    asio::io_context io(options.io_threads);
    Shared shared(router, options);
    tcp::endpoint endpoint(asio::ip::make_address(options.host), options.port);
    tcp::acceptor acceptor(io);
    acceptor.open(endpoint.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(asio::socket_base::max_listen_connections);
    if (on_listening) on_listening(acceptor.local_endpoint().port());

    asio::signal_set signals(io, SIGINT, SIGTERM);
    asio::steady_timer drain(io);
    auto started_drain = std::make_shared<std::chrono::steady_clock::time_point>();
    std::function<void()> check_drained = [&] {
        auto waited = std::chrono::steady_clock::now() - *started_drain;
        if (shared.in_flight == 0 || waited > std::chrono::seconds(options.shutdown_grace_seconds)) {
            spdlog::info("shutting down ({} requests still in flight)", shared.in_flight.load());
            io.stop();
            return;
        }
        drain.expires_after(std::chrono::milliseconds(20));
        drain.async_wait([&](beast::error_code) { check_drained(); });
    };
    signals.async_wait([&](beast::error_code ec, int sig) {
        if (ec) return;
        spdlog::info("signal {} received: finishing in-flight requests", sig);
        shared.stopping = true;
        beast::error_code ignored;
        acceptor.close(ignored);
        *started_drain = std::chrono::steady_clock::now();
        check_drained();
    });

    asio::co_spawn(io, Listen(acceptor, shared), asio::detached);
    std::vector<std::thread> threads;
    for (int i = 1; i < options.io_threads; ++i) threads.emplace_back([&] { io.run(); });
    io.run();
    for (auto& t : threads) t.join();
    shared.workers.join();
}

}  // namespace tongxin::http
