#pragma once
// The accounts module's records: staff and resident accounts as the users list shows them, and
// audit log entries with their filter.
#include <cstdint>
#include <optional>
#include <string>

#include "core/db/page.hpp"

namespace tongxin::accounts {

struct Account {
    int64_t id = 0;
    std::string username, display_name, role, scope_kind;
    std::optional<int64_t> scope_place_id;
    std::optional<std::string> scope_place;  // the place's name
    std::optional<int64_t> resident_id;      // the person the account belongs to, if any
    std::optional<std::string> resident;
    bool disabled = false;
    bool must_change_password = false;
    bool locked = false;  // too many failed logins: waiting, or until an administrator unlocks it
};

// What an administrator may change on an account (the username stays).
struct AccountInput {
    std::string display_name, role, scope_kind;
    std::optional<int64_t> scope_place_id, resident_id;
};

struct AuditEntry {
    int64_t seq = 0;
    int64_t at = 0;  // Unix seconds
    std::string username, client_addr, action, object_type, object_id, outcome;
    std::string details;  // the entry's JSON object as stored
};

// Every field optional; `action` matches as a prefix ("charity." for all of the fund's).
struct AuditFilter {
    std::optional<std::string> action, username, object_type, object_id, outcome;
    db::PageSpan page;
};

}  // namespace tongxin::accounts
