// Service-line indicator: mutual-aid requests completed in the year.
#include <boost/json.hpp>

#include "modules/services/module.hpp"

namespace tongxin::services {
using reports::KpiRecords;
using reports::KpiScope;

namespace {

std::string Completed(const KpiScope& s) {
    return " FROM mutual_aid m JOIN residents r ON r.id = m.resident_id LEFT JOIN residents hr ON hr.id = "
           "m.helper_resident_id WHERE m." +
           s.place_column +
           " = ? AND m.kind = 'request' AND m.status = 'completed' AND m.completed_on >= ? AND "
           "m.completed_on <= ?";
}

}  // namespace

void RegisterIndicators(reports::Registry& registry) {
    reports::Indicator aid;
    aid.id = "services.mutual_aid_completed";
    aid.label_zh = "邻里互助完成次数";
    aid.label_en = "Mutual-aid requests completed";
    aid.unit_zh = "次";
    aid.unit_en = "times";
    aid.value = [](db::Connection& c, const KpiScope& s) {
        return static_cast<double>(
            c.Run("SELECT count(*)" + Completed(s), {s.place_id, s.year_start(), s.year_end()}).front().Int(0));
    };
    aid.records = [](db::Connection& c, const KpiScope& s, int64_t limit, int64_t offset) {
        KpiRecords out;
        out.columns = {"title", "name", "helper", "completed_on", "minutes"};
        out.total = c.Run("SELECT count(*)" + Completed(s), {s.place_id, s.year_start(), s.year_end()}).front().Int(0);
        for (const auto& r : c.Run("SELECT m.id, m.title, r.name, coalesce(hr.name, '') AS helper, m.completed_on, "
                                   "coalesce(m.minutes, 0) AS "
                                   "minutes" +
                                       Completed(s) + " ORDER BY m.completed_on, m.id LIMIT ? OFFSET ?",
                                   {s.place_id, s.year_start(), s.year_end(), limit, offset})) {
            out.Add(r);
        }
        return out;
    };
    aid.records_permission = "services.read";
    registry.Add(std::move(aid));
}

}  // namespace tongxin::services
