#include "core/auth/auth_service.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "core/auth/roles.hpp"
#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"

namespace tongxin::auth {
namespace json = boost::json;
namespace {

// Failures counted against one throttle key within the window, and its lock.
struct Tally {
    int64_t failures = 0;
    int64_t locked_until = 0;
};

// Counts one attempt against `key` (before its password is checked, so that parallel attempts
// are counted too); a locked key is not counted again. One statement: atomic on both databases.
Tally Count(db::Connection& conn, const std::string& key, int64_t now) {
    int64_t window_start = now - AuthService::kLockSeconds;
    auto row = conn.QueryOne(
        "INSERT INTO login_throttle (key, failures, first_failure_at, locked_until, last_failure_at) "
        "VALUES (?, 1, ?, 0, ?) ON CONFLICT (key) DO UPDATE SET "
        "failures = CASE WHEN login_throttle.locked_until > ? THEN login_throttle.failures "
        "WHEN login_throttle.first_failure_at <= ? THEN 1 ELSE login_throttle.failures + 1 END, "
        "first_failure_at = CASE WHEN login_throttle.locked_until > ? THEN login_throttle.first_failure_at "
        "WHEN login_throttle.first_failure_at <= ? THEN ? ELSE login_throttle.first_failure_at END, "
        "last_failure_at = ? RETURNING failures, locked_until",
        key, now, now, now, window_start, now, window_start, now, now);
    return {row->Int("failures"), row->Int("locked_until")};
}

void LockUntil(db::Connection& conn, const std::string& key, int64_t until) {
    conn.Exec("UPDATE login_throttle SET locked_until = ? WHERE key = ?", until, key);
}

[[noreturn]] void Refuse(int64_t seconds) {
    throw AppError::TooManyRequests("account_locked", std::max<int64_t>(1, seconds));
}

}  // namespace

Principal AuthService::LoadPrincipal(db::Connection& conn, int64_t user_id) {
    auto row = conn.QueryOne(
        "SELECT u.id, u.username, u.display_name, u.role, u.scope_kind, u.scope_place_id, u.resident_id, "
        "u.must_change_password, r.household_id FROM users u LEFT JOIN residents r ON r.id = u.resident_id WHERE u.id "
        "= ? AND u.disabled = 0",
        user_id);
    if (!row) throw AppError(ErrorCode::kUnauthorized, "unauthorized");
    Principal p;
    p.user_id = row->Int("id");
    p.username = row->Str("username");
    p.display_name = row->Str("display_name");
    p.role = row->Str("role");
    p.must_change_password = row->Bool("must_change_password");
    if (const RoleInfo* role = FindRole(p.role)) p.permissions = role->permissions;
    p.scope_kind = ParseScopeKind(row->Str("scope_kind")).value_or(ScopeKind::kSelf);
    p.scope_place_id = row->OptInt("scope_place_id");
    p.resident_id = row->OptInt("resident_id");
    if (p.scope_kind == ScopeKind::kSelf) p.scope_place_id = row->OptInt("household_id");
    if (p.scope_kind == ScopeKind::kAssigned) p.scope_place_id = p.resident_id;
    if (p.resident_id) p.permissions.insert(OwnPersonPermissions().begin(), OwnPersonPermissions().end());
    return p;
}

LoginResult AuthService::Login(const std::string& username, const std::string& password, const std::string& client_addr,
                               const std::string& user_agent) {
    db::Connection& conn = db_.Local();
    int64_t now = time::NowUnix();
    const std::string pair_key = "pair:" + client_addr + "|" + username;
    const std::string user_key = "user:" + username;
    const std::string addr_key = "addr:" + client_addr;
    {
        // The attempt is counted before the password is checked; a refusal rolls the counts back.
        db::Transaction tx(conn, db::Transaction::Mode::kWrite);
        Tally pair = Count(conn, pair_key, now);
        if (pair.locked_until > now) Refuse(pair.locked_until - now);
        if (pair.failures >= kMaxFailures) LockUntil(conn, pair_key, now + kLockSeconds);
        Tally user = Count(conn, user_key, now);
        if (user.locked_until > now) Refuse(user.locked_until - now);
        if (user.failures >= kMaxFailures) {
            int64_t wait = std::min<int64_t>(int64_t{1} << std::min<int64_t>(user.failures - kMaxFailures, 6),
                                             kMaxAccountDelaySeconds);
            LockUntil(conn, user_key, now + wait);
        }
        Tally addr = Count(conn, addr_key, now);
        if (addr.locked_until > now) Refuse(addr.locked_until - now);
        tx.Commit();
    }
    auto row = conn.QueryOne("SELECT id, password_hash FROM users WHERE username = ? AND disabled = 0", username);
    // Hash even for unknown users so that timing does not reveal which usernames exist.
    static const std::string kDummy = HashPassword("Dummy-password-1");
    bool ok = VerifyPassword(row ? row->Str("password_hash") : kDummy, password) && row.has_value();

    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    audit::Actor actor{row ? row->OptInt("id") : std::nullopt, username, client_addr};
    if (!ok) {
        // The address is locked once its failures span several accounts.
        int64_t accounts =
            conn.QueryInt("SELECT count(*) FROM login_throttle WHERE key >= ? AND key < ? AND first_failure_at > ?",
                          "pair:" + client_addr + "|", "pair:" + client_addr + "}", now - kLockSeconds);
        auto addr = conn.QueryOne("SELECT failures FROM login_throttle WHERE key = ?", addr_key);
        if (addr && accounts >= kAddressAccounts && addr->Int(0) >= kAddressFailures)
            LockUntil(conn, addr_key, now + kLockSeconds);
        audit::Append(conn, actor, {"auth.login", "user", row ? row->Str("id") : "-", false, {}});
        tx.Commit();
        throw AppError(ErrorCode::kUnauthorized, "invalid_credentials");
    }
    // A success clears the account's counts (from this address and in all); the address keeps
    // its other failures.
    conn.Exec("DELETE FROM login_throttle WHERE key = ? OR key = ?", pair_key, user_key);
    conn.Exec("UPDATE login_throttle SET failures = failures - 1 WHERE key = ? AND failures > 0", addr_key);
    LoginResult result;
    result.token = crypto::RandomToken();
    result.csrf_token = vault_.CsrfToken(result.token);
    auto ua = user_agent.substr(0, 300);
    auto session = conn.QueryOne(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, client_addr, user_agent) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        crypto::Sha256Hex(result.token), row->Int("id"), now, now, client_addr, ua);
    result.principal = LoadPrincipal(conn, row->Int("id"));
    result.principal.session_id = session->Int(0);
    audit::Append(conn, actor, {"auth.login", "user", row->Str("id"), true, {{"session", session->Int(0)}}});
    tx.Commit();
    return result;
}

