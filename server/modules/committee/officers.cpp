// The committee's officers and members, the households each officer is responsible for, coverage
// of minority households, and the committee's home page.
#include <boost/json.hpp>

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/text/codes.hpp"
#include "core/time/clock.hpp"
#include "modules/committee/rules.hpp"
#include "modules/committee/service.hpp"
#include "modules/places/service.hpp"
#include "modules/reports/memo.hpp"

namespace tongxin::committee {
namespace json = boost::json;

namespace {

// A household with a minority resident present on the date (two `?`: the date twice).
constexpr const char* kMinorityHousehold = R"sql(EXISTS (SELECT 1 FROM residents r WHERE r.household_id = h.id
    AND r.ethnicity >= '02' AND r.ethnicity <= '56' AND (r.moved_in IS NULL OR r.moved_in <= ?)
    AND (r.moved_out IS NULL OR r.moved_out > ?)))sql";
// The household has an officer on the date (two `?`: the date twice).
constexpr const char* kAssignedAt = R"sql(EXISTS (SELECT 1 FROM officer_assignments a WHERE a.household_id = h.id
    AND a.from_date <= ? AND (a.to_date IS NULL OR a.to_date > ?)))sql";
// A post of a unity committee current on the date (two `?`).
constexpr const char* kCurrentPost = "x.term_from <= ? AND (x.term_to IS NULL OR x.term_to > ?)";

constexpr db::ListSql kAssignmentList{
    .columns = R"sql(v.id, v.household_id, h.address, v.officer_resident_id, l.name AS officer, v.community_id,
       v.from_date, v.to_date, v.end_reason)sql",
    .from = R"sql(officer_assignments v JOIN households h ON h.id = v.household_id
     JOIN residents l ON l.id = v.officer_resident_id)sql",
    .order_by = "v.to_date IS NOT NULL, h.address, v.id",
    .count_from = "officer_assignments v",
};

Assignment AssignmentOf(const db::Row& r) {
    return {.id = r.Int("id"),
            .household_id = r.Int("household_id"),
            .officer_resident_id = r.Int("officer_resident_id"),
            .community_id = r.Int("community_id"),
            .address = r.Str("address"),
            .officer = r.Str("officer"),
            .from_date = r.Str("from_date"),
            .end_reason = r.Str("end_reason"),
            .to_date = r.OptStr("to_date")};
}

}  // namespace

HouseholdPlace VisibleHousehold(db::Connection& conn, const auth::Principal& p, int64_t id, const std::string& field) {
    db::SqlWhere where = auth::WhereIn(auth::HouseholdScope(p));
    where.Add("h.id = ?", id);
    auto rows =
        conn.Run("SELECT h.id, h.street_id, h.community_id, h.grid_id, h.building_id FROM households h" + where.Sql(),
                 where.values());
    if (rows.empty()) Fail(field, "unknown_household");
    const db::Row& r = rows.front();
    return {r.Int("id"), r.Int("street_id"), r.Int("community_id"), r.OptInt("grid_id"), r.OptInt("building_id")};
}

void Fail(const std::string& field, const std::string& reason) {
    throw AppError(ErrorCode::kUnprocessable, "validation_failed", {{"fields", {{field, reason}}}});
}

bool IsOfficer(db::Connection& conn, int64_t resident, int64_t community, const std::string& date) {
    return conn.QueryInt(
               std::string(R"sql(SELECT count(*) FROM org_posts x JOIN organizations o ON o.id = x.organization_id
WHERE o.kind = 'unity_committee' AND x.post = 'liaison_officer' AND x.resident_id = ? AND o.community_id = ? AND )sql") +
                   kCurrentPost,
               resident, community, date, date) > 0;
}

