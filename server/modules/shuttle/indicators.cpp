// shuttle.boarded: rides taken on the community shuttle in the year (each boarded booking is one
// ride), with the trip, the stop and the rider behind each.
#include "modules/shuttle/module.hpp"

namespace tongxin::shuttle {

void RegisterIndicators(reports::Registry& registry) {
    registry.Add(reports::Counting(
        {.id = "shuttle.boarded",
         .label_zh = "社区接驳车乘车人次",
         .label_en = "Rides on the community shuttle",
         .unit_zh = "人次",
         .unit_en = "rides",
         .permission = "shuttle.read",
         .records_permission = "shuttle.read",
         .definition_zh = "当年社区接驳车已上车的预约人次",
         .definition_en = "Rides taken on the community shuttle in the year (boarded bookings)"},
        {.rows =
             [](const reports::KpiScope& s) {
                 return reports::ScopedSql{
                     R"( FROM shuttle_reservations x JOIN shuttle_trips o ON o.id = x.trip_id
                         JOIN shuttle_services sv ON sv.id = o.service_id JOIN shuttle_stops st ON st.id = x.stop_id
                         JOIN residents rs ON rs.id = x.resident_id
                         WHERE o.)" +
                         s.place_column + " = ? AND o.trip_date >= ? AND o.trip_date <= ? AND x.status = 'boarded'",
                     {s.place_id, s.year_start(), s.year_end()}};
             },
         .keys = {"trip_date", "title", "stop", "name"},
         .columns =
             "x.resident_id AS id, o.trip_date, sv.name AS title, st.stop_time || ' ' || st.name AS stop, rs.name",
         .order_by = "o.departs_at, st.seq, rs.pinyin, x.id",
         .link_prefix = "/residents/"}));
}

}  // namespace tongxin::shuttle
