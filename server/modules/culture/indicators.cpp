// Indicators of the culture platform.
#include "modules/culture/module.hpp"

namespace tongxin::culture {
using reports::KpiScope;
using reports::ScopedSql;

void RegisterIndicators(reports::Registry& registry) {
    // Floor area of the venues open at the year's end (the 社区民族之家: 1300 m² in 安公社区).
    registry.Add(reports::Summing(
        {.id = "culture.venue_area_m2",
         .label_zh = "民族文化活动场所面积",
         .label_en = "Floor area of the ethnic culture venues",
         .unit_zh = "平方米",
         .unit_en = "m²",
         .sum_field = "area_m2",
         .records_permission = "culture.read",
         .definition_zh = "年末开放的民族文化活动场所建筑面积之和",
         .definition_en = "Floor area of the ethnic culture venues open at the year's end"},
        {.rows =
             [](const KpiScope& s) {
                 return ScopedSql{" FROM venues o WHERE o." + s.place_column +
                                      " = ? AND (o.opened_on IS NULL OR o.opened_on <= ?) AND (o.closed_on IS NULL OR "
                                      "o.closed_on > ?)",
                                  {s.place_id, s.year_end(), s.year_end()}};
             },
         .keys = {"name", "address", "area_m2", "rooms"},
         .columns =
             "o.id, o.name, o.address, o.area_m2, (SELECT count(*) FROM rooms x WHERE x.venue_id = o.id) AS rooms",
         .order_by = "o.name, o.id",
         .link_prefix = "/culture/venues/"},
        "sum(o.area_m2)"));

    registry.Add(reports::Counting(
        {.id = "culture.events",
         .label_zh = "民族文化品牌系列活动（场次）",
         .label_en = "Events of the branded culture series",
         .unit_zh = "场",
         .unit_en = "events",
         .records_permission = "culture.read",
         .definition_zh = "民族文化品牌系列当年举办的活动场次",
         .definition_en = "Events of the branded ethnic culture series held in the year"},
        {.rows =
             [](const KpiScope& s) {
                 return ScopedSql{" FROM culture_events o JOIN culture_series x ON x.id = o.series_id WHERE o." +
                                      s.place_column + " = ? AND o.held_on >= ? AND o.held_on <= ?",
                                  {s.place_id, s.year_start(), s.year_end()}};
             },
         .keys = {"held_on", "series", "title", "audience"},
         .columns = "o.id, o.held_on, x.name AS series, o.title, o.audience",
         .order_by = "o.held_on, o.id",
         .link_prefix = "/culture/events/"}));

    registry.Add(reports::Summing(
        {.id = "culture.visitors",
         .label_zh = "民族文化博物馆参观人次",
         .label_en = "Museum visits",
         .unit_zh = "人次",
         .unit_en = "visits",
         .sum_field = "people",
         .records_permission = "culture.read",
         .definition_zh = "民族文化博物馆当年登记的参观人次（团体按人数计）",
         .definition_en = "Museum visits recorded in the year (a group counts as its number of people)"},
        {.rows =
             [](const KpiScope& s) {
                 return ScopedSql{" FROM museum_visits o JOIN venues v ON v.id = o.venue_id WHERE o." + s.place_column +
                                      " = ? AND o.visited_on >= ? AND o.visited_on <= ?",
                                  {s.place_id, s.year_start(), s.year_end()}};
             },
         .keys = {"visited_on", "venue", "kind", "group_name", "people"},
         .columns = "o.id, o.visited_on, v.name AS venue, o.kind, o.group_name, o.people",
         .order_by = "o.visited_on, o.id"},
        "sum(o.people)"));
}

}  // namespace tongxin::culture