void CommitteeService::RefreshAccess(db::Connection& conn, int64_t officer, int64_t household) {
    conn.Exec(
        "DELETE FROM household_assignments WHERE assignee_resident_id = ? AND household_id = ? AND source = 'officer'",
        officer, household);
    if (conn.QueryInt("SELECT count(*) FROM officer_assignments WHERE officer_resident_id = ? AND household_id = ? "
                      "AND to_date IS NULL",
                      officer, household) > 0) {
        conn.Exec(
            "INSERT INTO household_assignments (assignee_resident_id, household_id, source) VALUES (?, ?, 'officer')",
            officer, household);
    }
}

int64_t CommitteeService::InsertAssignment(db::Connection& conn, int64_t household, int64_t officer,
                                           const std::string& date) {
    auto h =
        conn.QueryOne("SELECT street_id, community_id, grid_id, building_id FROM households WHERE id = ?", household);
    int64_t id = conn.Insert(
        "INSERT INTO officer_assignments (household_id, officer_resident_id, street_id, community_id, grid_id, "
        "building_id, from_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        household, officer, h->Int("street_id"), h->Int("community_id"), h->OptInt("grid_id"), h->OptInt("building_id"),
        date, time::NowUnix());
    RefreshAccess(conn, officer, household);
    return id;
}

db::Page<Officer> CommitteeService::Officers(const auth::Principal& p, const OfficerFilter& f) {
    db::Connection& conn = db_.Local();
    const std::string year = f.year.empty() ? time::Today().substr(0, 4) : f.year;
    const std::string today = time::Today();
    // The year is four digits (checked by the handler), so it may stand in the column list.
    const std::string columns = R"sql(x.id AS post_id, x.resident_id, o.community_id, r.name, r.ethnicity, x.post,
       x.term_from, x.term_to,
       (SELECT count(*) FROM officer_assignments a WHERE a.officer_resident_id = x.resident_id
          AND a.community_id = o.community_id AND a.to_date IS NULL) AS households,
       (SELECT count(*) FROM officer_contacts c WHERE c.officer_resident_id = x.resident_id
          AND c.community_id = o.community_id AND c.contacted_on >= ')sql" +
                                year + "-01-01' AND c.contacted_on <= '" + year + "-12-31') AS contacts";
    const db::ListSql list{
        .columns = columns,
        .from = "org_posts x JOIN organizations o ON o.id = x.organization_id JOIN residents r ON r.id = x.resident_id",
        .order_by = "x.post <> 'leader', r.pinyin, x.id",
        .count_from = "",
    };
    db::SqlWhere where;
    if (IsStaff(p)) {
        where = auth::WhereIn(auth::CommunityRecordScope(p));
    } else {
        where.Add("x.resident_id = ?", p.resident_id.value_or(-1));
    }
    where.Add("o.kind = 'unity_committee'");
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.post_id) where.Add("x.id = ?", *f.post_id);
    if (f.officers_only) where.Add("x.post = 'liaison_officer'");
    if (f.active_only) where.Add("x.term_from <= ? AND (x.term_to IS NULL OR x.term_to > ?)", today, today);
    return db::ListPage<Officer>(conn, list, where, f.page, [](const db::Row& r) {
        return Officer{.post_id = r.Int("post_id"),
                       .resident_id = r.Int("resident_id"),
                       .community_id = r.Int("community_id"),
                       .name = r.Str("name"),
                       .ethnicity = r.Str("ethnicity"),
                       .post = r.Str("post"),
                       .term_from = r.Str("term_from"),
                       .term_to = r.OptStr("term_to"),
                       .households = r.Int("households"),
                       .contacts = r.Int("contacts")};
    });
}

db::Page<Assignment> CommitteeService::Assignments(const auth::Principal& p, const AssignmentFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::HouseholdRecordScope(p));
    if (f.community) where.Add("v.community_id = ?", *f.community);
    if (f.id) where.Add("v.id = ?", *f.id);
    if (f.officer) where.Add("v.officer_resident_id = ?", *f.officer);
    if (f.household) where.Add("v.household_id = ?", *f.household);
    if (f.active_only) where.Add("v.to_date IS NULL");
    return db::ListPage<Assignment>(conn, kAssignmentList, where, f.page, AssignmentOf);
}