Principal AuthService::Authenticate(const std::string& token, bool via_cookie, bool is_write,
                                    const std::string& csrf_header, const std::string& client_addr) {
    db::Connection& conn = db_.Local();
    int64_t now = time::NowUnix();
    auto row =
        conn.QueryOne("SELECT id, user_id, created_at, last_seen_at, ended_at FROM sessions WHERE token_hash = ?",
                      crypto::Sha256Hex(token));
    if (!row || !row->IsNull("ended_at")) throw AppError(ErrorCode::kUnauthorized, "unauthorized");
    const int64_t session_id = row->Int("id");
    const int64_t last_seen_at = row->Int("last_seen_at");
    if (now - last_seen_at > kIdleSeconds || now - row->Int("created_at") > kAbsoluteSeconds) {
        conn.Exec("UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL", now, session_id);
        throw AppError(ErrorCode::kUnauthorized, "session_expired");
    }
    if (via_cookie && is_write && !crypto::EqualConstantTime(csrf_header, vault_.CsrfToken(token))) {
        throw AppError(ErrorCode::kForbidden, "csrf_failed");
    }
    if (now - last_seen_at >= 30) conn.Exec("UPDATE sessions SET last_seen_at = ? WHERE id = ?", now, session_id);
    Principal p = LoadPrincipal(conn, row->Int("user_id"));
    p.session_id = session_id;
    p.via_cookie = via_cookie;
    return p;
}

