#pragma once
// The demo street that `tongxin demo` builds (华阳街道 with 安公社区 and 南山社区). app/demo.cpp
// makes the places and residents; then every module, in the order of modules/all.cpp, adds its
// own records through its LoadDemo(DemoWorld&) (modules/<m>/demo.cpp), in one transaction.
// Records are generated from fixed seeds so that the figures of CONTRACT.md come out of them.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/auth/auth_service.hpp"
#include "core/db/database.hpp"

namespace tongxin {

struct DemoAccount {
    std::string username;
    std::string role;
    std::string description;
};

struct DemoCommunity {
    int64_t id = 0;
    std::string name;
    std::vector<int64_t> grids;
    uint64_t seed = 0;  // each module draws from its own stream seeded from this
};

struct DemoWorld {
    db::Connection& conn;
    auth::AuthService& auth;
    std::string password;  // of every demo account
    int64_t street = 0;
    DemoCommunity model;  // 安公社区: its 2021 records reproduce the article's figures
    DemoCommunity other;  // 南山社区: a lighter set of the lines, and the vaccination shuttle
    // Residents behind demo accounts, chosen by the module that gives them their post
    // ("liaison": party; "vlead", "officer": organizations).
    std::map<std::string, int64_t> people;
    std::vector<DemoAccount> accounts;  // created by the accounts module

    // A demo account's user id (after the accounts module has run).
    int64_t User(const std::string& username) const {
        return conn.QueryOne("SELECT id FROM users WHERE username = ?", username)->Int(0);
    }
};

// The ids of the rows' first column.
inline std::vector<int64_t> IdsOf(const db::Rows& rows) {
    std::vector<int64_t> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(r.Int(0));
    return out;
}

// Residents of the community present through 2021 (not moved out), born in 2000 or before, in
// id order; `extra` is a fixed condition on residents written in the demo code.
inline std::vector<int64_t> AdultsPresent(db::Connection& conn, int64_t community, const char* extra) {
    return IdsOf(conn.Run(std::string("SELECT id FROM residents WHERE community_id = ? AND moved_out IS NULL AND "
                                      "birth_date <= '2000-12-31' AND ") +
                              extra + " ORDER BY id",
                          {community}));
}

}  // namespace tongxin
