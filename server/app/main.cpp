// tongxin: the composition root. Builds core, registers every module, and runs a subcommand.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <boost/url.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "app/demo.hpp"
#include "core/audit/audit.hpp"
#include "core/auth/auth_service.hpp"
#include "core/auth/roles.hpp"
#include "core/crypto/vault.hpp"
#include "core/db/migrator.hpp"
#include "core/http/server.hpp"
#include "core/http/static_files.hpp"
#include "modules/charity/service.hpp"
#include "modules/module.hpp"
#include "modules/reports/memo.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::db {
void SqliteCopy(const std::string& from, const std::string& to);
}

namespace {
using namespace tongxin;

bool IsPostgres(const std::string& url) { return url.rfind("postgres", 0) == 0; }

// scheme://host[:port] and nothing else (a trailing "/" is allowed).
bool IsPublicUrl(std::string& url) {
    if (!url.empty() && url.back() == '/') url.pop_back();
    auto parsed = boost::urls::parse_absolute_uri(url);
    if (!parsed || (parsed->scheme() != "http" && parsed->scheme() != "https")) return false;
    return parsed->has_authority() && !parsed->host().empty() && parsed->path().empty() && !parsed->has_query() &&
           !parsed->has_fragment() && !parsed->has_userinfo();
}

std::string DefaultKeyFile(const std::string& db_url) {
    if (const char* env = std::getenv("TONGXIN_KEY_FILE"); env && *env) return env;
    return IsPostgres(db_url) ? "data/tongxin-pg.key" : db_url + ".key";
}

// After bulk writes (demo, generator): figures kept per community are computed again.
void TouchAllCommunities(db::Database& db) {
    db::Connection& conn = db.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    reports::TouchAll(conn);
    tx.Commit();
}

// Everything a running Tongxin holds. Modules install their permissions, routes and indicators
// here (modules/all.cpp lists them); the App knows none of them by name.
struct App {
    std::unique_ptr<db::Database> db;
    crypto::Vault vault;
    auth::AuthService auth;
    Context ctx;
    reports::Registry registry;
    http::Router router;
    std::vector<std::shared_ptr<void>> modules;

    App(const std::string& db_url, const std::string& key_file, const std::string& public_url = "")
        : db(db::OpenDatabase(db_url)),
          vault(crypto::Vault::LoadOrCreate(key_file)),
          auth(*db, vault),
          ctx{*db, vault, auth, public_url} {
        audit::UseKey(vault.AuditKey());
        db::Migrate(*db);
        audit::UpgradeChain(db->Local());
        ModuleHost host{ctx, router, registry};
        modules = InstallModules(AllModules(), host);
        router.Add("GET", "/api/v1/openapi.json", http::Access::Public(), "This document",
                   [this](http::Request&) { return http::Response::Json(router.OpenApi()); });
    }
    // The registry of people, for the demo loader and the generator.
    residents::ResidentService Residents() { return residents::ResidentService(*db, vault); }
};

std::string AuditBroken(const audit::VerifyResult& r) {
    return "audit log broken at entry " + std::to_string(r.first_bad_seq.value_or(0)) + ": " + r.reason;
}

int Fail(const std::string& why) {
    std::cerr << "tongxin: " << why << "\n";
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Tongxin (同心): community ethnic-unity work, five lines and six platforms"};
    cli.require_subcommand(1);
    std::string db_url, key_file, host = "127.0.0.1", web_dir, password, username, role, to, from;
    int port = 8080, workers = 4;
    int64_t residents_n = 0, community_id = 0;
    int communities = 10;
    uint64_t seed = 1;
    bool quiet = false;

    auto add_db = [&](CLI::App* sub) {
        sub->add_option("--db", db_url, "SQLite file path or postgresql:// URL")->required();
        sub->add_option("--key", key_file, "key file for encrypted fields (default: <db>.key)");
    };
    auto* serve = cli.add_subcommand("serve", "Run the HTTP server (API and web app)");
    add_db(serve);
    serve->add_option("--host", host, "address to listen on");
    serve->add_option("--port", port, "port (0 picks a free one)");
    serve->add_option("--web", web_dir, "directory of the built web app (web/dist)");
    serve->add_option("--workers", workers, "request worker threads");
    serve->add_flag("--quiet", quiet, "no access log");
    int header_timeout = 15;
    serve->add_option("--header-timeout", header_timeout, "seconds a client may take to send a request head");
    std::string public_url;
    serve->add_option("--public-url", public_url,
                      "address residents reach (https://…), used for every link and QR code; also TONGXIN_PUBLIC_URL");
    int max_connections = 4096, max_per_client = 512;
    int64_t min_body_rate = 16 * 1024;
    serve->add_option("--max-connections", max_connections, "open connections in all");
    serve->add_option("--max-connections-per-client", max_per_client,
                      "open connections from one client address (a reverse proxy counts as one)");
    serve->add_option("--min-body-rate", min_body_rate, "bytes per second a request body must arrive at");
    auto* migrate = cli.add_subcommand("migrate", "Bring the database to the current schema");
    add_db(migrate);
    auto* demo = cli.add_subcommand("demo", "Load the demo street, communities, records and accounts");
    add_db(demo);
    demo->add_option("--admin-password", password, "password for every demo account (default: random, printed)");
    auto* gen = cli.add_subcommand("gen", "Generate synthetic data at scale");
    add_db(gen);
    gen->add_option("--residents", residents_n, "number of residents (0: add to the existing ones)");
    int64_t hours_n = 0;
    gen->add_option("--hours", hours_n, "volunteer hours entries to generate over the communities");
    int64_t donations_n = 0;
    gen->add_option("--donations", donations_n, "donations to generate over the communities");
    bool pairings = false;
    gen->add_flag("--pairings", pairings, "pair the minority residents of every community with party-member liaisons");
    gen->add_option("--communities", communities, "number of communities");
    gen->add_option("--seed", seed, "random seed");
    auto* user = cli.add_subcommand("user", "Manage accounts");
    user->require_subcommand(1);
    auto* user_add = user->add_subcommand("add", "Create an account; the password is read from standard input");
    add_db(user_add);
    user_add->add_option("--username", username)->required();
    user_add->add_option("--role", role)->required();
    user_add->add_option("--community", community_id, "community id (omit for a street-wide account)");
    bool password_stdin = false;
    user_add->add_flag("--password-stdin", password_stdin)->required();
    auto* backup = cli.add_subcommand("backup", "Online, consistent copy of an SQLite database");
    add_db(backup);
    backup->add_option("--to", to)->required();
    auto* restore = cli.add_subcommand("restore", "Verify a backup and restore it into a database");
    restore->add_option("--from", from)->required();
    restore->add_option("--db", db_url)->required();
    auto* audit_cmd = cli.add_subcommand("audit", "Audit log tools");
    audit_cmd->require_subcommand(1);
    auto* verify = audit_cmd->add_subcommand("verify", "Check the audit log's keyed chain");
    add_db(verify);
    std::string checkpoint_file;
    verify->add_option("--checkpoint", checkpoint_file,
                       "file holding a checkpoint printed earlier: the log must still extend it");
    auto* checkpoint_cmd =
        audit_cmd->add_subcommand("checkpoint", "Print the chain's head (seq and MAC) to keep elsewhere");
    add_db(checkpoint_cmd);
    auto* books = cli.add_subcommand("books", "Care and relief fund books");
    books->require_subcommand(1);
    auto* books_check = books->add_subcommand("check", "Check that every transaction and the books balance");
    add_db(books_check);

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = cli.exit(e);
        return code == 0 ? 0 : 2;
    }
    if (key_file.empty() && !db_url.empty()) key_file = DefaultKeyFile(db_url);