int64_t CommitteeService::Assign(const auth::Principal& p, int64_t household, int64_t officer, const std::string& date,
                                 const std::string& reason, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    HouseholdPlace h = VisibleHousehold(conn, p, household);
    if (conn.QueryInt(std::string("SELECT count(*) FROM households h WHERE h.id = ? AND ") + kMinorityHousehold,
                      household, date, date) == 0) {
        Fail("household_id", "no_minority_member");
    }
    if (!IsOfficer(conn, officer, h.community_id, date)) Fail("officer_resident_id", "not_officer");
    auto current = conn.QueryOne(
        "SELECT id, officer_resident_id, from_date FROM officer_assignments WHERE household_id = ? AND to_date IS NULL",
        household);
    if (current) {
        if (current->Int("officer_resident_id") == officer) throw AppError(ErrorCode::kConflict, "already_assigned");
        if (date < current->Str("from_date")) Fail("from_date", "before_current_assignment");
        conn.Exec("UPDATE officer_assignments SET to_date = ?, end_reason = ? WHERE id = ?", date,
                  reason.empty() ? std::string("reassigned") : reason, current->Int("id"));
        RefreshAccess(conn, current->Int("officer_resident_id"), household);
    }
    int64_t id = InsertAssignment(conn, household, officer, date);
    audit::Append(conn, actor,
                  {"committee.assignment.created",
                   "household",
                   std::to_string(household),
                   true,
                   {{"assignment_id", id},
                    {"officer_resident_id",
                     {{"before", current ? json::value(current->Int("officer_resident_id")) : json::value(nullptr)},
                      {"after", officer}}},
                    {"from_date", date},
                    {"reason", reason}}});
    tx.Commit();
    return id;
}

void CommitteeService::EndAssignment(const auth::Principal& p, int64_t id, const std::string& date,
                                     const std::string& reason, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::SqlWhere where = auth::WhereIn(auth::HouseholdRecordScope(p));
    where.Add("v.id = ?", id);
    auto rows = conn.Run(
        "SELECT v.officer_resident_id, v.household_id, v.from_date, v.to_date FROM officer_assignments v" + where.Sql(),
        where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const db::Row& a = rows.front();
    if (!a.IsNull("to_date")) throw AppError(ErrorCode::kConflict, "conflict");
    if (date < a.Str("from_date")) Fail("date", "before_current_assignment");
    conn.Exec("UPDATE officer_assignments SET to_date = ?, end_reason = ? WHERE id = ?", date, reason, id);
    RefreshAccess(conn, a.Int("officer_resident_id"), a.Int("household_id"));
    audit::Append(conn, actor,
                  {"committee.assignment.ended",
                   "assignment",
                   std::to_string(id),
                   true,
                   {{"to_date", date}, {"reason", reason}}});
    tx.Commit();
}

Coverage CommitteeService::Coverage(const auth::Principal& p, int64_t community, const std::string& as_of) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::HouseholdScope(p));
    where.Add("h.community_id = ?", community).Add(kMinorityHousehold, as_of, as_of);
    const std::string by_building = std::string(R"sql(
SELECT h.building_id, coalesce(g.name, '') AS grid, coalesce(b.name, '') AS building, count(*) AS households,
       sum(CASE WHEN )sql") + kAssignedAt +
                                    R"sql( THEN 1 ELSE 0 END) AS assigned
FROM households h LEFT JOIN places g ON g.id = h.grid_id LEFT JOIN places b ON b.id = h.building_id)sql";
    std::vector<db::Value> values{as_of, as_of};
    values.insert(values.end(), where.values().begin(), where.values().end());
    committee::Coverage out{.as_of = as_of};
    for (const auto& r : conn.Run(
             by_building + where.Sql() + " GROUP BY h.building_id, g.name, b.name ORDER BY g.name, b.name", values)) {
        Covered c{r.Int("households"), r.Int("assigned")};
        out.all.households += c.households;
        out.all.assigned += c.assigned;
        out.by_building.push_back({r.OptInt("building_id"), r.Str("grid"), r.Str("building"), c});
    }
    db::SqlWhere gaps = where;
    gaps.Add(
        "NOT EXISTS (SELECT 1 FROM officer_assignments a WHERE a.household_id = h.id AND a.from_date <= ? AND "
        "(a.to_date IS NULL OR a.to_date > ?))",
        as_of, as_of);
    for (const auto& r :
         conn.Run("SELECT h.id, h.address FROM households h" + gaps.Sql() + " ORDER BY h.address, h.id LIMIT 500",
                  gaps.values())) {
        Gap gap{r.Int("id"), r.Str("address"), ""};
        for (const auto& m : conn.Query(R"sql(SELECT name, ethnicity FROM residents WHERE household_id = ?
    AND ethnicity >= '02' AND ethnicity <= '56' AND (moved_in IS NULL OR moved_in <= ?)
    AND (moved_out IS NULL OR moved_out > ?) ORDER BY pinyin, id)sql",
                                        gap.household_id, as_of, as_of)) {
            gap.minority_members += (gap.minority_members.empty() ? "" : "、") + m.Str("name") + "（" +
                                    text::EthnicityName(m.Str("ethnicity")) + "）";
        }
        out.gaps.push_back(std::move(gap));
    }
    return out;
}

