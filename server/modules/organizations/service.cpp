#include "modules/organizations/service.hpp"

#include <boost/json.hpp>

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/http/json_fields.hpp"
#include "core/text/codes.hpp"
#include "core/time/clock.hpp"
#include "modules/places/service.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::organizations {
namespace json = boost::json;

const std::vector<KindInfo>& Kinds() {
    static const std::vector<KindInfo> kAll = {
        {"party_branch", "党支部", "Party branch", false},
        {"party_group", "党小组", "Party group", false},
        {"building_heads", "楼栋长队伍", "Building heads", true},
        {"owners_committee", "业主委员会", "Owners' committee", true},
        {"deliberation_council", "议事会", "Deliberation council", true},
        {"volunteer_team", "志愿者队伍", "Volunteer team", false},
        {"society", "社团", "Society / club", false},
        {"unity_committee", "民族一家亲委员会", "Unity committee", false},
        {"rights_centre", "居民权益维护中心", "Rights centre", false},
        {"jobs_centre", "就业创业服务中心", "Jobs centre", false},
        {"federation", "民族发展联合会", "Federation", false},
        {"partner", "合作单位", "Partner organisation", false},
    };
    return kAll;
}

const KindInfo* FindKind(const std::string& key) {
    for (const auto& k : Kinds())
        if (k.key == key) return &k;
    return nullptr;
}

const std::vector<PostInfo>& Posts() {
    static const std::vector<PostInfo> kAll = {
        {"member", "成员", "Member"},
        {"leader", "负责人", "Leader"},
        {"deputy", "副职", "Deputy"},
        {"secretary", "书记", "Secretary"},
        {"committee_member", "委员", "Committee member"},
        {"building_head", "楼栋长", "Building head"},
        {"liaison_officer", "民族联络员", "Ethnic liaison officer"},
    };
    return kAll;
}

const PostInfo* FindPost(const std::string& key) {
    for (const auto& p : Posts())
        if (p.key == key) return &p;
    return nullptr;
}

namespace {

constexpr db::ListSql kOrgList{
    .columns = R"sql(o.id, o.kind, o.name, o.parent_id, o.street_id, o.community_id, o.ethnic_work, o.founded_on,
       o.dissolved_on, o.description,
       (SELECT count(*) FROM org_posts x WHERE x.organization_id = o.id AND x.term_to IS NULL) AS current_posts)sql",
    .from = "organizations o",
    .order_by = "o.kind, o.name, o.id",
    .count_from = "",
};

Organization OrganizationFrom(const db::Row& r) {
    return {.id = r.Int("id"),
            .kind = r.Str("kind"),
            .name = r.Str("name"),
            .parent_id = r.OptInt("parent_id"),
            .street_id = r.Int("street_id"),
            .community_id = r.Int("community_id"),
            .ethnic_work = r.Bool("ethnic_work"),
            .founded_on = r.OptStr("founded_on"),
            .dissolved_on = r.OptStr("dissolved_on"),
            .description = r.Str("description"),
            .current_posts = r.Int("current_posts")};
}

Organization FindOrg(db::Connection& conn, const auth::Principal& p, int64_t id) {
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", id);
    auto rows = conn.Run(db::SelectSql(kOrgList, where), where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    return OrganizationFrom(rows.front());
}

constexpr std::string_view kPostsSelect = R"sql(
SELECT x.id, x.resident_id, r.name, r.ethnicity, x.post, x.term_from, x.term_to, x.ended_reason
FROM org_posts x JOIN residents r ON r.id = x.resident_id
WHERE x.organization_id = ? ORDER BY x.term_to IS NOT NULL, x.post = 'member', r.pinyin)sql";

Post PostFrom(const db::Row& r) {
    return {.id = r.Int("id"),
            .resident_id = r.Int("resident_id"),
            .name = r.Str("name"),
            .ethnicity = r.Str("ethnicity"),
            .post = r.Str("post"),
            .term_from = r.Str("term_from"),
            .term_to = r.OptStr("term_to"),
            .ended_reason = r.Str("ended_reason")};
}

void ValidateOrg(const OrgInput& in, FieldErrors& errors) {
    if (!FindKind(in.kind)) errors.Add("kind", "invalid_choice");
    if (in.name.empty()) errors.Add("name", "required");
    if (in.founded_on && in.dissolved_on && *in.dissolved_on < *in.founded_on) {
        errors.Add("dissolved_on", "moved_out_before_in");
    }
}

}  // namespace

