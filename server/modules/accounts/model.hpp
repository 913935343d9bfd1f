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
    bool disabled = false;
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
