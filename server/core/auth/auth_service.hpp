#pragma once
// Accounts and sessions. Sessions are random 256-bit tokens stored as SHA-256 hashes, ended
// after 30 idle minutes or 12 hours in all. Logins are throttled (429 with Retry-After), every
// attempt counted before its password is checked so that parallel attempts cannot exceed it:
// - 5 failures of one account from one address lock that pair for 30 minutes (nobody else is
//   locked out: not the colleague at the next desk, not the account's owner elsewhere);
// - from the 5th failure of an account in all, each further attempt waits 1, 2, 4 ... 60 s;
// - an address is locked for 30 minutes only after 10 failures across 3 or more accounts.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/crypto/vault.hpp"
#include "core/db/database.hpp"

namespace tongxin::auth {

struct LoginResult {
    std::string token;
    std::string csrf_token;
    Principal principal;
};

struct SessionInfo {
    int64_t id;
    int64_t created_at;
    int64_t last_seen_at;
    std::string client_addr;
    std::string user_agent;
    bool current;
};

// A live session of any account, for the administrator's view of who is signed in.
struct OnlineSession {
    SessionInfo session;
    int64_t user_id;
    std::string username, display_name, role;
};

struct NewUser {
    std::string username;
    std::string display_name;
    std::string role;
    std::string password;
    ScopeKind scope_kind = ScopeKind::kCommunity;
    std::optional<int64_t> scope_place_id;
    std::optional<int64_t> resident_id;
};

class AuthService {
  public:
    static constexpr int64_t kIdleSeconds = int64_t{30} * 60;
    static constexpr int64_t kAbsoluteSeconds = int64_t{12} * 3600;
    static constexpr int kMaxFailures = 5;
    static constexpr int64_t kLockSeconds = int64_t{30} * 60;
    static constexpr int64_t kMaxAccountDelaySeconds = 60;
    static constexpr int kAddressAccounts = 3;
    static constexpr int kAddressFailures = 10;

    AuthService(db::Database& db, const crypto::Vault& vault) : db_(db), vault_(vault) {}

    LoginResult Login(const std::string& username, const std::string& password, const std::string& client_addr,
                      const std::string& user_agent);
    // Resolves a token to a principal, or throws 401. `write_via_cookie` requests must carry the
    // matching CSRF token (403 otherwise).
    Principal Authenticate(const std::string& token, bool via_cookie, bool is_write, const std::string& csrf_header,
                           const std::string& client_addr);
    void Logout(const Principal& p, const std::string& client_addr);
    std::vector<SessionInfo> Sessions(const Principal& p);
    void EndSession(const Principal& p, int64_t session_id, const std::string& client_addr);
    void EndOtherSessions(const Principal& p, const std::string& client_addr);
    // Every account's live sessions, most recently active first (an administrator's view).
    std::vector<OnlineSession> AllSessions(const Principal& admin);
    // Ends any account's session (an administrator: a lost phone, a shared computer); audited.
    void EndAnySession(const Principal& admin, int64_t session_id, const std::string& client_addr);
    void ChangePassword(const Principal& p, const std::string& current, const std::string& next,
                        const std::string& client_addr);
    // Validates an account and hashes its password (slow: call it before taking the write lock).
    // Throws 422 with field reasons. The result holds the hash in `password`.
    NewUser PrepareUser(const NewUser& u) const;
    // Creates a prepared account inside the caller's write transaction (409 on a taken username);
    // `actor` is who does it (for the audit log).
    int64_t CreateUser(db::Connection& conn, const NewUser& prepared, const audit::Actor& actor);

    const crypto::Vault& vault() const { return vault_; }

  private:
    Principal LoadPrincipal(db::Connection& conn, int64_t user_id);
    db::Database& db_;
    const crypto::Vault& vault_;
};

}  // namespace tongxin::auth
