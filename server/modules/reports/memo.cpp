#include "modules/reports/memo.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <cmath>
#include <map>

#include "core/db/multi_insert.hpp"
#include "core/time/clock.hpp"

namespace tongxin::reports {
namespace json = boost::json;
namespace {

// More records than any community has: a community's whole list in one call.
constexpr int64_t kAll = 1'000'000'000;

struct Figures {
    int64_t total = 0, qualifying = 0;
    double sum = 0;
};

struct Community {
    int64_t id, street_id, version;
};

struct Kept {
    std::map<int64_t, Figures> figures;  // by community
    int64_t records_total = 0;
    std::string columns;
    int64_t street_id = 0;
    bool all_stored = true;  // every community's records are in kpi_memo_records
};

// The communities of the scope with their current versions, read before any record.
std::vector<Community> CommunitiesOf(db::Connection& conn, const KpiScope& s) {
    std::vector<Community> out;
    const std::string where =
        s.place_column == "community_id" ? "p.id = ?" : "p.kind = 'community' AND p.street_id = ?";
    for (const auto& r : conn.Run("SELECT p.id, p.street_id, coalesce(v.version, 0) AS version FROM places p LEFT JOIN "
                                  "community_versions v ON v.community_id = p.id WHERE " +
                                      where + " ORDER BY p.id",
                                  {s.place_id})) {
        out.push_back({r.Int("id"), r.OptInt("street_id").value_or(0), r.Int("version")});
    }
    return out;
}

double ValueOfFigures(const Indicator& ind, const Figures& f) {
    if (ind.aggregate == "share") {
        return f.total == 0 ? 1.0 : static_cast<double>(f.qualifying) / static_cast<double>(f.total);
    }
    if (ind.aggregate == "sum") return f.sum;
    return static_cast<double>(f.total);
}

// A community's figures from the indicator's own value query (and, for a share, the count of
// its records): no record list is built.
Figures FiguresOf(db::Connection& conn, const Indicator& ind, const Community& c, int year) {
    KpiScope s{"community_id", c.id, year};
    const double value = ind.value(conn, s);
    Figures f;
    if (ind.aggregate == "share") {
        f.total = ind.records(conn, s, 0, 0).total;
        f.qualifying = std::llround(value * static_cast<double>(f.total));
    } else if (ind.aggregate == "sum") {
        f.sum = value;
    } else {
        f.total = std::llround(value);
    }
    return f;
}

struct Computed {
    Community community;
    int64_t total = 0;
    std::vector<std::string> items;
    std::string columns;
};

Computed RecordsOfCommunity(db::Connection& conn, const Indicator& ind, const Community& c, int year) {
    KpiRecords rec = ind.records(conn, KpiScope{"community_id", c.id, year}, kAll, 0);
    Computed out{c, rec.total, {}, json::serialize(json::value_from(rec.columns))};
    out.items.reserve(rec.items.size());
    for (const auto& v : rec.items) out.items.push_back(json::serialize(v));
    return out;
}

// The community's kept row, locked until the transaction ends (created if missing): keeping
// is skipped when someone kept the same or a later version first.
struct KeptVersions {
    int64_t figures, records;
};
KeptVersions LockKept(db::Connection& conn, const Indicator& ind, const Community& c, int year, int64_t now) {
    conn.Exec(
        "INSERT INTO kpi_memo (indicator, community_id, year, street_id, version, total, qualifying, sum_value, "
        "columns, computed_at) VALUES (?, ?, ?, ?, -1, 0, 0, 0, '[]', ?) ON CONFLICT (indicator, community_id, year) "
        "DO NOTHING",
        ind.id, c.id, year, c.street_id, now);
    auto r = conn.QueryOne(
        "SELECT version, records_version FROM kpi_memo WHERE indicator = ? AND community_id = ? AND "
        "year = ?" +
            std::string(conn.ForUpdate()),
        ind.id, c.id, year);
    return {r->Int("version"), r->Int("records_version")};
}

void StoreFigures(db::Connection& conn, const Indicator& ind, int year,
                  const std::vector<std::pair<Community, Figures>>& computed) {
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const int64_t now = time::NowUnix();
    for (const auto& [c, f] : computed) {
        if (LockKept(conn, ind, c, year, now).figures >= c.version) continue;
        conn.Exec(
            "UPDATE kpi_memo SET street_id = ?, version = ?, total = ?, qualifying = ?, sum_value = ?, computed_at = ? "
            "WHERE indicator = ? AND community_id = ? AND year = ?",
            c.street_id, c.version, f.total, f.qualifying, f.sum, now, ind.id, c.id, year);
    }
    tx.Commit();
}

void StoreRecords(db::Connection& conn, const Indicator& ind, int year, const std::vector<Computed>& computed) {
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const int64_t now = time::NowUnix();
    for (const Computed& c : computed) {
        const Community& k = c.community;
        if (LockKept(conn, ind, k, year, now).records >= k.version) continue;
        conn.Exec(
            "DELETE FROM kpi_memo_records WHERE indicator = ? AND year = ? AND street_id = ? AND community_id = ?",
            ind.id, year, k.street_id, k.id);
        db::MultiInsert rows(
            conn, "INSERT INTO kpi_memo_records (indicator, year, street_id, community_id, position, item)", 6, 200);
        for (size_t i = 0; i < c.items.size(); ++i) {
            rows.Add(ind.id, year, k.street_id, k.id, static_cast<int64_t>(i), c.items[i]);
        }
        rows.Flush();
        conn.Exec(
            "UPDATE kpi_memo SET street_id = ?, records_version = ?, records_total = ?, columns = ?, computed_at = ? "
            "WHERE indicator = ? AND community_id = ? AND year = ?",
            k.street_id, k.version, c.total, c.columns, now, ind.id, k.id, year);
    }
    tx.Commit();
}

// Keeping may fail (the database busy, or the caller inside a transaction): the answer is
// right either way.
template <typename F>
bool TryKeep(db::Connection& conn, const Indicator& ind, F&& keep) {
    if (conn.InTransaction()) return false;
    try {
        keep();
        return true;
    } catch (const db::DbError& e) {
        spdlog::warn("reports: could not keep figures of {}: {}", ind.id, e.what());
        return false;
    }
}

// Each community's figures, computing (and keeping) those whose kept version is not current.
Kept EnsureFigures(db::Connection& conn, const Indicator& ind, const KpiScope& s) {
    std::vector<Community> communities = CommunitiesOf(conn, s);
    std::map<int64_t, std::pair<int64_t, Figures>> kept;  // community → (version, figures)
    for (const auto& r : conn.Run("SELECT community_id, version, total, qualifying, sum_value FROM kpi_memo WHERE "
                                  "indicator = ? AND year = ? AND " +
                                      s.place_column + " = ?",
                                  {ind.id, s.year, s.place_id})) {
        kept[r.Int("community_id")] = {r.Int("version"),
                                       Figures{r.Int("total"), r.Int("qualifying"), r.Real("sum_value")}};
    }
    Kept out;
    std::vector<std::pair<Community, Figures>> computed;
    for (const Community& c : communities) {
        auto k = kept.find(c.id);
        if (k != kept.end() && k->second.first == c.version) {
            out.figures[c.id] = k->second.second;
        } else {
            computed.emplace_back(c, FiguresOf(conn, ind, c, s.year));
            out.figures[c.id] = computed.back().second;
        }
    }
    if (!computed.empty()) TryKeep(conn, ind, [&] { StoreFigures(conn, ind, s.year, computed); });
    return out;
}

// Each community's records kept in kpi_memo_records at its current version (a street's
// drill-down); all_stored is false when they could not be kept.
Kept EnsureRecords(db::Connection& conn, const Indicator& ind, const KpiScope& s) {
    std::vector<Community> communities = CommunitiesOf(conn, s);
    std::map<int64_t, std::pair<int64_t, int64_t>> kept;  // community → (records version, total)
    Kept out;
    for (const auto& r : conn.Run("SELECT community_id, records_version, records_total, columns FROM kpi_memo WHERE "
                                  "indicator = ? AND year = ? AND " +
                                      s.place_column + " = ?",
                                  {ind.id, s.year, s.place_id})) {
        kept[r.Int("community_id")] = {r.Int("records_version"), r.Int("records_total")};
        if (r.Int("records_version") >= 0) out.columns = r.Str("columns");
    }
    if (!communities.empty()) out.street_id = communities.front().street_id;
    std::vector<Computed> computed;
    for (const Community& c : communities) {
        auto k = kept.find(c.id);
        if (k != kept.end() && k->second.first == c.version) {
            out.records_total += k->second.second;
            continue;
        }
        computed.push_back(RecordsOfCommunity(conn, ind, c, s.year));
        out.records_total += computed.back().total;
        out.columns = computed.back().columns;
    }
    if (!computed.empty()) out.all_stored = TryKeep(conn, ind, [&] { StoreRecords(conn, ind, s.year, computed); });
    return out;
}

Figures Sum(const Kept& k) {
    Figures f;
    for (const auto& [community, g] : k.figures) {
        f.total += g.total;
        f.qualifying += g.qualifying;
        f.sum += g.sum;
    }
    return f;
}

}  // namespace

void Touch(db::Connection& conn, int64_t community_id) {
    conn.Exec(
        "INSERT INTO community_versions (community_id, version) VALUES (?, 1) ON CONFLICT (community_id) DO UPDATE "
        "SET version = community_versions.version + 1",
        community_id);
}

void TouchAll(db::Connection& conn) {
    conn.Exec("UPDATE community_versions SET version = version + 1");
    conn.Exec(
        "INSERT INTO community_versions (community_id, version) SELECT id, 1 FROM places WHERE kind = 'community' AND "
        "id NOT IN (SELECT community_id FROM community_versions)");
}

double ValueOf(db::Connection& conn, const Indicator& ind, const KpiScope& scope) {
    if (!ind.per_community) return ind.value(conn, scope);
    return ValueOfFigures(ind, Sum(EnsureFigures(conn, ind, scope)));
}

KpiRecords RecordsOf(db::Connection& conn, const Indicator& ind, const KpiScope& scope, int64_t limit, int64_t offset) {
    // A community's own page of records is quick to compute; a street's are kept.
    if (!ind.per_community || scope.place_column != "street_id") return ind.records(conn, scope, limit, offset);
    Kept kept = EnsureRecords(conn, ind, scope);
    if (!kept.all_stored) return ind.records(conn, scope, limit, offset);
    KpiRecords out;
    out.total = kept.records_total;
    if (!kept.columns.empty()) {
        json::value columns = json::parse(kept.columns);
        for (const auto& c : columns.as_array()) out.columns.emplace_back(c.as_string());
    }
    // A street's records say which community each one is in, community by community.
    out.columns.insert(out.columns.begin(), "community");
    for (const auto& r : conn.Query("SELECT m.item, p.name FROM kpi_memo_records m JOIN places p ON p.id = "
                                    "m.community_id WHERE m.indicator = ? AND m.year = ? AND m.street_id = ? ORDER BY "
                                    "m.community_id, m.position LIMIT ? OFFSET ?",
                                    ind.id, scope.year, kept.street_id, limit, offset)) {
        json::value item = json::parse(r.Str("item"));
        item.as_object()["community"] = r.Str("name");
        out.items.push_back(std::move(item));
    }
    return out;
}

}  // namespace tongxin::reports
