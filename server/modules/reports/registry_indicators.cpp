// The resident registry's indicators. "As of the year's end": moved in on or before 31 December
// (or date unknown) and not moved out by then.
#include <boost/json.hpp>

#include "modules/reports/module.hpp"

namespace tongxin::reports {
namespace json = boost::json;
namespace {

constexpr const char* kPresent = "(r.moved_in IS NULL OR r.moved_in <= ?) AND (r.moved_out IS NULL OR r.moved_out > ?)";

std::string PlaceClause(const KpiScope& s, const char* alias) {
    // place_column is one of two fixed names, chosen by the handler.
    return std::string(alias) + "." + s.place_column + " = ?";
}

double CountResidents(db::Connection& conn, const KpiScope& s, bool minority) {
    std::string sql = "SELECT count(*) FROM residents r WHERE " + PlaceClause(s, "r") + " AND " + kPresent;
    if (minority) sql += " AND r.ethnicity >= '02' AND r.ethnicity <= '56'";
    return static_cast<double>(conn.Run(sql, {s.place_id, s.year_end(), s.year_end()}).front().Int(0));
}

KpiRecords ListResidents(db::Connection& conn, const KpiScope& s, bool minority, int64_t limit, int64_t offset) {
    std::string where = " FROM residents r LEFT JOIN households h ON h.id = r.household_id WHERE " +
                        PlaceClause(s, "r") + " AND " + kPresent;
    if (minority) where += " AND r.ethnicity >= '02' AND r.ethnicity <= '56'";
    KpiRecords out;
    out.columns = {"id", "name", "gender", "ethnicity", "address", "moved_in"};
    out.total = conn.Run("SELECT count(*)" + where, {s.place_id, s.year_end(), s.year_end()}).front().Int(0);
    for (const auto& row :
         conn.Run("SELECT r.id, r.name, r.gender, r.ethnicity, coalesce(h.address, '') AS address, r.moved_in" + where +
                      " ORDER BY r.pinyin, r.id LIMIT ? OFFSET ?",
                  {s.place_id, s.year_end(), s.year_end(), limit, offset})) {
        out.Add(row, "/residents/");
    }
    return out;
}

constexpr const char* kHouseholdsPresent =
    " FROM households h WHERE EXISTS (SELECT 1 FROM residents r WHERE r.household_id = h.id AND "
    "(r.moved_in IS NULL OR r.moved_in <= ?) AND (r.moved_out IS NULL OR r.moved_out > ?))";

}  // namespace

void RegisterRegistryIndicators(Registry& registry) {
    // The records list residents with their ethnicity: only roles that may see sensitive fields.
    auto add = [&registry](Indicator ind) {
        ind.records_permission = "residents.sensitive";
        registry.Add(std::move(ind));
    };
    add({"registry.residents", "常住居民", "Residents", "人", "people", "reports.read",
         [](db::Connection& c, const KpiScope& s) { return CountResidents(c, s, false); },
         [](db::Connection& c, const KpiScope& s, int64_t l, int64_t o) { return ListResidents(c, s, false, l, o); },
         "count", "", 1.0});
    add({"registry.minority_residents", "少数民族居民", "Minority residents", "人", "people", "reports.read",
         [](db::Connection& c, const KpiScope& s) { return CountResidents(c, s, true); },
         [](db::Connection& c, const KpiScope& s, int64_t l, int64_t o) { return ListResidents(c, s, true, l, o); },
         "count", "", 1.0});
    add({"registry.households", "户数", "Households", "户", "households", "reports.read",
         [](db::Connection& c, const KpiScope& s) {
             std::string sql = "SELECT count(*)" + std::string(kHouseholdsPresent) + " AND " + PlaceClause(s, "h");
             return static_cast<double>(c.Run(sql, {s.year_end(), s.year_end(), s.place_id}).front().Int(0));
         },
         [](db::Connection& c, const KpiScope& s, int64_t limit, int64_t offset) {
             std::string where = std::string(kHouseholdsPresent) + " AND " + PlaceClause(s, "h");
             KpiRecords out;
             out.columns = {"id", "address"};
             out.total = c.Run("SELECT count(*)" + where, {s.year_end(), s.year_end(), s.place_id}).front().Int(0);
             for (const auto& row : c.Run("SELECT h.id, h.address" + where + " ORDER BY h.id LIMIT ? OFFSET ?",
                                          {s.year_end(), s.year_end(), s.place_id, limit, offset})) {
                 out.Add(row);
             }
             return out;
         },
         "count", "", 1.0});
}

}  // namespace tongxin::reports
