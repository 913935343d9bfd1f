#include "modules/reports/memo.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>
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

struct Computed {
    Community community;
    Figures figures;
    std::vector<std::string> items;
    std::string columns;
};

struct Kept {
    std::map<int64_t, Figures> figures;  // by community
    std::string columns;
    int64_t street_id = 0;
    bool all_stored = true;  // every community's records are in kpi_memo_records
};

// The communities of the scope with their current versions, read before any record.
std::vector<Community> CommunitiesOf(db::Connection& conn, const KpiScope& s) {
    std::vector<Community> out;
    const std::string where =
        s.place_column == "community_id" ? "p.id = ?" : "p.kind = 'community' AND p.street_id = ?";
    for (const auto& r : conn.Run("SELECT p.id, p.street_id, coalesce(v.version, 0) FROM places p LEFT JOIN "
                                  "community_versions v ON v.community_id = p.id WHERE " +
                                      where + " ORDER BY p.id",
                                  {s.place_id})) {
        out.push_back({r.Int(0), r.IsNull(1) ? 0 : r.Int(1), r.Int(2)});
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

Computed Compute(db::Connection& conn, const Indicator& ind, const Community& c, int year) {
    KpiRecords rec = ind.records(conn, KpiScope{"community_id", c.id, year}, kAll, 0);
    Computed out{c, {}, {}, json::serialize(json::value_from(rec.columns))};
    out.figures.total = rec.total;
    out.items.reserve(rec.items.size());
    for (const auto& v : rec.items) {
        const json::object& item = v.as_object();
        if (!ind.share_field.empty()) {
            const json::value* q = item.if_contains(ind.share_field);
            if (q && !q->is_null()) ++out.figures.qualifying;
        }
        if (!ind.sum_field.empty()) {
            if (const json::value* x = item.if_contains(ind.sum_field)) out.figures.sum += x->to_number<double>();
        }
        out.items.push_back(json::serialize(item));
    }
    out.figures.sum *= ind.sum_scale;
    return out;
}

// Keeps what was computed, unless someone kept a figure of the same or a later version first.
void Store(db::Connection& conn, const Indicator& ind, int year, const std::vector<Computed>& computed) {
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const int64_t now = time::NowUnix();
    for (const Computed& c : computed) {
        const int64_t community = c.community.id;
        conn.Exec(
            "INSERT INTO kpi_memo (indicator, community_id, year, street_id, version, total, qualifying, sum_value, "
            "columns, computed_at) VALUES (?, ?, ?, ?, -1, 0, 0, 0, '[]', ?) ON CONFLICT (indicator, community_id, "
            "year) DO NOTHING",
            ind.id, community, year, c.community.street_id, now);
        int64_t kept =
            conn.QueryInt(std::string("SELECT version FROM kpi_memo WHERE indicator = ? AND community_id = ? "
                                      "AND year = ?") +
                              std::string(conn.ForUpdate()),
                          ind.id, community, year);
        if (kept >= c.community.version) continue;
        conn.Exec(
            "DELETE FROM kpi_memo_records WHERE indicator = ? AND year = ? AND street_id = ? AND community_id = ?",
            ind.id, year, c.community.street_id, community);
        db::MultiInsert rows(
            conn, "INSERT INTO kpi_memo_records (indicator, year, street_id, community_id, position, item)", 6, 200);
        for (size_t i = 0; i < c.items.size(); ++i) {
            rows.Add(ind.id, year, c.community.street_id, community, static_cast<int64_t>(i), c.items[i]);
        }
        rows.Flush();
        conn.Exec(
            "UPDATE kpi_memo SET street_id = ?, version = ?, total = ?, qualifying = ?, sum_value = ?, columns = ?, "
            "computed_at = ? WHERE indicator = ? AND community_id = ? AND year = ?",
            c.community.street_id, c.community.version, c.figures.total, c.figures.qualifying, c.figures.sum, c.columns,
            now, ind.id, community, year);
    }
    tx.Commit();
}

Kept Ensure(db::Connection& conn, const Indicator& ind, const KpiScope& s) {
    std::vector<Community> communities = CommunitiesOf(conn, s);
    std::map<int64_t, std::pair<int64_t, Figures>> kept;  // community → (version, figures)
    Kept out;
    for (const auto& r : conn.Run("SELECT community_id, version, total, qualifying, sum_value, columns FROM kpi_memo "
                                  "WHERE indicator = ? AND year = ? AND " +
                                      s.place_column + " = ?",
                                  {ind.id, s.year, s.place_id})) {
        kept[r.Int(0)] = {r.Int(1), Figures{r.Int(2), r.Int(3), r.Real(4)}};
        out.columns = r.Str(5);
    }
    if (!communities.empty()) out.street_id = communities.front().street_id;
    std::vector<Computed> computed;
    for (const Community& c : communities) {
        auto k = kept.find(c.id);
        if (k != kept.end() && k->second.first == c.version) {
            out.figures[c.id] = k->second.second;
            continue;
        }
        computed.push_back(Compute(conn, ind, c, s.year));
        out.figures[c.id] = computed.back().figures;
        out.columns = computed.back().columns;
    }
    if (computed.empty()) return out;
    if (conn.InTransaction()) {
        out.all_stored = false;
        return out;
    }
    try {
        Store(conn, ind, s.year, computed);
    } catch (const db::DbError& e) {
        // The figures are right either way; only keeping them failed (e.g. the database is busy).
        spdlog::warn("reports: could not keep figures of {}: {}", ind.id, e.what());
        out.all_stored = false;
    }
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
    return ValueOfFigures(ind, Sum(Ensure(conn, ind, scope)));
}

KpiRecords RecordsOf(db::Connection& conn, const Indicator& ind, const KpiScope& scope, int64_t limit, int64_t offset) {
    if (!ind.per_community) return ind.records(conn, scope, limit, offset);
    Kept kept = Ensure(conn, ind, scope);
    if (!kept.all_stored) return ind.records(conn, scope, limit, offset);
    KpiRecords out;
    out.total = Sum(kept).total;
    if (!kept.columns.empty()) {
        json::value columns = json::parse(kept.columns);
        for (const auto& c : columns.as_array()) out.columns.emplace_back(c.as_string());
    }
    // A street's records say which community each one is in.
    const bool street = scope.place_column == "street_id";
    if (street) out.columns.insert(out.columns.begin(), "community");
    std::string sql =
        "SELECT m.item, p.name FROM kpi_memo_records m JOIN places p ON p.id = m.community_id WHERE m.indicator = ? "
        "AND "
        "m.year = ? AND m.street_id = ?" +
        std::string(street ? " AND ? > 0" : " AND m.community_id = ?") +
        " ORDER BY m.community_id, m.position LIMIT ? OFFSET ?";
    for (const auto& r : conn.Run(sql, {ind.id, scope.year, kept.street_id, scope.place_id, limit, offset})) {
        json::value item = json::parse(r.Str(0));
        if (street) item.as_object()["community"] = r.Str(1);
        out.items.push_back(std::move(item));
    }
    return out;
}

}  // namespace tongxin::reports
