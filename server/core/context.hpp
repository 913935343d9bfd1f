#pragma once
// What every module's Register() receives: the database, the vault, accounts, and the router.
#include "core/audit/audit.hpp"
#include "core/auth/auth_service.hpp"
#include "core/crypto/vault.hpp"
#include "core/db/database.hpp"
#include "core/http/request.hpp"

namespace tongxin {

struct Context {
    db::Database& db;
    const crypto::Vault& vault;
    auth::AuthService& auth;
    // The address residents reach ("https://tongxin.example.cn", no trailing slash), from
    // --public-url; empty: links are relative. Links are never built from request headers.
    std::string public_url;

    // An absolute link when the public URL is known, else the path itself.
    std::string Link(const std::string& path) const { return public_url + path; }
};

inline audit::Actor ActorOf(const http::Request& req) {
    if (!req.principal) return {std::nullopt, "-", req.client_addr};
    return {req.principal->user_id, req.principal->username, req.client_addr};
}

}  // namespace tongxin
