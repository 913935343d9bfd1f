#pragma once
// The audit log: append-only and chained by a keyed MAC. Each entry's MAC is HMAC-SHA-256, under
// a key derived from the key file (never stored in the database), over its fields length-prefixed
// ("<bytes>:<text>" each, so no field can be shifted into another) and the previous entry's MAC.
// The chain head (last seq and MAC) is kept in audit_head, updated in the same transaction as the
// append, so altering, removing, reordering or truncating entries is detected by Verify(); with
// write access to the database but not the key nobody can compute a chain that verifies. A
// checkpoint (seq and MAC handed to the street office) also catches a rewrite of the whole log
// by someone who holds the key, and a truncation before it. Callers append inside the
// transaction of the change they record.
#include <array>
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

// The chain key (crypto::Vault::AuditKey()); set once at start-up, before any Append or Verify.
void UseKey(const std::array<unsigned char, 32>& key);

// Appends one entry; must be called inside a write transaction on `conn`.
int64_t Append(db::Connection& conn, const Actor& actor, const Entry& entry);

// Brings a chain of an older format (unkeyed SHA-256) to the keyed one: verifies the old chain,
// then seals every entry again under the key, and records that it did. Throws
// std::runtime_error naming the first bad entry if the old chain is broken. Idempotent.
void UpgradeChain(db::Connection& conn);

struct VerifyResult {
    bool ok = true;
    int64_t entries = 0;
    std::optional<int64_t> first_bad_seq;
    std::string reason;
};
VerifyResult Verify(db::Connection& conn);

struct Checkpoint {
    int64_t seq = 0;
    std::string mac;
};
// The chain's head, to keep outside the database.
Checkpoint Head(db::Connection& conn);
// Verify(), and the entry at the checkpoint's seq still carries the checkpoint's MAC.
VerifyResult Verify(db::Connection& conn, const Checkpoint& checkpoint);
// "seq mac" as printed by `tongxin audit checkpoint`; nullopt if malformed.
std::optional<Checkpoint> ParseCheckpoint(const std::string& text);
std::string FormatCheckpoint(const Checkpoint& c);

// Builds a before/after diff of two JSON objects over `fields`; values of fields listed in
// `masked` are replaced by "***".
boost::json::object Diff(const boost::json::object& before, const boost::json::object& after,
                         const std::vector<std::string>& masked = {});

}  // namespace tongxin::audit
