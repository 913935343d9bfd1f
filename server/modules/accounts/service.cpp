#include "modules/accounts/service.hpp"

#include "core/auth/roles.hpp"
#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"
#include "modules/places/service.hpp"

namespace tongxin::accounts {

namespace {

constexpr db::ListSql kAccountList{
    .columns = R"sql(u.id, u.username, u.display_name, u.role, u.scope_kind, u.scope_place_id, pl.name AS scope_place,
       u.resident_id, r.name AS resident, u.disabled, u.must_change_password,
       (SELECT max(t.locked_until) FROM login_throttle t
        WHERE t.key = 'user:' || u.username
           OR (substr(t.key, 1, 5) = 'pair:'
               AND substr(t.key, length(t.key) - length(u.username)) = '|' || u.username)) AS locked_until)sql",
    .from = "users u LEFT JOIN places pl ON pl.id = u.scope_place_id LEFT JOIN residents r ON r.id = u.resident_id",
    .order_by = "u.username, u.id",
    .count_from = "users u",
};

Account AccountFrom(const db::Row& r) {
    return {.id = r.Int("id"),
            .username = r.Str("username"),
            .display_name = r.Str("display_name"),
            .role = r.Str("role"),
            .scope_kind = r.Str("scope_kind"),
            .scope_place_id = r.OptInt("scope_place_id"),
            .scope_place = r.OptStr("scope_place"),
            .resident_id = r.OptInt("resident_id"),
            .resident = r.OptStr("resident"),
            .disabled = r.Bool("disabled"),
            .must_change_password = r.Bool("must_change_password"),
            .locked = r.OptInt("locked_until").value_or(0) > time::NowUnix()};
}

struct Stored {
    int64_t id = 0;
    std::string username;
};

Stored StoredAccount(db::Connection& conn, int64_t id) {
    auto row = conn.QueryOne("SELECT id, username FROM users WHERE id = ?", id);
    if (!row) throw AppError(ErrorCode::kNotFound, "not_found");
    return {row->Int("id"), row->Str("username")};
}

void EndSessions(db::Connection& conn, int64_t user_id) {
    conn.Exec("UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL", time::NowUnix(), user_id);
}

// The scope's place is of the scope's kind and in the administrator's scope; an account of one
// person (self, assigned) names a resident who lives in that scope.
void CheckScope(db::Connection& conn, const auth::Principal& p, const AccountInput& in, FieldErrors& errors) {
    if (!auth::FindRole(in.role)) errors.Add("role", "invalid_choice");
    auto kind = auth::ParseScopeKind(in.scope_kind);
    if (!kind) {
        errors.Add("scope_kind", "invalid_choice");
        return;
    }
    const bool personal = *kind == auth::ScopeKind::kSelf || *kind == auth::ScopeKind::kAssigned;
    if (personal || in.resident_id) {
        if (!in.resident_id) {
            errors.Add("resident_id", "required");
        } else {
            auto home =
                conn.QueryOne("SELECT community_id FROM residents WHERE id = ? AND moved_out IS NULL", *in.resident_id);
            if (!home || !places::FindPlace(conn, p, home->Int("community_id"))) errors.Add("resident_id", "not_found");
        }
    }
    if (personal) return;
    if (!in.scope_place_id) {
        errors.Add("scope_place_id", "required");
        return;
    }
    auto place = places::FindPlace(conn, p, *in.scope_place_id);
    if (!place || place->kind != in.scope_kind) errors.Add("scope_place_id", "invalid_choice");
}

constexpr db::ListSql kAuditList{
    .columns = "seq, at, username, client_addr, action, object_type, object_id, outcome, details",
    .from = "audit_log",
    .order_by = "seq DESC",
};

AuditEntry AuditEntryFrom(const db::Row& r) {
    return {.seq = r.Int("seq"),
            .at = r.Int("at"),
            .username = r.Str("username"),
            .client_addr = r.Str("client_addr"),
            .action = r.Str("action"),
            .object_type = r.Str("object_type"),
            .object_id = r.Str("object_id"),
            .outcome = r.Str("outcome"),
            .details = r.Str("details")};
}

}  // namespace

db::Page<Account> AccountService::List(db::PageSpan page) {
    return db::ListPage<Account>(db_.Local(), kAccountList, db::SqlWhere{}, page, AccountFrom);
}

