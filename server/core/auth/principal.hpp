#pragma once
// Principal: who is making a request, what they may do, and which places they may see.
// Built once per request by the authenticator; repositories read the scope from it.
#include <cstdint>
#include <optional>
#include <set>
#include <string>

namespace tongxin::auth {

enum class ScopeKind { kStreet, kCommunity, kGrid, kBuilding, kAssigned, kSelf };

struct Principal {
    int64_t user_id = 0;
    std::string username;
    std::string display_name;
    std::string role;
    std::set<std::string> permissions;
    ScopeKind scope_kind = ScopeKind::kSelf;
    std::optional<int64_t> scope_place_id;  // street/community/grid/building id; for kAssigned the
                                            // assignee's resident id; for kSelf the household id
    std::optional<int64_t> resident_id;     // for residents: their own record
    int64_t session_id = 0;
    bool via_cookie = false;
    // After an administrator's reset: only the own password change (and who-am-I, log out) is
    // allowed until then.
    bool must_change_password = false;

    bool Can(const std::string& permission) const { return permissions.count(permission) > 0; }
};

std::string ScopeKindName(ScopeKind kind);
std::optional<ScopeKind> ParseScopeKind(const std::string& name);

}  // namespace tongxin::auth
