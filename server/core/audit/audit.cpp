#include "core/audit/audit.hpp"

#include <boost/json.hpp>

#include "core/crypto/vault.hpp"
#include "core/time/clock.hpp"

namespace tongxin::audit {
namespace json = boost::json;
namespace {

std::string HashOf(const std::string& prev, int64_t seq, int64_t at, const std::optional<int64_t>& user_id,
                   const std::string& username, const std::string& addr, const std::string& action,
                   const std::string& otype, const std::string& oid, const std::string& outcome,
                   const std::string& details) {
    std::string s;
    const char sep = '\x1f';
    s += prev + sep + std::to_string(seq) + sep + std::to_string(at) + sep +
         (user_id ? std::to_string(*user_id) : std::string("-")) + sep + username + sep + addr + sep + action + sep +
         otype + sep + oid + sep + outcome + sep + details;
    return crypto::Sha256Hex(s);
}

}  // namespace

int64_t Append(db::Connection& conn, const Actor& actor, const Entry& entry) {
    auto head = conn.QueryOne("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash");
    int64_t seq = head->Int(0);
    std::string prev = head->Str(1);
    int64_t at = time::NowUnix();
    std::string outcome = entry.success ? "success" : "failure";
    std::string details = json::serialize(entry.details);
    std::string username = actor.username.empty() ? "-" : actor.username;
    std::string hash = HashOf(prev, seq, at, actor.user_id, username, actor.client_addr, entry.action,
                              entry.object_type, entry.object_id, outcome, details);
    conn.Exec(
        "INSERT INTO audit_log (seq, at, user_id, username, client_addr, action, object_type, object_id, outcome, "
        "details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        seq, at, actor.user_id, username, actor.client_addr, entry.action, entry.object_type, entry.object_id, outcome,
        details, prev, hash);
    conn.Exec("UPDATE audit_head SET hash = ? WHERE id = 1", hash);
    return seq;
}

VerifyResult Verify(db::Connection& conn) {
    VerifyResult r;
    std::string prev(64, '0');
    int64_t expected = 1;
    const int64_t kBatch = 5000;
    for (;;) {
        db::Rows rows = conn.Query(
            "SELECT seq, at, user_id, username, client_addr, action, object_type, object_id, outcome, details, "
            "prev_hash, hash FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?",
            expected, kBatch);
        for (const db::Row& row : rows) {
            int64_t seq = row.Int(0);
            auto fail = [&](int64_t at_seq, const std::string& why) {
                r.ok = false;
                r.first_bad_seq = at_seq;
                r.reason = why;
            };
            if (seq != expected) {
                fail(expected, "entry missing or reordered");
                return r;
            }
            if (row.Str(10) != prev) {
                fail(seq, "previous-hash link broken");
                return r;
            }
            std::string h = HashOf(row.Str(10), seq, row.Int(1), row.OptInt(2), row.Str(3), row.Str(4), row.Str(5),
                                   row.Str(6), row.Str(7), row.Str(8), row.Str(9));
            if (h != row.Str(11)) {
                fail(seq, "entry altered");
                return r;
            }
            prev = h;
            ++expected;
            ++r.entries;
        }
        if (static_cast<int64_t>(rows.size()) < kBatch) break;
    }
    auto head = conn.QueryOne("SELECT seq, hash FROM audit_head WHERE id = 1");
    if (!head || head->Int(0) != r.entries || head->Str(1) != prev) {
        r.ok = false;
        r.first_bad_seq = r.entries + 1;
        r.reason = "entries removed from the end of the log";
    }
    return r;
}

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