Account AccountService::Get(int64_t id) {
    db::SqlWhere where;
    where.Add("u.id = ?", id);
    auto page = db::ListAll<Account>(db_.Local(), kAccountList, where, AccountFrom);
    if (page.items.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    return page.items.front();
}

void AccountService::Update(const auth::Principal& p, int64_t id, const AccountInput& in, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    Stored account = StoredAccount(conn, id);
    FieldErrors errors;
    CheckScope(conn, p, in, errors);
    errors.ThrowIfAny();
    auto before = conn.QueryOne("SELECT role, scope_kind, scope_place_id, resident_id FROM users WHERE id = ?", id);
    const bool rights_changed = before->Str("role") != in.role || before->Str("scope_kind") != in.scope_kind ||
                                before->OptInt("scope_place_id") != in.scope_place_id ||
                                before->OptInt("resident_id") != in.resident_id;
    conn.Exec(
        "UPDATE users SET display_name = ?, role = ?, scope_kind = ?, scope_place_id = ?, resident_id = ? WHERE id = ?",
        in.display_name.empty() ? account.username : in.display_name, in.role, in.scope_kind, in.scope_place_id,
        in.resident_id, id);
    // What the account may do changed: its open sessions carry the old rights, so they end.
    if (rights_changed) EndSessions(conn, id);
    audit::Append(conn, actor,
                  {"accounts.user.updated",
                   "user",
                   std::to_string(id),
                   true,
                   {{"username", account.username},
                    {"role", in.role},
                    {"scope", in.scope_kind},
                    {"scope_place_id", in.scope_place_id ? boost::json::value(*in.scope_place_id) : nullptr},
                    {"resident_id", in.resident_id ? boost::json::value(*in.resident_id) : nullptr},
                    {"sessions_ended", rights_changed}}});
    tx.Commit();
}

void AccountService::SetDisabled(const auth::Principal& p, int64_t id, bool disabled, const audit::Actor& actor) {
    if (id == p.user_id && disabled) throw AppError(ErrorCode::kConflict, "cannot_disable_yourself");
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    Stored account = StoredAccount(conn, id);
    conn.Exec("UPDATE users SET disabled = ? WHERE id = ?", disabled ? 1 : 0, id);
    if (disabled) EndSessions(conn, id);
    audit::Append(conn, actor,
                  {disabled ? "accounts.user.disabled" : "accounts.user.enabled",
                   "user",
                   std::to_string(id),
                   true,
                   {{"username", account.username}}});
    tx.Commit();
}

void AccountService::ResetPassword(const auth::Principal& p, int64_t id, const std::string& temporary,
                                   const audit::Actor& actor) {
    if (id == p.user_id) throw AppError(ErrorCode::kConflict, "reset_own_password");
    if (!auth::PasswordMeetsPolicy(temporary)) throw AppError::Field("password", "password_too_weak");
    const std::string hash = auth::HashPassword(temporary);  // slow: before the write lock
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    Stored account = StoredAccount(conn, id);
    conn.Exec("UPDATE users SET password_hash = ?, password_changed_at = ?, must_change_password = 1 WHERE id = ?",
              hash, time::NowUnix(), id);
    EndSessions(conn, id);
    audit::Append(conn, actor,
                  {"accounts.user.password_reset", "user", std::to_string(id), true, {{"username", account.username}}});
    tx.Commit();
}

void AccountService::Unlock(int64_t id, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    Stored account = StoredAccount(conn, id);
    // The account's own count ("user:<name>") and its counts from each address ("pair:<addr>|<name>").
    conn.Exec(R"sql(
DELETE FROM login_throttle
WHERE key = ? OR (substr(key, 1, 5) = 'pair:' AND substr(key, length(key) - ?, ? + 1) = ?))sql",
              "user:" + account.username, static_cast<int64_t>(account.username.size()),
              static_cast<int64_t>(account.username.size()), "|" + account.username);
    audit::Append(conn, actor,
                  {"accounts.user.unlocked", "user", std::to_string(id), true, {{"username", account.username}}});
    tx.Commit();
}

db::Page<AuditEntry> AuditLogService::List(const AuditFilter& f) {
    db::SqlWhere where;
    if (f.action) where.Add("action LIKE ?", *f.action + "%");
    if (f.username) where.Add("username = ?", *f.username);
    if (f.object_type) where.Add("object_type = ?", *f.object_type);
    if (f.object_id) where.Add("object_id = ?", *f.object_id);
    if (f.outcome) where.Add("outcome = ?", *f.outcome);
    return db::ListPage<AuditEntry>(db_.Local(), kAuditList, where, f.page, AuditEntryFrom);
}

}  // namespace tongxin::accounts
