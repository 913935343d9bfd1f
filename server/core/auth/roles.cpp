#include "core/auth/roles.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

#include "core/auth/principal.hpp"
#include "core/crypto/vault.hpp"

namespace tongxin::auth {

namespace {

std::vector<RoleInfo>& Table() {
    static std::vector<RoleInfo> roles = {
        {"street_admin", "街道管理员", "Street administrator", {}},
        {"community_worker", "社区工作者", "Community worker", {}},
        {"liaison", "党员联络人", "Party-member liaison", {}},
        {"ethnic_liaison", "民族联络员", "Ethnic liaison officer", {}},
        {"volunteer_lead", "志愿者队长", "Volunteer team lead", {}},
        {"mediator", "调解员", "Mediator", {}},
        {"rights_head", "权益中心主任", "Head of the rights centre", {}},
        {"treasurer", "基金出纳", "Fund treasurer", {}},
        {"group_leader", "居民小组长", "Residents' group leader", {}},
        {"resident", "居民", "Resident", {}},
        {"auditor", "审计员", "Auditor", {}},
    };
    return roles;
}

std::set<std::string>& Defined() {
    static std::set<std::string> names;
    return names;
}

std::set<std::string>& OwnPerson() {
    static std::set<std::string> names;
    return names;
}

}  // namespace

void UsePermissions(const std::vector<Permission>& all) {
    std::vector<RoleInfo> roles = Table();
    for (RoleInfo& r : roles) r.permissions.clear();
    std::set<std::string> names, own_person;
    for (const Permission& perm : all) {
        if (!names.insert(perm.name).second) throw std::logic_error("permission defined twice: " + perm.name);
        if (perm.own_person) own_person.insert(perm.name);
        for (const std::string& key : perm.roles) {
            auto it = std::find_if(roles.begin(), roles.end(), [&](const RoleInfo& r) { return r.key == key; });
            if (it == roles.end()) throw std::logic_error("permission " + perm.name + " names an unknown role " + key);
            it->permissions.insert(perm.name);
        }
    }
    Table() = std::move(roles);
    Defined() = std::move(names);
    OwnPerson() = std::move(own_person);
}

bool IsDefined(const std::string& permission) { return Defined().count(permission) > 0; }

const std::set<std::string>& OwnPersonPermissions() { return OwnPerson(); }

const std::vector<RoleInfo>& Roles() { return Table(); }

const RoleInfo* FindRole(const std::string& key) {
    for (const auto& r : Roles())
        if (r.key == key) return &r;
    return nullptr;
}

bool PasswordMeetsPolicy(const std::string& pw) {
    if (pw.size() < 10 || pw.size() > 200) return false;
    bool lower = false, upper = false, digit = false, other = false;
    for (unsigned char c : pw) {
        if (c >= 'a' && c <= 'z')
            lower = true;
        else if (c >= 'A' && c <= 'Z')
            upper = true;
        else if (c >= '0' && c <= '9')
            digit = true;
        else
            other = true;
    }
    return lower + upper + digit + other >= 3;
}

std::string HashPassword(const std::string& password) {
    crypto::EnsureSodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("out of memory while hashing a password");
    }
    return out;
}

bool VerifyPassword(const std::string& hash, const std::string& password) {
    crypto::EnsureSodium();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string ScopeKindName(ScopeKind kind) {
    switch (kind) {
        case ScopeKind::kStreet:
            return "street";
        case ScopeKind::kCommunity:
            return "community";
        case ScopeKind::kGrid:
            return "grid";
        case ScopeKind::kBuilding:
            return "building";
        case ScopeKind::kAssigned:
            return "assigned";
        case ScopeKind::kSelf:
            return "self";
    }
    return "self";
}

std::optional<ScopeKind> ParseScopeKind(const std::string& name) {
    if (name == "street") return ScopeKind::kStreet;
    if (name == "community") return ScopeKind::kCommunity;
    if (name == "grid") return ScopeKind::kGrid;
    if (name == "building") return ScopeKind::kBuilding;
    if (name == "assigned") return ScopeKind::kAssigned;
    if (name == "self") return ScopeKind::kSelf;
    return std::nullopt;
}

}  // namespace tongxin::auth
