// shuttle.boarded: rides taken on the community shuttle in the year (each boarded booking is one
// ride), with the trip, the stop and the rider behind each.
#include <boost/json.hpp>

#include "modules/shuttle/module.hpp"

namespace tongxin::shuttle {
using reports::KpiRecords;
using reports::KpiScope;

void RegisterIndicators(reports::Registry& registry) {
    reports::Indicator boarded;
    boarded.id = "shuttle.boarded";
    boarded.label_zh = "社区接驳车乘车人次";
    boarded.label_en = "Rides on the community shuttle";
    boarded.unit_zh = "人次";
    boarded.unit_en = "rides";
    boarded.permission = "shuttle.read";
    auto where = [](const KpiScope& s) {
        return " FROM shuttle_reservations x JOIN shuttle_trips o ON o.id = x.trip_id WHERE o." + s.place_column +
               " = ? AND o.trip_date >= ? AND o.trip_date <= ? AND x.status = 'boarded'";
    };
    boarded.value = [where](db::Connection& c, const KpiScope& s) {
        return static_cast<double>(
            c.Run("SELECT count(*)" + where(s), {s.place_id, s.year_start(), s.year_end()}).front().Int(0));
    };
    boarded.records = [where](db::Connection& c, const KpiScope& s, int64_t limit, int64_t offset) {
        KpiRecords out;
        out.columns = {"trip_date", "title", "stop", "name"};
        out.total = c.Run("SELECT count(*)" + where(s), {s.place_id, s.year_start(), s.year_end()}).front().Int(0);
        for (const auto& r :
             c.Run("SELECT x.resident_id AS id, o.trip_date, sv.name AS title, st.stop_time || ' ' || st.name AS stop, "
                   "rs.name FROM shuttle_reservations "
                   "x JOIN shuttle_trips o ON o.id = x.trip_id JOIN shuttle_services sv ON sv.id = o.service_id JOIN "
                   "shuttle_stops st ON st.id = x.stop_id JOIN residents rs ON rs.id = x.resident_id WHERE o." +
                       s.place_column +
                       " = ? AND o.trip_date >= ? AND o.trip_date <= ? AND x.status = 'boarded' ORDER BY o.departs_at, "
                       "st.seq, rs.pinyin, x.id LIMIT ? OFFSET ?",
                   {s.place_id, s.year_start(), s.year_end(), limit, offset})) {
            out.Add(r, "/residents/");
        }
        return out;
    };
    boarded.records_permission = "shuttle.read";
    registry.Add(std::move(boarded));
}

}  // namespace tongxin::shuttle