void AuthService::Logout(const Principal& p, const std::string& client_addr) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    conn.Exec("UPDATE sessions SET ended_at = ? WHERE id = ?", time::NowUnix(), p.session_id);
    audit::Append(conn, {p.user_id, p.username, client_addr},
                  {"auth.logout", "session", std::to_string(p.session_id), true, {}});
    tx.Commit();
}

std::vector<SessionInfo> AuthService::Sessions(const Principal& p) {
    db::Connection& conn = db_.Local();
    int64_t now = time::NowUnix();
    std::vector<SessionInfo> out;
    for (const auto& row :
         conn.Query("SELECT id, created_at, last_seen_at, client_addr, user_agent FROM sessions WHERE user_id = ? AND "
                    "ended_at IS NULL AND last_seen_at > ? AND created_at > ? ORDER BY last_seen_at DESC",
                    p.user_id, now - kIdleSeconds, now - kAbsoluteSeconds)) {
        out.push_back({row.Int("id"), row.Int("created_at"), row.Int("last_seen_at"), row.Str("client_addr"),
                       row.Str("user_agent"), row.Int("id") == p.session_id});
    }
    return out;
}

void AuthService::EndSession(const Principal& p, int64_t session_id, const std::string& client_addr) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto row = conn.QueryOne("SELECT id FROM sessions WHERE id = ? AND user_id = ? AND ended_at IS NULL", session_id,
                             p.user_id);
    if (!row) throw AppError(ErrorCode::kNotFound, "not_found");
    conn.Exec("UPDATE sessions SET ended_at = ? WHERE id = ?", time::NowUnix(), session_id);
    audit::Append(conn, {p.user_id, p.username, client_addr},
                  {"auth.session.ended", "session", std::to_string(session_id), true, {}});
    tx.Commit();
}

std::vector<OnlineSession> AuthService::AllSessions(const Principal& admin) {
    db::Connection& conn = db_.Local();
    int64_t now = time::NowUnix();
    std::vector<OnlineSession> out;
    for (const auto& row : conn.Query(R"sql(
SELECT s.id, s.created_at, s.last_seen_at, s.client_addr, s.user_agent, u.id AS user_id, u.username, u.display_name,
       u.role
FROM sessions s JOIN users u ON u.id = s.user_id
WHERE s.ended_at IS NULL AND s.last_seen_at > ? AND s.created_at > ?
ORDER BY s.last_seen_at DESC, s.id DESC)sql",
                                      now - kIdleSeconds, now - kAbsoluteSeconds)) {
        out.push_back({{row.Int("id"), row.Int("created_at"), row.Int("last_seen_at"), row.Str("client_addr"),
                        row.Str("user_agent"), row.Int("id") == admin.session_id},
                       row.Int("user_id"),
                       row.Str("username"),
                       row.Str("display_name"),
                       row.Str("role")});
    }
    return out;
}

void AuthService::EndAnySession(const Principal& admin, int64_t session_id, const std::string& client_addr) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto row = conn.QueryOne(
        "SELECT s.user_id, u.username FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ? AND "
        "s.ended_at IS NULL",
        session_id);
    if (!row) throw AppError(ErrorCode::kNotFound, "not_found");
    conn.Exec("UPDATE sessions SET ended_at = ? WHERE id = ?", time::NowUnix(), session_id);
    audit::Append(conn, {admin.user_id, admin.username, client_addr},
                  {"accounts.session.ended",
                   "session",
                   std::to_string(session_id),
                   true,
                   {{"user_id", row->Int("user_id")}, {"username", row->Str("username")}}});
    tx.Commit();
}

