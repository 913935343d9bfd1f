#pragma once
// Reading accounts and the audit log (creating accounts and everything about sessions and
// passwords is auth::AuthService's).
#include "core/db/database.hpp"
#include "modules/accounts/model.hpp"

namespace tongxin::accounts {

class AccountService {
  public:
    explicit AccountService(db::Database& db) : db_(db) {}
    // Every account, by username.
    db::Page<Account> List(db::PageSpan page);
    // One account; 404 when there is none.
    Account Get(int64_t id);

  private:
    db::Database& db_;
};

class AuditLogService {
  public:
    explicit AuditLogService(db::Database& db) : db_(db) {}
    // Entries matching `f`, newest first.
    db::Page<AuditEntry> List(const AuditFilter& f);

  private:
    db::Database& db_;
};

// What the module's routes use.
struct AccountsModule {
    explicit AccountsModule(db::Database& db) : accounts(db), audit(db) {}
    AccountService accounts;
    AuditLogService audit;
};

}  // namespace tongxin::accounts
