#include "core/audit/audit.hpp"

#include <boost/json.hpp>
#include <cctype>
#include <stdexcept>

#include "core/crypto/vault.hpp"
#include "core/time/clock.hpp"

namespace tongxin::audit {
namespace json = boost::json;
namespace {

constexpr int kKeyedVersion = 2;
const std::string kZero(64, '0');

std::array<unsigned char, 32>& Key() {
    static std::array<unsigned char, 32> key{};
    return key;
}
bool& HasKey() {
    static bool has = false;
    return has;
}

struct Fields {
    int64_t seq = 0, at = 0;
    std::optional<int64_t> user_id;
    std::string username, addr, action, otype, oid, outcome, details;
};

// Version 1 (before the chain was keyed): SHA-256 over fields joined by 0x1f. Only read, to
// verify an old chain before it is sealed again.
std::string LegacyHash(const std::string& prev, const Fields& f) {
    std::string s;
    const char sep = '\x1f';
    s += prev + sep + std::to_string(f.seq) + sep + std::to_string(f.at) + sep +
         (f.user_id ? std::to_string(*f.user_id) : std::string("-")) + sep + f.username + sep + f.addr + sep +
         f.action + sep + f.otype + sep + f.oid + sep + f.outcome + sep + f.details;
    return crypto::Sha256Hex(s);
}

void Put(std::string& out, const std::string& field) {
    out += std::to_string(field.size());
    out += ':';
    out += field;
}

std::string Mac(const std::string& prev, const Fields& f) {
    if (!HasKey()) throw std::logic_error("audit::UseKey was not called before the audit log was used");
    std::string msg = "tongxin-audit-v2";
    for (const std::string& field :
         {prev, std::to_string(f.seq), std::to_string(f.at), f.user_id ? std::to_string(*f.user_id) : std::string("-"),
          f.username, f.addr, f.action, f.otype, f.oid, f.outcome, f.details}) {
        Put(msg, field);
    }
    return crypto::HmacSha256Hex(Key(), msg);
}

constexpr const char* kSelectEntries =
    "SELECT seq, at, user_id, username, client_addr, action, object_type, object_id, outcome, details, prev_hash, "
    "hash FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?";
constexpr int64_t kBatch = 5000;

Fields FieldsOf(const db::Row& row) {
    return {row.Int("seq"),         row.Int("at"),     row.OptInt("user_id"),  row.Str("username"),
            row.Str("client_addr"), row.Str("action"), row.Str("object_type"), row.Str("object_id"),
            row.Str("outcome"),     row.Str("details")};
}

int ChainVersion(db::Connection& conn) {
    auto row = conn.QueryOne("SELECT version FROM audit_head WHERE id = 1");
    return row ? static_cast<int>(row->Int(0)) : kKeyedVersion;
}

VerifyResult VerifyChain(db::Connection& conn, int version) {
    VerifyResult r;
    std::string prev = kZero;
    int64_t expected = 1;
    for (;;) {
        db::Rows rows = conn.Query(kSelectEntries, expected, kBatch);
        for (const db::Row& row : rows) {
            Fields f = FieldsOf(row);
            auto fail = [&](int64_t at_seq, const std::string& why) {
                r.ok = false;
                r.first_bad_seq = at_seq;
                r.reason = why;
            };
            if (f.seq != expected) {
                fail(expected, "entry missing or reordered");
                return r;
            }
            if (row.Str(10) != prev) {
                fail(f.seq, "previous-entry link broken");
                return r;
            }
            std::string mac = version >= kKeyedVersion ? Mac(prev, f) : LegacyHash(prev, f);
            if (!crypto::EqualConstantTime(mac, row.Str(11))) {
                fail(f.seq, "entry altered");
                return r;
            }
            prev = mac;
            ++expected;
            ++r.entries;
        }
        if (static_cast<int64_t>(rows.size()) < kBatch) break;
    }
    auto head = conn.QueryOne("SELECT seq, hash FROM audit_head WHERE id = 1");
    if (!head || head->Int("seq") != r.entries || head->Str("hash") != prev) {
        r.ok = false;
        r.first_bad_seq = r.entries + 1;
        r.reason = "entries removed from the end of the log";
    }
    return r;
}

}  // namespace

void UseKey(const std::array<unsigned char, 32>& key) {
    Key() = key;
    HasKey() = true;
}

int64_t Append(db::Connection& conn, const Actor& actor, const Entry& entry) {
    auto head = conn.QueryOne("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash");
    Fields f;
    f.seq = head->Int("seq");
    std::string prev = head->Str("hash");
    f.at = time::NowUnix();
    f.user_id = actor.user_id;
    f.username = actor.username.empty() ? "-" : actor.username;
    f.addr = actor.client_addr;
    f.action = entry.action;
    f.otype = entry.object_type;
    f.oid = entry.object_id;
    f.outcome = entry.success ? "success" : "failure";
    f.details = json::serialize(entry.details);
    std::string mac = Mac(prev, f);
    conn.Exec(
        "INSERT INTO audit_log (seq, at, user_id, username, client_addr, action, object_type, object_id, outcome, "
        "details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        f.seq, f.at, f.user_id, f.username, f.addr, f.action, f.otype, f.oid, f.outcome, f.details, prev, mac);
    conn.Exec("UPDATE audit_head SET hash = ? WHERE id = 1", mac);
    return f.seq;
}

void UpgradeChain(db::Connection& conn) {
    if (ChainVersion(conn) >= kKeyedVersion) return;
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    if (ChainVersion(conn) >= kKeyedVersion) return;
    VerifyResult old = VerifyChain(conn, 1);
    if (!old.ok) {
        throw std::runtime_error("the audit log is broken at entry " + std::to_string(old.first_bad_seq.value_or(0)) +
                                 " (" + old.reason + "); it was not sealed under the key. Restore a good backup.");
    }
    std::string prev = kZero;
    for (int64_t next = 1;;) {
        db::Rows rows = conn.Query(kSelectEntries, next, kBatch);
        for (const db::Row& row : rows) {
            Fields f = FieldsOf(row);
            std::string mac = Mac(prev, f);
            conn.Exec("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", prev, mac, f.seq);
            prev = mac;
            next = f.seq + 1;
        }
        if (static_cast<int64_t>(rows.size()) < kBatch) break;
    }
    conn.Exec("UPDATE audit_head SET hash = ?, version = ? WHERE id = 1", prev, kKeyedVersion);
    if (old.entries > 0) {
        Append(conn, {std::nullopt, "-", "local"},
               {"audit.chain.keyed", "audit_log", "*", true, {{"entries", old.entries}}});
    }
    tx.Commit();
}

VerifyResult Verify(db::Connection& conn) { return VerifyChain(conn, ChainVersion(conn)); }

Checkpoint Head(db::Connection& conn) {
    auto head = conn.QueryOne("SELECT seq, hash FROM audit_head WHERE id = 1");
    return {head->Int("seq"), head->Str("hash")};
}

VerifyResult Verify(db::Connection& conn, const Checkpoint& checkpoint) {
    VerifyResult r = Verify(conn);
    if (!r.ok) return r;
    if (checkpoint.seq == 0) return r;
    auto row = conn.QueryOne("SELECT hash FROM audit_log WHERE seq = ?", checkpoint.seq);
    if (!row) {
        r.ok = false;
        r.first_bad_seq = r.entries + 1;
        r.reason = "the log ends before the checkpoint (entry " + std::to_string(checkpoint.seq) + "): truncated";
    } else if (!crypto::EqualConstantTime(row->Str(0), checkpoint.mac)) {
        r.ok = false;
        r.first_bad_seq = checkpoint.seq;
        r.reason = "the log was rewritten: entry " + std::to_string(checkpoint.seq) + " differs from the checkpoint";
    }
    return r;
}

std::optional<Checkpoint> ParseCheckpoint(const std::string& text) {
    Checkpoint c;
    size_t space = text.find(' ');
    if (space == std::string::npos) return std::nullopt;
    try {
        size_t used = 0;
        c.seq = std::stoll(text.substr(0, space), &used);
        if (used != space || c.seq < 0) return std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
    c.mac = text.substr(space + 1);
    while (!c.mac.empty() && (c.mac.back() == '\n' || c.mac.back() == '\r' || c.mac.back() == ' ')) c.mac.pop_back();
    if (c.mac.size() != 64) return std::nullopt;
    for (char ch : c.mac)
        if (!std::isxdigit(static_cast<unsigned char>(ch))) return std::nullopt;
    return c;
}

std::string FormatCheckpoint(const Checkpoint& c) { return std::to_string(c.seq) + " " + c.mac; }

json::object Diff(const json::object& before, const json::object& after, const std::vector<std::string>& masked) {
    json::object out;
    auto is_masked = [&](std::string_view k) {
        for (const auto& m : masked)
            if (m == k) return true;
        return false;
    };
    for (const auto& [key, value] : after) {
        const json::value* old = before.if_contains(key);
        if (old && *old == value) continue;
        json::value b = old ? *old : json::value(nullptr);
        json::value a = value;
        if (is_masked(key)) {
            if (!b.is_null()) b = "***";
            if (!a.is_null()) a = "***";
        }
        out[key] = {{"before", b}, {"after", a}};
    }
    return out;
}

}  // namespace tongxin::audit