db::Page<Organization> OrganizationService::List(const auth::Principal& p, const OrgFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    if (f.kind) where.Add("o.kind = ?", *f.kind);
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (!f.q.empty()) where.Add("o.name LIKE ?", "%" + f.q + "%");
    if (f.resident)
        where.Add("o.id IN (SELECT x.organization_id FROM org_posts x WHERE x.resident_id = ? AND x.term_to IS NULL)",
                  *f.resident);
    return db::ListPage<Organization>(conn, kOrgList, where, f.page, OrganizationFrom);
}

Organization OrganizationService::Get(const auth::Principal& p, int64_t id) {
    db::Connection& conn = db_.Local();
    Organization org = FindOrg(conn, p, id);
    for (const auto& r : conn.Query(kPostsSelect, id)) {
        Post post = PostFrom(r);
        (post.term_to ? org.past_posts : org.posts).push_back(std::move(post));
    }
    return org;
}

int64_t OrganizationService::Insert(db::Connection& conn, const OrgInput& in, int64_t street_id) {
    int64_t now = time::NowUnix();
    return conn.Insert(
        "INSERT INTO organizations (kind, name, parent_id, street_id, community_id, ethnic_work, founded_on, "
        "dissolved_on, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        in.kind, in.name, in.parent_id, street_id, *in.community_id, in.ethnic_work, in.founded_on, in.dissolved_on,
        in.description, now, now);
}

