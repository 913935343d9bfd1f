// Indicators of the resource linkage platform.
#include "modules/linkage/module.hpp"

namespace tongxin::linkage {
using reports::KpiScope;
using reports::ScopedSql;

void RegisterIndicators(reports::Registry& registry) {
    // Brand projects under way at some time in the year (not merely planned), run with partners.
    registry.Add(reports::Counting(
        {.id = "linkage.brand_projects",
         .label_zh = "与共建单位打造的品牌项目",
         .label_en = "Brand projects run with partner organisations",
         .unit_zh = "个",
         .unit_en = "projects",
         .records_permission = "linkage.read",
         .definition_zh = "当年处于实施中（不含仅在计划中）的、与共建单位合作的品牌项目个数",
         .definition_en = "Brand projects with partners under way at some time in the year (not merely planned)"},
        {.rows =
             [](const KpiScope& s) {
                 return ScopedSql{" FROM brand_projects o WHERE o." + s.place_column +
                                      " = ? AND o.status <> 'planned' AND o.started_on <= ? AND (o.ended_on IS NULL OR "
                                      "o.ended_on >= ?) AND EXISTS (SELECT 1 FROM brand_project_partners x WHERE "
                                      "x.project_id = o.id)",
                                  {s.place_id, s.year_end(), s.year_start()}};
             },
         .keys = {"name", "started_on", "project_status", "partners"},
         .columns = "o.id, o.name, o.started_on, o.status AS project_status, (SELECT count(*) FROM "
                    "brand_project_partners x WHERE x.project_id = o.id) AS partners",
         .order_by = "o.started_on, o.id",
         .link_prefix = "/linkage/projects/"}));

    // Partners with a co-building agreement in force on the last day of the year.
    registry.Add(reports::Counting(
        {.id = "linkage.partners",
         .label_zh = "签订共建协议的合作单位",
         .label_en = "Partner organisations with an agreement in force",
         .unit_zh = "家",
         .unit_en = "partners",
         .records_permission = "linkage.read",
         .definition_zh = "年末共建协议仍在有效期内的合作单位个数",
         .definition_en = "Partners with a co-building agreement in force on the last day of the year"},
        {.rows =
             [](const KpiScope& s) {
                 return ScopedSql{
                     " FROM partners o JOIN organizations g ON g.id = o.organization_id WHERE o." + s.place_column +
                         " = ? AND EXISTS (SELECT 1 FROM partner_agreements a WHERE a.partner_id = o.id AND "
                         "a.signed_on <= ? AND (a.ends_on IS NULL OR a.ends_on >= ?))",
                     {s.place_id, s.year_end(), s.year_end()}};
             },
         .keys = {"name", "partner_kind"},
         .columns = "o.id, g.name, o.kind AS partner_kind",
         .order_by = "g.name, o.id",
         .link_prefix = "/linkage/partners/"}));
}

}  // namespace tongxin::linkage
