// rights.disputes_resolved: mediations closed as resolved, up to the year's end. Its records
// carry no names (cases are confidential): number, kind and dates only.
#include "modules/cases/module.hpp"

namespace tongxin::cases {

void RegisterIndicators(reports::Registry& registry) {
    registry.Add(reports::Counting(
        {.id = "rights.disputes_resolved",
         .label_zh = "矛盾纠纷调解成功（累计）",
         .label_en = "Disputes mediated to resolution (cumulative)",
         .unit_zh = "件",
         .unit_en = "cases",
         // Numbers and dates only, no names: whoever may see the centre's counts.
         .records_permission = "cases.count",
         .definition_zh = "截至年末调解成功结案的矛盾纠纷件数（累计）",
         .definition_en = "Disputes closed as resolved by mediation up to the year's end (cumulative)"},
        {.rows =
             [](const reports::KpiScope& s) {
                 return reports::ScopedSql{" FROM cases o WHERE o." + s.place_column +
                                               " = ? AND o.kind = 'mediation' AND o.outcome = 'resolved' AND "
                                               "o.resolved_on <= ?",
                                           {s.place_id, s.year_end()}};
             },
         .keys = {"number", "registered_on", "resolved_on"},
         .columns = "o.id, o.number, o.registered_on, o.resolved_on",
         .order_by = "o.resolved_on, o.id"}));
}

}  // namespace tongxin::cases
