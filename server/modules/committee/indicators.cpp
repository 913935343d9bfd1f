// Indicators of the unity committee platform.
#include <boost/json.hpp>

#include "core/text/codes.hpp"
#include "modules/committee/module.hpp"

namespace tongxin::committee {
namespace json = boost::json;
using reports::KpiScope;

void RegisterIndicators(reports::Registry& registry) {
    // Self-organised activities the committee registered, held within the year, each with its
    // organiser, participants and their ethnic mix.
    registry.Add(reports::Counting(
        {.id = "selfhelp.activities",
         .label_zh = "群众自发组织的活动",
         .label_en = "Activities residents organised themselves",
         .unit_zh = "场",
         .unit_en = "activities",
         .records_permission = "committee.read",
         .definition_zh = "民族一家亲委员会登记的、当年举办的群众自发组织活动场次",
         .definition_en =
             "Activities residents organised themselves, registered by the unity committee and held in the year"},
        {.rows =
             [](const KpiScope& s) {
                 return reports::ScopedSql{
                     " FROM selfhelp_activities o JOIN residents r ON r.id = "
                     "o.organiser_resident_id WHERE o." +
                         s.place_column + " = ? AND o.status = 'registered' AND o.held_on >= ? AND o.held_on <= ?",
                     {s.place_id, s.year_start(), s.year_end()}};
             },
         .keys = {"held_on", "title", "organiser", "place", "participants", "ethnic_mix"},
         .columns = "o.id, o.held_on, o.title, r.name AS organiser, o.place, (SELECT count(*) FROM "
                    "selfhelp_participants sp WHERE sp.activity_id = o.id) AS participants",
         .order_by = "o.held_on, o.id",
         .link_prefix = "/committee/activities/",
         .each =
             [](db::Connection& c, const KpiScope&, const db::Row& row, json::object& item) {
                 std::string mix;
                 for (const auto& e : c.Query(R"sql(SELECT r.ethnicity, count(*) AS n FROM selfhelp_participants sp
JOIN residents r ON r.id = sp.resident_id WHERE sp.activity_id = ? GROUP BY r.ethnicity ORDER BY count(*) DESC,
r.ethnicity)sql",
                                              row.Int("id"))) {
                     mix += (mix.empty() ? "" : "、") + text::EthnicityName(e.Str("ethnicity")) + " " +
                            std::to_string(e.Int("n"));
                 }
                 item["ethnic_mix"] = mix;
             }}));
}

}  // namespace tongxin::committee
