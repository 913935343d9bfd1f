#pragma once
// The indicator registry. An indicator is a named definition in code: its id, labels, unit, the
// query that computes its value for a place (community or street) and year, and the query that
// lists the records behind it. Values are always computed from records at request time; the
// records query returns exactly the records the value counts (or sums).
#include <array>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/db/database.hpp"

namespace tongxin::reports {

struct KpiScope {
    std::string place_column;  // "community_id" or "street_id" (fixed strings)
    int64_t place_id;
    int year;
    std::string year_end() const { return std::to_string(year) + "-12-31"; }
    std::string year_start() const { return std::to_string(year) + "-01-01"; }
};

struct KpiRecords {
    std::vector<std::string> columns;  // keys of each item
    boost::json::array items;
    int64_t total = 0;

    // One record from a row: every column under the name the SELECT gives it (so the SELECT is
    // the one mapping), and with `link_prefix` a link to the record's page (prefix + the id).
    void Add(const db::Row& row, std::string_view link_prefix = "");
};

struct Indicator {
    std::string id;  // "registry.residents"
    std::string label_zh;
    std::string label_en;
    std::string unit_zh;
    std::string unit_en;
    std::string permission = "reports.read";
    std::function<double(db::Connection&, const KpiScope&)> value;
    std::function<KpiRecords(db::Connection&, const KpiScope&, int64_t limit, int64_t offset)> records;
    // "count": the records' total is the value; "share": the value is the share of the records
    // that qualify (each record says whether it does); "sum": the value is the sum of each
    // record's `sum_field` times `sum_scale` (minutes shown as hours).
    std::string aggregate = "count";
    std::string sum_field;
    double sum_scale = 1.0;
    // "share": the record key whose non-null value makes a record qualify.
    std::string share_field;
    // Costly over a whole street: each community's records and figures are kept per community
    // version (reports/memo.hpp) and a street's are their sum. The modules that write the
    // records behind it call reports::Touch for the community in the same transaction.
    bool per_community = false;
    // Who may list the records behind the figure (names, addresses, ethnicity...): the line's own
    // read permission, never just reports.read. Required: Registry::Add refuses an indicator
    // without it. Without it the records answer 403; the value needs only `permission`.
    std::string records_permission;
    // The rule the figure counts, in words, shown beside the number ("少数民族居民中，年末担任
    // 楼栋长、业委会、议事会职务的人数"). Required: Registry::Add refuses an indicator without it.
    std::string definition_zh;
    std::string definition_en;
};

// The line or platform an indicator reports on: the part of its id before the dot
// ("party.minority_members" → "party"). The dashboard and the work report group figures by it,
// in the order of kSections; Registry::Add refuses an id whose section is not one of them.
inline constexpr std::array<std::string_view, 14> kSections = {
    "registry", "party",  "governance", "volunteer", "societies", "services", "selfhelp",
    "culture",  "rights", "charity",    "jobs",      "linkage",   "outcomes", "shuttle"};
std::string_view SectionOf(std::string_view indicator_id);

// Rows of one statement for a scope: " FROM … WHERE …" (fixed text written in the module) and
// the values its `?` take, in order; `column_params` for `?` in a RowSet's columns, if any.
struct ScopedSql {
    std::string from_where;
    std::vector<db::Value> params;
    std::vector<db::Value> column_params = {};
};

// Most figures count (or sum) the rows of one query and list those rows as their records. One
// RowSet gives both from the same FROM … WHERE, so the records are exactly what is counted.
struct RowSet {
    std::function<ScopedSql(const KpiScope&)> rows;
    std::vector<std::string> keys;  // what each record shows, in order (KpiRecords::columns)
    std::string columns;            // their SELECT list ("r.id, r.name, …"), named as the keys
    std::string order_by;           // ends with a unique key
    std::string link_prefix;        // each record links to prefix + its id ("" = no link)
    // What one record is: "count(*)", or "count(DISTINCT r.id)" with `group_by` "r.id, …".
    std::string count = "count(*)";
    std::string group_by;
    // Adds to each record what its row does not give (a lookup per record on one page).
    std::function<void(db::Connection&, const KpiScope&, const db::Row&, boost::json::object&)> each;
};

// `head` (id, labels, units, permissions) with `value` the number of rows of `set` and
// `records` a page of them.
Indicator Counting(Indicator head, RowSet set);
// `head` with `value` the sum of `sum_sql` over the rows of `set` times `head.sum_scale`
// (aggregate "sum", each record carrying its amount under `head.sum_field`) and `records` a page
// of them.
Indicator Summing(Indicator head, RowSet set, const std::string& sum_sql);

class Registry {
  public:
    void Add(Indicator indicator);
    const std::vector<Indicator>& all() const { return indicators_; }
    const Indicator* Find(const std::string& id) const;

  private:
    std::vector<Indicator> indicators_;
};

}  // namespace tongxin::reports
