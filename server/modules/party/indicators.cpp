// Party-line indicators at a year's end.
#include "modules/party/module.hpp"

namespace tongxin::party {
using reports::KpiRecords;
using reports::KpiScope;

namespace {

// Minority residents present at the year's end in the place.
// With `addresses`, households are joined for the records' address column; counts leave them out.
std::string MinorityPresent(const KpiScope& s, bool addresses = false) {
    return std::string(" FROM residents r") + (addresses ? " LEFT JOIN households h ON h.id = r.household_id" : "") +
           " WHERE r." + s.place_column +
           " = ? AND (r.moved_in IS NULL OR r.moved_in <= ?) AND (r.moved_out IS NULL OR r.moved_out > ?) AND "
           "r.ethnicity >= '02' AND r.ethnicity <= '56'";
}

constexpr const char* kPairedAt =
    "EXISTS (SELECT 1 FROM pairings x WHERE x.resident_id = r.id AND x.from_date <= ? AND (x.to_date IS NULL OR "
    "x.to_date > ?))";

}  // namespace

void RegisterIndicators(reports::Registry& registry) {
    registry.Add(reports::Counting(
        {.id = "party.minority_members",
         .label_zh = "少数民族党员",
         .label_en = "Minority party members",
         .unit_zh = "人",
         .unit_en = "people",
         .per_community = true,
         .records_permission = "party.read",
         .definition_zh = "年末在册少数民族居民中政治面貌为中共党员或预备党员的人数",
         .definition_en = "Minority residents present at the year's end who are Party members or probationary members"},
        {.rows =
             [](const KpiScope& s) {
                 return reports::ScopedSql{MinorityPresent(s, true) + " AND r.political_status IN ('01', '02')",
                                           {s.place_id, s.year_end(), s.year_end()}};
             },
         .keys = {"name", "ethnicity", "political_status", "address"},
         .columns = "r.id, r.name, r.ethnicity, r.political_status, coalesce(h.address, '') AS address",
         .order_by = "r.pinyin, r.id",
         .link_prefix = "/residents/"}));

    reports::Indicator coverage;
    coverage.id = "party.liaison_coverage";
    coverage.label_zh = "少数民族居民党员一对一联络覆盖率";
    coverage.label_en = "Minority residents with an active party liaison";
    coverage.unit_zh = "比例";
    coverage.unit_en = "share";
    coverage.aggregate = "share";
    coverage.share_field = "liaison";
    coverage.per_community = true;
    coverage.value = [](db::Connection& c, const KpiScope& s) {
        auto row = c.Run("SELECT count(*) AS n, sum(CASE WHEN " + std::string(kPairedAt) +
                             " THEN 1 ELSE 0 END) AS paired" + MinorityPresent(s),
                         {s.year_end(), s.year_end(), s.place_id, s.year_end(), s.year_end()})
                       .front();
        const int64_t n = row.Int("n");
        return n == 0 ? 1.0 : static_cast<double>(row.Int("paired")) / static_cast<double>(n);
    };
    // Every minority resident, with whether and with whom they are paired: the share of rows with
    // a liaison is the value.
    coverage.records = [](db::Connection& c, const KpiScope& s, int64_t limit, int64_t offset) {
        KpiRecords out;
        out.columns = {"name", "ethnicity", "address", "liaison"};
        out.total =
            c.Run("SELECT count(*)" + MinorityPresent(s), {s.place_id, s.year_end(), s.year_end()}).front().Int(0);
        // The page first, then each of its residents' liaison (not the liaison of every row sorted).
        for (const auto& r : c.Run(
                 R"(SELECT p.id, p.name, p.ethnicity, coalesce(p.address, '') AS address,
                                              (SELECT l.name FROM pairings x JOIN residents l ON l.id = x.liaison_resident_id
                                               WHERE x.resident_id = p.id AND x.from_date <= ?
                                                 AND (x.to_date IS NULL OR x.to_date > ?)
                                               ORDER BY x.id DESC LIMIT 1) AS liaison
                                       FROM (SELECT r.id, r.name, r.ethnicity, h.address, r.pinyin)" +
                     MinorityPresent(s, true) + " ORDER BY r.pinyin, r.id LIMIT ? OFFSET ?) p ORDER BY p.pinyin, p.id",
                 {s.year_end(), s.year_end(), s.place_id, s.year_end(), s.year_end(), limit, offset})) {
            out.Add(r, "/residents/");
        }
        return out;
    };
    coverage.records_permission = "party.read";
    coverage.definition_zh = "年末在册少数民族居民中，有党员一对一联络的人所占比例";
    coverage.definition_en =
        "Share of the minority residents present at the year's end who have a Party member as their one-to-one liaison";
    registry.Add(std::move(coverage));
}

}  // namespace tongxin::party
