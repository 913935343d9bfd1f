// Indicators over organizations and posts. A post counts at a year's end if its term began on
// or before 31 December and had not ended by then.
#include <boost/json.hpp>

#include "modules/organizations/module.hpp"

namespace tongxin::organizations {
namespace json = boost::json;
using reports::KpiScope;
using reports::ScopedSql;

namespace {

constexpr const char* kMinority = "r.ethnicity >= '02' AND r.ethnicity <= '56'";
constexpr const char* kActivePost = "x.term_from <= ? AND (x.term_to IS NULL OR x.term_to > ?)";

// Distinct minority residents holding a post matching `post_clause` in organizations matching
// `kind_clause` (both fixed SQL literals), each with the posts they hold.
// `head` gives the id, labels and definitions.
reports::Indicator PostHolders(reports::Indicator head, const std::string& kind_clause, const std::string& post_clause,
                               bool minority_only) {
    auto from = [=](const KpiScope& s) {
        std::string sql = R"( FROM org_posts x JOIN organizations o ON o.id = x.organization_id
                              JOIN residents r ON r.id = x.resident_id WHERE x.)" +
                          s.place_column + " = ? AND " + kActivePost + " AND (" + kind_clause + ") AND (" +
                          post_clause + ")";
        if (minority_only) sql += std::string(" AND ") + kMinority;
        return ScopedSql{sql, {s.place_id, s.year_end(), s.year_end()}};
    };
    head.unit_zh = "人";
    head.unit_en = "people";
    // Named people chosen by their ethnicity: only roles that may see ethnicity.
    head.records_permission = minority_only ? "residents.sensitive" : "organizations.read";
    return reports::Counting(
        std::move(head),
        {.rows = from,
         .keys = {"name", "ethnicity", "posts"},
         .columns = "r.id, r.name, r.ethnicity",
         .order_by = "r.pinyin, r.id",
         .link_prefix = "/residents/",
         .count = "count(DISTINCT x.resident_id)",
         .group_by = "r.id, r.name, r.ethnicity, r.pinyin",
         .each = [from](db::Connection& c, const KpiScope& s, const db::Row& person, json::object& item) {
             ScopedSql rows = from(s);
             rows.params.emplace_back(person.Int("id"));
             std::string posts;
             for (const auto& row :
                  c.Run("SELECT o.name, x.post" + rows.from_where + " AND r.id = ? ORDER BY o.name", rows.params)) {
                 const PostInfo* post = FindPost(row.Str("post"));
                 posts += (posts.empty() ? "" : "；") + row.Str("name") + (post ? "·" + post->zh : "");
             }
             item["posts"] = posts;
         }});
}

// Organizations matching `kind_clause` (a fixed SQL literal) that exist at the year's end, with
// their current number of posts. `head` gives the id, labels, units and definitions.
reports::Indicator ActiveOrganizations(reports::Indicator head, const std::string& kind_clause) {
    head.records_permission = "organizations.read";
    return reports::Counting(
        std::move(head),
        {.rows =
             [kind_clause](const KpiScope& s) {
                 return ScopedSql{" FROM organizations o WHERE o." + s.place_column + " = ? AND (" + kind_clause +
                                      ") AND (o.founded_on IS NULL OR o.founded_on <= ?) AND (o.dissolved_on IS NULL "
                                      "OR o.dissolved_on > ?)",
                                  {s.place_id, s.year_end(), s.year_end()},
                                  {s.year_end(), s.year_end()}};
             },
         .keys = {"name", "founded_on", "members"},
         .columns =
             "o.id, o.name, o.founded_on, (SELECT count(*) FROM org_posts x WHERE x.organization_id = o.id AND " +
             std::string(kActivePost) + ") AS members",
         .order_by = "o.name, o.id",
         .link_prefix = "/organizations/"});
}

// Performances and events held by societies within the year.
reports::Indicator SocietyEvents() {
    return reports::Counting({.id = "societies.events",
                              .label_zh = "社团演出与活动（场次）",
                              .label_en = "Society performances and events",
                              .unit_zh = "场",
                              .unit_en = "events",
                              .records_permission = "organizations.read",
                              .definition_zh = "社团当年举办的演出和活动场次",
                              .definition_en = "Performances and events the societies held in the year"},
                             {.rows =
                                  [](const KpiScope& s) {
                                      return ScopedSql{
                                          " FROM events e JOIN organizations o ON o.id = e.organization_id WHERE e." +
                                              s.place_column +
                                              " = ? AND o.kind = 'society' AND e.held_on >= ? AND e.held_on <= ?",
                                          {s.place_id, s.year_start(), s.year_end()}};
                                  },
                              .keys = {"held_on", "title", "society", "audience"},
                              .columns = "e.id, e.held_on, e.title, o.name AS society, e.audience",
                              .order_by = "e.held_on, e.id"});
}

}  // namespace