int64_t OrganizationService::InsertPost(db::Connection& conn, int64_t org_id, const PostInput& in, int64_t street_id,
                                        int64_t community_id) {
    return conn.Insert(
        "INSERT INTO org_posts (organization_id, resident_id, post, term_from, term_to, street_id, community_id, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        org_id, in.resident_id, in.post, in.term_from, in.term_to, street_id, community_id, time::NowUnix());
}

int64_t OrganizationService::Create(const auth::Principal& p, const OrgInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    ValidateOrg(in, errors);
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    std::optional<int64_t> street;
    if (!in.community_id) {
        errors.Add("community_id", "required");
    } else {
        auto community = places::FindPlace(conn, p, *in.community_id);
        if (!community || community->kind != "community")
            errors.Add("community_id", "unknown_place");
        else
            street = community->street_id;
    }
    if (in.parent_id) {
        try {
            FindOrg(conn, p, *in.parent_id);
        } catch (const AppError&) {
            errors.Add("parent_id", "unknown_place");
        }
    }
    errors.ThrowIfAny();
    if (conn.QueryInt("SELECT count(*) FROM organizations WHERE community_id = ? AND kind = ? AND name = ?",
                      *in.community_id, in.kind, in.name) > 0) {
        throw AppError(ErrorCode::kConflict, "duplicate_name");
    }
    int64_t id = Insert(conn, in, *street);
    audit::Append(conn, actor,
                  {"organizations.organization.created",
                   "organization",
                   std::to_string(id),
                   true,
                   {{"kind", in.kind}, {"name", in.name}, {"community_id", *in.community_id}}});
    tx.Commit();
    return id;
}

void OrganizationService::Update(const auth::Principal& p, int64_t id, const OrgInput& in, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    Organization before = FindOrg(conn, p, id);
    FieldErrors errors;
    OrgInput checked = in;
    checked.kind = before.kind;
    ValidateOrg(checked, errors);
    errors.ThrowIfAny();
    conn.Exec(
        "UPDATE organizations SET name = ?, ethnic_work = ?, founded_on = ?, dissolved_on = ?, description = ?, "
        "updated_at = ? WHERE id = ?",
        in.name, in.ethnic_work, in.founded_on, in.dissolved_on, in.description, time::NowUnix(), id);
    json::object b{{"name", before.name},
                   {"ethnic_work", before.ethnic_work},
                   {"founded_on", http::OrNull(before.founded_on)},
                   {"dissolved_on", http::OrNull(before.dissolved_on)},
                   {"description", before.description}};
    json::object a{{"name", in.name},
                   {"ethnic_work", in.ethnic_work},
                   {"founded_on", http::OrNull(in.founded_on)},
                   {"dissolved_on", http::OrNull(in.dissolved_on)},
                   {"description", in.description}};
    audit::Append(conn, actor,
                  {"organizations.organization.updated", "organization", std::to_string(id), true, audit::Diff(b, a)});
    tx.Commit();
}

namespace {

const std::vector<io::ImportColumn>& PostColumns() {
    static const std::vector<io::ImportColumn> kAll = {
        {"name", {"姓名", "成员姓名"}, true},
        {"id_number", {"身份证号", "身份证号码"}},
        {"post", {"职务", "岗位"}},
        {"term_from", {"任职开始", "任职开始日期", "加入日期", "开始日期"}, true},
        {"term_to", {"任职结束", "任职结束日期", "结束日期"}},
    };
    return kAll;
}

}  // namespace

io::ImportReport OrganizationService::ImportPosts(const auth::Principal& p, const crypto::Vault& vault, int64_t org_id,
                                                  std::string_view bytes, bool commit, const audit::Actor& actor) {
    io::ImportSheet sheet(bytes, PostColumns());
    db::Connection& conn = db_.Local();
    Organization org = FindOrg(conn, p, org_id);
    return io::RunImport(
        conn, sheet, commit, [&](int row_no, const auto& row, auto& issues) -> std::optional<json::object> {
            std::string name = sheet.Cell(row, "name");
            residents::ResidentMatch who =
                residents::MatchResident(conn, p, vault, org.community_id, name, sheet.Cell(row, "id_number"));
            if (!who.id) issues.push_back({row_no, sheet.Header(who.field), who.code});
            PostInput in;
            in.resident_id = who.id.value_or(0);
            std::string post = sheet.Cell(row, "post");
            in.post = "member";
            if (!post.empty()) {
                const PostInfo* found = nullptr;
                for (const auto& info : Posts())
                    if (info.key == post || info.zh == post || info.en == post) found = &info;
                if (!found) issues.push_back({row_no, sheet.Header("post"), "invalid_choice"});
                in.post = found ? found->key : "";
            }
            in.term_from = sheet.DateCell(row, "term_from");
            if (std::string to = sheet.DateCell(row, "term_to"); !to.empty()) in.term_to = to;
            if (!issues.empty()) return std::nullopt;
            AddPost(p, org_id, in, actor);
            return json::object{
                {"name", name}, {"post", in.post}, {"post_name", FindPost(in.post)->zh}, {"term_from", in.term_from}};
        });
}

std::string OrganizationService::ImportTemplate() {
    return io::ImportTemplate("成员", PostColumns(), {{"张三", "", "成员", "2021-01-01", ""}});
}

int64_t OrganizationService::AddPost(const auth::Principal& p, int64_t org_id, const PostInput& in,
                                     const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    Organization org = FindOrg(conn, p, org_id);
    FieldErrors errors;
    if (!FindPost(in.post)) errors.Add("post", "invalid_choice");
    if (!time::IsValidDate(in.term_from)) errors.Add("term_from", "invalid_date");
    if (in.term_to && (!time::IsValidDate(*in.term_to) || *in.term_to < in.term_from))
        errors.Add("term_to", "invalid_date");
    // The holder must live in the organization's community.
    if (!residents::LivesInCommunity(conn, in.resident_id, org.community_id)) {
        errors.Add("resident_id", "not_found");
    }
    errors.ThrowIfAny();
    if (conn.QueryInt("SELECT count(*) FROM org_posts WHERE organization_id = ? AND resident_id = ? AND post = ? AND "
                      "term_to IS NULL",
                      org_id, in.resident_id, in.post) > 0) {
        throw AppError(ErrorCode::kConflict, "conflict");
    }
    int64_t id = InsertPost(conn, org_id, in, org.street_id, org.community_id);
    audit::Append(conn, actor,
                  {"organizations.post.added",
                   "organization",
                   std::to_string(org_id),
                   true,
                   {{"post_id", id}, {"resident_id", in.resident_id}, {"post", in.post}, {"term_from", in.term_from}}});
    tx.Commit();
    return id;
}

void OrganizationService::EndPost(const auth::Principal& p, int64_t org_id, int64_t post_id, const std::string& date,
                                  const std::string& reason, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    FindOrg(conn, p, org_id);
    auto post =
        conn.QueryOne("SELECT term_from, term_to FROM org_posts WHERE id = ? AND organization_id = ?", post_id, org_id);
    if (!post) throw AppError(ErrorCode::kNotFound, "not_found");
    if (!post->IsNull("term_to")) throw AppError(ErrorCode::kConflict, "conflict");
    if (date < post->Str("term_from")) {
        throw AppError::Field("date", "moved_out_before_in");
    }
    conn.Exec("UPDATE org_posts SET term_to = ?, ended_reason = ? WHERE id = ?", date, reason, post_id);
    audit::Append(conn, actor,
                  {"organizations.post.ended",
                   "organization",
                   std::to_string(org_id),
                   true,
                   {{"post_id", post_id}, {"term_to", date}, {"reason", reason}}});
    tx.Commit();
}

}  // namespace tongxin::organizations
