// The resident registry's indicators. "As of the year's end": moved in on or before 31 December
// (or date unknown) and not moved out by then.
#include "modules/reports/module.hpp"

namespace tongxin::reports {
namespace {

constexpr const char* kPresent = "(r.moved_in IS NULL OR r.moved_in <= ?) AND (r.moved_out IS NULL OR r.moved_out > ?)";

// Residents present in the place at the year's end (only minority residents with `minority`).
RowSet Residents(bool minority) {
    return {.rows =
                [minority](const KpiScope& s) {
                    std::string sql = " FROM residents r LEFT JOIN households h ON h.id = r.household_id WHERE r." +
                                      s.place_column + " = ? AND " + kPresent;
                    if (minority) sql += " AND r.ethnicity >= '02' AND r.ethnicity <= '56'";
                    return ScopedSql{sql, {s.place_id, s.year_end(), s.year_end()}};
                },
            .keys = {"id", "name", "gender", "ethnicity", "address", "moved_in"},
            .columns = "r.id, r.name, r.gender, r.ethnicity, coalesce(h.address, '') AS address, r.moved_in",
            .order_by = "r.pinyin, r.id",
            .link_prefix = "/residents/"};
}

}  // namespace

void RegisterRegistryIndicators(Registry& registry) {
    // The records list residents with their ethnicity: only roles that may see sensitive fields.
    registry.Add(Counting(
        {.id = "registry.residents",
         .label_zh = "常住居民",
         .label_en = "Residents",
         .unit_zh = "人",
         .unit_en = "people",
         .records_permission = "residents.sensitive",
         .definition_zh = "年末在本地登记居住的居民人数（迁入不晚于 12 月 31 日、当时尚未迁出）",
         .definition_en =
             "Residents living in the place at the year's end (moved in by 31 December, not moved out by then)"},
        Residents(false)));
    registry.Add(Counting(
        {.id = "registry.minority_residents",
         .label_zh = "少数民族居民",
         .label_en = "Minority residents",
         .unit_zh = "人",
         .unit_en = "people",
         .records_permission = "residents.sensitive",
         .definition_zh = "年末在册居民中民族为少数民族（民族代码 02–56）的人数",
         .definition_en = "Residents present at the year's end whose ethnic group is a minority (codes 02–56)"},
        Residents(true)));
    registry.Add(Counting({.id = "registry.households",
                           .label_zh = "户数",
                           .label_en = "Households",
                           .unit_zh = "户",
                           .unit_en = "households",
                           .records_permission = "residents.sensitive",
                           .definition_zh = "年末至少有一名在册居民的户数",
                           .definition_en = "Households with at least one resident present at the year's end"},
                          {.rows =
                               [](const KpiScope& s) {
                                   return ScopedSql{" FROM households h WHERE h." + s.place_column +
                                                        " = ? AND EXISTS (SELECT 1 FROM residents r WHERE "
                                                        "r.household_id = h.id AND " +
                                                        kPresent + ")",
                                                    {s.place_id, s.year_end(), s.year_end()}};
                               },
                           .keys = {"id", "address"},
                           .columns = "h.id, h.address",
                           .order_by = "h.id"}));
}

}  // namespace tongxin::reports
