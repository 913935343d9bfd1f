#include "modules/accounts/service.hpp"

#include "core/error/app_error.hpp"

namespace tongxin::accounts {

namespace {

constexpr db::ListSql kAccountList{
    .columns = "id, username, display_name, role, scope_kind, scope_place_id, disabled",
    .from = "users",
    .order_by = "username, id",
};

Account AccountFrom(const db::Row& r) {
    return {.id = r.Int("id"),
            .username = r.Str("username"),
            .display_name = r.Str("display_name"),
            .role = r.Str("role"),
            .scope_kind = r.Str("scope_kind"),
            .scope_place_id = r.OptInt("scope_place_id"),
            .disabled = r.Bool("disabled")};
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
    where.Add("id = ?", id);
    auto page = db::ListAll<Account>(db_.Local(), kAccountList, where, AccountFrom);
    if (page.items.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    return page.items.front();
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
