// rights.disputes_resolved: mediations closed as resolved, up to the year's end. Its records
// carry no names (cases are confidential): number, kind and dates only.
#include <boost/json.hpp>

#include "modules/cases/module.hpp"

namespace tongxin::cases {
using reports::KpiRecords;
using reports::KpiScope;

void RegisterIndicators(reports::Registry& registry) {
    reports::Indicator resolved;
    resolved.id = "rights.disputes_resolved";
    resolved.label_zh = "矛盾纠纷调解成功（累计）";
    resolved.label_en = "Disputes mediated to resolution (cumulative)";
    resolved.unit_zh = "件";
    resolved.unit_en = "cases";
    auto where = [](const KpiScope& s) {
        return " FROM cases o WHERE o." + s.place_column +
               " = ? AND o.kind = 'mediation' AND o.outcome = 'resolved' AND o.resolved_on <= ?";
    };
    resolved.value = [where](db::Connection& c, const KpiScope& s) {
        return static_cast<double>(c.Run("SELECT count(*)" + where(s), {s.place_id, s.year_end()}).front().Int(0));
    };
    resolved.records = [where](db::Connection& c, const KpiScope& s, int64_t limit, int64_t offset) {
        KpiRecords out;
        out.columns = {"number", "registered_on", "resolved_on"};
        out.total = c.Run("SELECT count(*)" + where(s), {s.place_id, s.year_end()}).front().Int(0);
        for (const auto& r : c.Run("SELECT o.id, o.number, o.registered_on, o.resolved_on" + where(s) +
                                       " ORDER BY o.resolved_on, o.id LIMIT ? OFFSET ?",
                                   {s.place_id, s.year_end(), limit, offset})) {
            out.Add(r);
        }
        return out;
    };
    // Numbers and dates only, no names: whoever may see the centre's counts.
    resolved.records_permission = "cases.count";
    registry.Add(std::move(resolved));
}

}  // namespace tongxin::cases