void RegisterIndicators(reports::Registry& registry) {
    registry.Add(PostHolders(
        {.id = "governance.minority_backbones",
         .label_zh = "担任自治组织骨干的少数民族居民",
         .label_en = "Minority residents holding self-governance posts",
         .definition_zh = "少数民族居民中，年末担任楼栋长、业委会、议事会职务（不含普通成员）的人数",
         .definition_en = "Minority residents who at the year's end hold a post (not plain membership) among the "
                          "building heads, the owners' committee or a deliberation council"},
        "o.kind IN ('building_heads', 'owners_committee', 'deliberation_council')", "x.post <> 'member'", true));
    registry.Add(PostHolders(
        {.id = "outcomes.minority_backbones",
         .label_zh = "成为社区党组织、自治组织或社会组织骨干的少数民族居民",
         .label_en = "Minority backbones of party, self-governance or social organisations",
         .definition_zh = "少数民族居民中，年末在党组织、自治组织、志愿服务队、社团、民族一家亲委员会或民族发展联合会担"
                          "任职务（不含普通成员）的人数",
         .definition_en = "Minority residents who at the year's end hold a post (not plain membership) in a Party, "
                          "self-governance, volunteer, society, unity-committee or federation organisation"},
        "o.kind IN ('party_branch', 'party_group', 'building_heads', 'owners_committee', "
        "'deliberation_council', 'volunteer_team', 'society', 'unity_committee', 'federation')",
        "x.post <> 'member'", true));
    registry.Add(PostHolders(
        {.id = "selfhelp.liaison_officers",
         .label_zh = "民族一家亲委员会民族联络员",
         .label_en = "Ethnic liaison officers",
         .definition_zh = "年末在民族一家亲委员会担任民族联络员的居民人数",
         .definition_en = "Residents serving as ethnic liaison officers of the unity committee at the year's end"},
        "o.kind = 'unity_committee'", "x.post = 'liaison_officer'", false));

    registry.Add(PostHolders(
        {.id = "societies.members",
         .label_zh = "社团成员（人）",
         .label_en = "Society members (people)",
         .definition_zh = "年末在群众性社团任职或为成员的居民人数（每人计一次）",
         .definition_en =
             "Residents who at the year's end are members or officers of a community society (each counted once)"},
        "o.kind = 'society'", "1 = 1", false));
    registry.Add(ActiveOrganizations({.id = "societies.count",
                                      .label_zh = "群众性社团",
                                      .label_en = "Community societies and clubs",
                                      .unit_zh = "个",
                                      .unit_en = "societies",
                                      .definition_zh = "年末存续的群众性社团个数",
                                      .definition_en = "Community societies and clubs that exist at the year's end"},
                                     "o.kind = 'society'"));
    registry.Add(SocietyEvents());
    registry.Add(ActiveOrganizations({.id = "party.ethnic_work_groups",
                                      .label_zh = "民族工作党小组",
                                      .label_en = "Party groups for ethnic work",
                                      .unit_zh = "个",
                                      .unit_en = "groups",
                                      .definition_zh = "年末存续、承担民族工作的党小组个数",
                                      .definition_en = "Party groups for ethnic work that exist at the year's end"},
                                     "o.kind = 'party_group' AND o.ethnic_work = 1"));
}

}  // namespace tongxin::organizations