Home CommitteeService::Home(const auth::Principal& p, int64_t community, const std::string& as_of) {
    db::Connection& conn = db_.Local();
    if (!IsStaff(p)) throw AppError(ErrorCode::kForbidden, "forbidden");
    auto place = places::FindPlace(conn, p, community);
    if (!place || place->kind != "community") throw AppError(ErrorCode::kNotFound, "not_found");
    db::SqlWhere posts = auth::WhereIn(auth::CommunityRecordScope(p));
    posts.Add("o.community_id = ?", community)
        .Add("o.kind = 'unity_committee'")
        .Add("x.term_from <= ? AND (x.term_to IS NULL OR x.term_to > ?)", as_of, as_of);
    committee::Home out{.as_of = as_of};
    for (const auto& r :
         conn.Run("SELECT x.post, count(*) AS n FROM org_posts x JOIN organizations o ON o.id = x.organization_id" +
                      posts.Sql() + " GROUP BY x.post",
                  posts.values())) {
        out.members += r.Int("n");
        if (r.Str("post") == "liaison_officer") out.officers = r.Int("n");
    }
    out.coverage = Coverage(p, community, as_of).all;
    db::SqlWhere needs = auth::WhereIn(auth::HouseholdRecordScope(p));
    needs.Add("v.community_id = ?", community);
    std::vector<db::Value> counts{as_of.substr(0, 4) + "-01-01", as_of};
    counts.insert(counts.end(), needs.values().begin(), needs.values().end());
    for (const auto& r : conn.Run(R"sql(SELECT sum(CASE WHEN v.status = 'open' THEN 1 ELSE 0 END) AS open,
       sum(CASE WHEN v.status = 'referred' THEN 1 ELSE 0 END) AS referred,
       sum(CASE WHEN v.status = 'solved' AND v.solved_on >= ? AND v.solved_on <= ? THEN 1 ELSE 0 END) AS solved
FROM committee_needs v)sql" + needs.Sql(),
                                  counts)) {
        out.open_needs = r.OptInt("open").value_or(0);
        out.referred_needs = r.OptInt("referred").value_or(0);
        out.solved_needs_year = r.OptInt("solved").value_or(0);
    }
    db::SqlWhere proposals = auth::WhereIn(auth::CommunityRecordScope(p));
    proposals.Add("o.community_id = ?", community).Add("o.status = 'proposed'");
    out.proposals =
        conn.Run("SELECT count(*) FROM selfhelp_activities o" + proposals.Sql(), proposals.values()).front().Int(0);
    out.overdue = Needs(p, {.community = community, .overdue_only = true, .as_of = as_of, .page = {50, 0}}).items;
    return out;
}

}  // namespace tongxin::committee
