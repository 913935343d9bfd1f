#include "modules/reports/registry.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace tongxin::reports {

void KpiRecords::Add(const db::Row& row, std::string_view link_prefix) {
    boost::json::object item;
    const auto& names = row.ColumnNames();
    for (size_t i = 0; i < names.size(); ++i) {
        const db::Value& v = row.At(i);
        if (const auto* n = std::get_if<int64_t>(&v))
            item[names[i]] = *n;
        else if (const auto* d = std::get_if<double>(&v))
            item[names[i]] = *d;
        else if (const auto* t = std::get_if<std::string>(&v))
            item[names[i]] = *t;
        else
            item[names[i]] = nullptr;
    }
    if (!link_prefix.empty()) item["link"] = std::string(link_prefix) + std::to_string(row.Int("id"));
    items.push_back(std::move(item));
}

namespace {

db::Row One(db::Connection& conn, const std::string& sql, const std::vector<db::Value>& params) {
    return conn.Run(sql, params).front();
}

int64_t CountOf(db::Connection& conn, const RowSet& set, const ScopedSql& rows) {
    return One(conn, "SELECT " + set.count + rows.from_where, rows.params).Int(0);
}

KpiRecords PageOf(db::Connection& conn, const RowSet& set, const KpiScope& s, int64_t limit, int64_t offset) {
    ScopedSql rows = set.rows(s);
    KpiRecords out;
    out.columns = set.keys;
    out.total = CountOf(conn, set, rows);
    if (limit <= 0 || out.total <= offset) return out;
    std::vector<db::Value> params = rows.column_params;
    params.insert(params.end(), rows.params.begin(), rows.params.end());
    params.emplace_back(limit);
    params.emplace_back(offset);
    std::string group = set.group_by.empty() ? "" : " GROUP BY " + set.group_by;
    for (const db::Row& r :
         conn.Run("SELECT " + set.columns + rows.from_where + group + " ORDER BY " + set.order_by + " LIMIT ? OFFSET ?",
                  params)) {
        out.Add(r, set.link_prefix);
        if (set.each) set.each(conn, s, r, out.items.back().as_object());
    }
    return out;
}

}  // namespace

Indicator Counting(Indicator head, RowSet set) {
    auto shared = std::make_shared<const RowSet>(std::move(set));
    head.aggregate = "count";
    head.value = [shared](db::Connection& c, const KpiScope& s) {
        return static_cast<double>(CountOf(c, *shared, shared->rows(s)));
    };
    head.records = [shared](db::Connection& c, const KpiScope& s, int64_t limit, int64_t offset) {
        return PageOf(c, *shared, s, limit, offset);
    };
    return head;
}

Indicator Summing(Indicator head, RowSet set, const std::string& sum_sql) {
    if (head.sum_field.empty()) throw std::logic_error("indicator " + head.id + " sums without a sum_field");
    auto shared = std::make_shared<const RowSet>(std::move(set));
    head.aggregate = "sum";
    head.value = [shared, scale = head.sum_scale, sum = "SELECT coalesce(" + sum_sql + ", 0)"](db::Connection& c,
                                                                                               const KpiScope& s) {
        ScopedSql rows = shared->rows(s);
        return One(c, sum + rows.from_where, rows.params).Real(0) * scale;
    };
    head.records = [shared](db::Connection& c, const KpiScope& s, int64_t limit, int64_t offset) {
        return PageOf(c, *shared, s, limit, offset);
    };
    return head;
}

std::string_view SectionOf(std::string_view indicator_id) { return indicator_id.substr(0, indicator_id.find('.')); }

void Registry::Add(Indicator indicator) {
    if (indicator.records_permission.empty() || indicator.records_permission == "reports.read")
        throw std::logic_error("indicator " + indicator.id + " needs the permission its records need");
    if (indicator.definition_zh.empty() || indicator.definition_en.empty())
        throw std::logic_error("indicator " + indicator.id + " needs its definition in words");
    if (std::find(kSections.begin(), kSections.end(), SectionOf(indicator.id)) == kSections.end())
        throw std::logic_error("indicator " + indicator.id + " is in no known section");
    if (Find(indicator.id) != nullptr) throw std::logic_error("indicator " + indicator.id + " is registered twice");
    indicators_.push_back(std::move(indicator));
}

const Indicator* Registry::Find(const std::string& id) const {
    for (const auto& i : indicators_)
        if (i.id == id) return &i;
    return nullptr;
}

}  // namespace tongxin::reports
