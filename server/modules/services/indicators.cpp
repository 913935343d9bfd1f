// Service-line indicator: mutual-aid requests completed in the year.
#include "modules/services/module.hpp"

namespace tongxin::services {

void RegisterIndicators(reports::Registry& registry) {
    registry.Add(reports::Counting(
        {.id = "services.mutual_aid_completed",
         .label_zh = "邻里互助完成次数",
         .label_en = "Mutual-aid requests completed",
         .unit_zh = "次",
         .unit_en = "times",
         .records_permission = "services.read",
         .definition_zh = "当年办结的邻里互助求助次数",
         .definition_en = "Mutual-aid requests completed in the year"},
        {.rows =
             [](const reports::KpiScope& s) {
                 return reports::ScopedSql{
                     R"( FROM mutual_aid m JOIN residents r ON r.id = m.resident_id
                         LEFT JOIN residents hr ON hr.id = m.helper_resident_id
                         WHERE m.)" +
                         s.place_column +
                         " = ? AND m.kind = 'request' AND m.status = 'completed' AND m.completed_on >= ? AND "
                         "m.completed_on <= ?",
                     {s.place_id, s.year_start(), s.year_end()}};
             },
         .keys = {"title", "name", "helper", "completed_on", "minutes"},
         .columns = "m.id, m.title, r.name, coalesce(hr.name, '') AS helper, m.completed_on, coalesce(m.minutes, 0) AS "
                    "minutes",
         .order_by = "m.completed_on, m.id"}));
}

}  // namespace tongxin::services
