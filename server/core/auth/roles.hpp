#pragma once
// Roles and the permissions each grants. Modules define the permissions (modules/<m>/module.cpp,
// each with the roles that hold it); the roles themselves are fixed here. A role's place scope is
// set per account (users.scope_kind / scope_place_id); the role says what, the scope says where.
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

// A permission a module defines ("shuttle.book") and the roles that hold it. `own_person`: also
// held by every account linked to a resident (users.resident_id) whatever its role, for that
// person's own pages — a volunteer team lead who lives in the community checks in and sees their
// own hours like any resident.
struct Permission {
    std::string name;
    std::vector<std::string> roles;
    bool own_person = false;
};

// Installs the permissions of all modules (once, before serving); throws on an unknown role or
// a permission defined twice.
void UsePermissions(const std::vector<Permission>& all);
bool IsDefined(const std::string& permission);
// The permissions every account linked to a resident holds (Permission::own_person).
const std::set<std::string>& OwnPersonPermissions();

// The roles with the permissions the installed modules grant them.
const std::vector<RoleInfo>& Roles();
const RoleInfo* FindRole(const std::string& key);

// Password policy: at least 10 characters and three of: lower, upper, digit, symbol.
bool PasswordMeetsPolicy(const std::string& password);
// Argon2id (libsodium, interactive limits: ~190 ms, 64 MiB). Run off the I/O threads.
std::string HashPassword(const std::string& password);
bool VerifyPassword(const std::string& hash, const std::string& password);

}  // namespace tongxin::auth
