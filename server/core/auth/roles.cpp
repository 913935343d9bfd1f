#include "core/auth/roles.hpp"

#include <sodium.h>

#include <stdexcept>

#include "core/auth/principal.hpp"
#include "core/crypto/vault.hpp"

namespace tongxin::auth {

const std::vector<RoleInfo>& Roles() {
    static const std::vector<RoleInfo> kAll = {
        {"street_admin",
         "街道管理员",
         "Street administrator",
         {"places.read",         "places.write",     "residents.read", "residents.write", "residents.sensitive",
          "residents.import",    "residents.export", "reports.read",   "users.manage",    "organizations.read",
          "organizations.write", "party.read",       "party.write",    "party.visit",     "volunteer.read",
          "volunteer.write",     "services.read",    "services.write", "charity.read",    "charity.approve",
          "cases.count",         "shuttle.read",     "shuttle.write",  "shuttle.board",   "notices.write"}},
        {"community_worker",
         "社区工作者",
         "Community worker",
         {"places.read",      "places.write",     "residents.read", "residents.write",    "residents.sensitive",
          "residents.import", "residents.export", "reports.read",   "organizations.read", "organizations.write",
          "party.read",       "party.write",      "party.visit",    "volunteer.read",     "volunteer.write",
          "services.read",    "services.write",   "charity.read",   "charity.approve",    "cases.intake",
          "cases.count",      "shuttle.read",     "shuttle.write",  "shuttle.board",      "notices.write"}},
        {"liaison",
         "党员联络人",
         "Party-member liaison",
         {"residents.read", "party.read", "party.visit", "volunteer.self"}},
        {"volunteer_lead",
         "志愿者队长",
         "Volunteer team lead",
         {"places.read", "reports.read", "residents.read", "organizations.read", "volunteer.read", "volunteer.write",
          "shuttle.board"}},
        {"mediator",
         "调解员",
         "Mediator",
         {"places.read", "reports.read", "residents.read", "cases.intake", "cases.handle", "cases.count"}},
        {"rights_head",
         "权益中心主任",
         "Head of the rights centre",
         {"places.read", "reports.read", "residents.read", "cases.intake", "cases.handle", "cases.head",
          "cases.count"}},
        {"treasurer",
         "基金出纳",
         "Fund treasurer",
         {"places.read", "reports.read", "residents.read", "organizations.read", "charity.read", "charity.write"}},
        {"group_leader",
         "居民小组长",
         "Residents' group leader",
         {"places.read", "residents.read", "volunteer.self", "shuttle.book"}},
        {"resident", "居民", "Resident", {"residents.read", "volunteer.self", "shuttle.book"}},
        {"auditor",
         "审计员",
         "Auditor",
         {"audit.read", "reports.read", "places.read", "organizations.read", "volunteer.read", "services.read",
          "charity.read"}},
    };
    return kAll;
}

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
