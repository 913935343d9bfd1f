#pragma once
// The audit log: append-only, hash-chained. Each entry's hash covers its fields and the previous
// entry's hash; the chain head (last seq and hash) is kept in audit_head, updated in the same
// transaction as the append, so altering, removing, reordering or truncating entries is
// detected by Verify(). Callers append inside the transaction of the change they record.
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "core/db/database.hpp"

namespace tongxin::audit {

struct Actor {
    std::optional<int64_t> user_id;
    std::string username;  // "-" for anonymous
    std::string client_addr;
};

struct Entry {
    std::string action;       // "residents.resident.created"
    std::string object_type;  // "resident"
    std::string object_id;
    bool success = true;
    boost::json::object details;  // changed fields {"field": {"before": x, "after": y}}, sensitive values masked
};

// Appends one entry; must be called inside a write transaction on `conn`.
int64_t Append(db::Connection& conn, const Actor& actor, const Entry& entry);

struct VerifyResult {
    bool ok = true;
    int64_t entries = 0;
    std::optional<int64_t> first_bad_seq;
    std::string reason;
};
VerifyResult Verify(db::Connection& conn);

// Builds a before/after diff of two JSON objects over `fields`; values of fields listed in
// `masked` are replaced by "***".
boost::json::object Diff(const boost::json::object& before, const boost::json::object& after,
                         const std::vector<std::string>& masked = {});

}  // namespace tongxin::audit
