#pragma once
// Reading accounts and the audit log (creating accounts and everything about sessions and
// passwords is auth::AuthService's).
#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
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
    // Role, scope, the linked resident and the display name; checked as at creation (the place
    // must be of the scope's kind and in the administrator's scope). Ends the account's
    // sessions when what it may do changed.
    void Update(const auth::Principal& p, int64_t id, const AccountInput& in, const audit::Actor& actor);
    // A disabled account cannot log in and its sessions end; enabling gives it back.
    void SetDisabled(const auth::Principal& p, int64_t id, bool disabled, const audit::Actor& actor);
    // Sets a temporary password (the policy applies) that must be changed at the next login;
    // ends the account's sessions.
    void ResetPassword(const auth::Principal& p, int64_t id, const std::string& temporary, const audit::Actor& actor);
    // Clears the failed-login counts of the account (from every address).
    void Unlock(int64_t id, const audit::Actor& actor);

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