    try {
        if (*serve) {
            if (public_url.empty())
                if (const char* env = std::getenv("TONGXIN_PUBLIC_URL"); env && *env) public_url = env;
            if (!public_url.empty() && !IsPublicUrl(public_url))
                return Fail("--public-url must be an http:// or https:// address without a path, query or fragment");
            std::optional<http::StaticSite> site;
            if (!web_dir.empty()) {
                site.emplace(web_dir);
                // The web root is public: the database and the key must never be inside it.
                for (const std::string& secret : {db_url, key_file}) {
                    if (!IsPostgres(secret) && site->Contains(secret))
                        return Fail(std::string("refusing to serve ")
                                        .append(web_dir)
                                        .append(": it contains ")
                                        .append(secret)
                                        .append(" (keep the database and its key outside the web directory)"));
                }
            }
            App app(db_url, key_file, public_url);
            if (site) app.router.SetFallback([&site](http::Request& req) { return site->Serve(req); });
            http::ServerOptions options;
            options.host = host;
            options.port = static_cast<unsigned short>(port);
            options.worker_threads = workers;
            options.access_log = !quiet;
            options.header_timeout_seconds = header_timeout;
            options.max_connections = max_connections;
            options.max_connections_per_client = max_per_client;
            options.min_body_rate = static_cast<size_t>(min_body_rate);
            http::Serve(app.router, options, [&](unsigned short bound) {
                std::cout << "Tongxin listening on http://" << host << ":" << bound << "/" << std::endl;
            });
            return 0;
        }
        if (*migrate) {
            auto db = db::OpenDatabase(db_url);
            int n = db::Migrate(*db);
            std::cout << "applied " << n << " migration(s)\n";
            return 0;
        }
        if (*demo) {
            bool generated = password.empty();
            if (generated) password = crypto::RandomPassword();
            if (!auth::PasswordMeetsPolicy(password)) {
                return Fail("--admin-password needs at least 10 characters and three of: upper, lower, digit, symbol");
            }
            App app(db_url, key_file);
            residents::ResidentService residents_svc = app.Residents();
            auto accounts = app::LoadDemo(*app.db, residents_svc, app.auth, password);
            TouchAllCommunities(*app.db);
            std::cout << "Demo loaded. Accounts (password: " << password << "):\n";
            for (const auto& a : accounts) std::cout << "  " << a.username << "\t" << a.description << "\n";
            return 0;
        }
        if (*gen) {
            if (residents_n < 0 || communities <= 0 || hours_n < 0 || donations_n < 0 ||
                (residents_n == 0 && hours_n == 0 && donations_n == 0 && !pairings)) {
                return Fail(
                    "give --residents, --hours, --donations (positive) and/or --pairings, and a positive "
                    "--communities");
            }
            App app(db_url, key_file);
            residents::ResidentService residents_svc = app.Residents();
            if (residents_n > 0) {
                app::Generate(*app.db, residents_svc, residents_n, communities, seed);
                std::cout << "generated " << residents_n << " residents\n";
            }
            if (hours_n > 0) app::GenerateVolunteerHours(*app.db, hours_n, seed + 1);
            if (donations_n > 0) app::GenerateDonations(*app.db, donations_n, seed + 2);
            if (pairings) app::GeneratePairings(*app.db);
            TouchAllCommunities(*app.db);
            return 0;
        }
        if (*user_add) {
            std::string pw;
            std::getline(std::cin, pw);
            App app(db_url, key_file);
            db::Connection& conn = app.db->Local();
            auth::NewUser u;
            u.username = username;
            u.role = role;
            u.password = pw;
            if (community_id > 0) {
                u.scope_kind = auth::ScopeKind::kCommunity;
                u.scope_place_id = community_id;
            } else {
                u.scope_kind = auth::ScopeKind::kStreet;
                auto street = conn.QueryOne("SELECT id FROM places WHERE kind = 'street' ORDER BY id LIMIT 1");
                if (!street) return Fail("no street exists yet; load the demo or create places first");
                u.scope_place_id = street->Int(0);
            }
            auth::NewUser prepared = app.auth.PrepareUser(u);
            db::Transaction tx(conn, db::Transaction::Mode::kWrite);
            int64_t id = app.auth.CreateUser(conn, prepared, {std::nullopt, "cli", "local"});
            tx.Commit();
            std::cout << "created user " << username << " (id " << id << ")\n";
            return 0;
        }
        if (*backup) {
            if (IsPostgres(db_url)) return Fail("for PostgreSQL use pg_dump / pg_basebackup (see docs/operations.md)");
            db::SqliteCopy(db_url, to);
            std::cout << "backup written to " << to << "\nkeep the key file " << key_file
                      << " safe as well: encrypted fields cannot be read without it\n";
            return 0;
        }
        if (*restore) {
            if (IsPostgres(db_url)) return Fail("for PostgreSQL use pg_restore (see docs/operations.md)");
            if (!std::filesystem::exists(from)) return Fail("no such backup file: " + from);
            {
                audit::UseKey(crypto::Vault::Load(key_file).AuditKey());
                auto check = db::OpenDatabase(from);
                auto rows = check->Local().Query("PRAGMA integrity_check");
                if (rows.empty() || rows.front().Str(0) != "ok")
                    return Fail("backup is damaged: integrity check failed");
                auto result = audit::Verify(check->Local());
                if (!result.ok) {
                    return Fail("backup's audit log is broken at entry " +
                                std::to_string(result.first_bad_seq.value_or(0)) + ": " + result.reason);
                }
            }
            db::SqliteCopy(from, db_url);
            std::cout << "restored " << from << " into " << db_url << "\n";
            return 0;
        }
        if (*verify || *checkpoint_cmd) {
            auto db = db::OpenDatabase(db_url);
            audit::UseKey(crypto::Vault::Load(key_file).AuditKey());
            if (*checkpoint_cmd) {
                auto result = audit::Verify(db->Local());
                if (!result.ok) return Fail(AuditBroken(result));
                std::cout << audit::FormatCheckpoint(audit::Head(db->Local())) << "\n";
                return 0;
            }
            audit::VerifyResult result;
            if (!checkpoint_file.empty()) {
                std::ifstream in(checkpoint_file);
                std::string text((std::istreambuf_iterator<char>(in)), {});
                auto cp = audit::ParseCheckpoint(text);
                if (!cp) return Fail("not a checkpoint file (expected \"<seq> <mac>\"): " + checkpoint_file);
                result = audit::Verify(db->Local(), *cp);
            } else {
                result = audit::Verify(db->Local());
            }
            if (!result.ok) return Fail(AuditBroken(result));
            std::cout << "audit log intact: " << result.entries << " entries"
                      << (checkpoint_file.empty() ? "" : ", extending the checkpoint") << "\n";
            return 0;
        }
        if (*books_check) {
            auto db = db::OpenDatabase(db_url);
            auto report = charity::LedgerService::CheckBooks(db->Local());
            for (const auto& p : report.problems) std::cerr << "books: " << p << "\n";
            if (!report.balanced) return 1;
            std::cout << "books balance: " << report.transactions << " transactions, " << report.entries
                      << " entries\n";
            return 0;
        }
    } catch (const tongxin::AppError& e) {
        std::string msg = e.key();
        if (auto* f = e.details().if_contains("fields")) msg += " " + boost::json::serialize(*f);
        return Fail(msg);
    } catch (const std::exception& e) {
        return Fail(e.what());
    }
    return 2;
}