void AuthService::EndOtherSessions(const Principal& p, const std::string& client_addr) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    int64_t n = conn.QueryInt("SELECT count(*) FROM sessions WHERE user_id = ? AND id <> ? AND ended_at IS NULL",
                              p.user_id, p.session_id);
    conn.Exec("UPDATE sessions SET ended_at = ? WHERE user_id = ? AND id <> ? AND ended_at IS NULL", time::NowUnix(),
              p.user_id, p.session_id);
    audit::Append(conn, {p.user_id, p.username, client_addr},
                  {"auth.session.ended_others", "user", std::to_string(p.user_id), true, {{"ended", n}}});
    tx.Commit();
}

void AuthService::ChangePassword(const Principal& p, const std::string& current, const std::string& next,
                                 const std::string& client_addr) {
    db::Connection& conn = db_.Local();
    auto row = conn.QueryOne("SELECT password_hash FROM users WHERE id = ?", p.user_id);
    if (!row || !VerifyPassword(row->Str(0), current)) {
        throw AppError(ErrorCode::kUnprocessable, "wrong_password",
                       json::object{{"fields", {{"current_password", "wrong_password"}}}});
    }
    if (!PasswordMeetsPolicy(next)) {
        throw AppError(ErrorCode::kUnprocessable, "validation_failed",
                       json::object{{"fields", {{"new_password", "password_too_weak"}}}});
    }
    std::string hash = HashPassword(next);
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    int64_t now = time::NowUnix();
    conn.Exec("UPDATE users SET password_hash = ?, password_changed_at = ?, must_change_password = 0 WHERE id = ?",
              hash, now, p.user_id);
    conn.Exec("UPDATE sessions SET ended_at = ? WHERE user_id = ? AND id <> ? AND ended_at IS NULL", now, p.user_id,
              p.session_id);
    audit::Append(conn, {p.user_id, p.username, client_addr},
                  {"auth.password.changed", "user", std::to_string(p.user_id), true, {}});
    tx.Commit();
}

NewUser AuthService::PrepareUser(const NewUser& u) const {
    FieldErrors errors;
    if (u.username.empty() || u.username.size() > 40) errors.Add("username", "required");
    for (char c : u.username)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'))
            errors.Add("username", "invalid_choice");
    if (!FindRole(u.role)) errors.Add("role", "invalid_choice");
    if (!PasswordMeetsPolicy(u.password)) errors.Add("password", "password_too_weak");
    bool personal = u.scope_kind == ScopeKind::kSelf || u.scope_kind == ScopeKind::kAssigned;
    if (!personal && !u.scope_place_id) errors.Add("scope_place_id", "required");
    if (personal && !u.resident_id) errors.Add("resident_id", "required");
    errors.ThrowIfAny();
    NewUser prepared = u;
    prepared.password = HashPassword(u.password);
    return prepared;
}

int64_t AuthService::CreateUser(db::Connection& conn, const NewUser& u, const audit::Actor& actor) {
    if (conn.QueryInt("SELECT count(*) FROM users WHERE username = ?", u.username) > 0) {
        throw AppError(ErrorCode::kConflict, "duplicate_username");
    }
    int64_t now = time::NowUnix();
    auto row = conn.QueryOne(
        "INSERT INTO users (username, display_name, password_hash, role, scope_kind, scope_place_id, resident_id, "
        "disabled, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?) RETURNING id",
        u.username, u.display_name.empty() ? u.username : u.display_name, u.password, u.role,
        ScopeKindName(u.scope_kind), u.scope_place_id, u.resident_id, now, now);
    int64_t id = row->Int(0);
    audit::Append(conn, actor,
                  {"auth.user.created",
                   "user",
                   std::to_string(id),
                   true,
                   {{"username", u.username}, {"role", u.role}, {"scope", ScopeKindName(u.scope_kind)}}});
    return id;
}

}  // namespace tongxin::auth
