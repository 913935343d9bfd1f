#pragma once
// Roles and the permissions each grants. A role's place scope is set per account
// (users.scope_kind / scope_place_id); the role says what, the scope says where.
#include <set>
#include <string>
#include <vector>

namespace tongxin::auth {

struct RoleInfo {
    std::string key;  // "community_worker"
    std::string zh;
    std::string en;
    std::set<std::string> permissions;
};

const std::vector<RoleInfo>& Roles();
const RoleInfo* FindRole(const std::string& key);

// Password policy: at least 10 characters and three of: lower, upper, digit, symbol.
bool PasswordMeetsPolicy(const std::string& password);
// Argon2id (libsodium, interactive limits: ~190 ms, 64 MiB). Run off the I/O threads.
std::string HashPassword(const std::string& password);
bool VerifyPassword(const std::string& hash, const std::string& password);

}  // namespace tongxin::auth
