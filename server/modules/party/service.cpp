#include "modules/party/service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/text/codes.hpp"
#include "core/time/clock.hpp"
#include "modules/places/service.hpp"
#include "modules/reports/memo.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::party {
namespace json = boost::json;

namespace {

constexpr const char* kMinority = "r.ethnicity >= '02' AND r.ethnicity <= '56'";
constexpr const char* kPartyMember = "r.political_status IN ('01', '02')";

struct Person {
    int64_t id = 0, community_id = 0;
    std::string ethnicity, political_status;
    std::optional<int64_t> household_id;
    std::optional<std::string> moved_out;
};

// A resident visible to the principal, or 404.
Person VisibleResident(db::Connection& conn, const auth::Principal& p, int64_t id) {
    db::SqlWhere where = auth::WhereIn(auth::ResidentScope(p));
    where.Add("r.id = ?", id);
    auto rows = conn.Run(
        "SELECT r.id, r.community_id, r.ethnicity, r.political_status, r.household_id, r.moved_out FROM residents r" +
            where.Sql(),
        where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const db::Row& r = rows.front();
    return {r.Int("id"),
            r.Int("community_id"),
            r.Str("ethnicity"),
            r.Str("political_status"),
            r.OptInt("household_id"),
            r.OptStr("moved_out")};
}

constexpr db::ListSql kMemberList{
    .columns = R"sql(r.id, r.name, r.ethnicity, r.political_status,
       (SELECT count(*) FROM pairings x WHERE x.liaison_resident_id = r.id AND x.to_date IS NULL) AS paired)sql",
    .from = "residents r",
    .order_by = "r.pinyin, r.id",
    .count_from = "",
};

constexpr db::ListSql kPairingList{
    .columns = R"sql(v.id, v.resident_id, r.name AS resident, r.ethnicity, v.liaison_resident_id, l.name AS liaison,
       v.household_id, h.address, v.from_date, v.to_date, v.end_reason, v.community_id)sql",
    .from = R"sql(pairings v JOIN residents r ON r.id = v.resident_id JOIN residents l ON l.id = v.liaison_resident_id
     LEFT JOIN households h ON h.id = v.household_id)sql",
    .order_by = "v.to_date IS NOT NULL, r.pinyin, v.id",
    .count_from = "pairings v",
};

constexpr db::ListSql kVisitList{
    .columns = R"sql(v.id, v.household_id, h.address, v.liaison_resident_id, l.name AS liaison, v.visit_date, v.kind,
       v.findings, v.needs, v.follow_up, v.follow_up_status, h.community_id)sql",
    .from = R"sql(visits v JOIN households h ON h.id = v.household_id
     JOIN residents l ON l.id = v.liaison_resident_id)sql",
    .order_by = "v.visit_date DESC, v.id DESC",
    .count_from = "visits v",
};

constexpr db::ListSql kStudyList{
    .columns = R"sql(o.id, o.kind, o.held_on, o.topic, o.ethnic_policy, o.minutes, o.organization_id,
       (SELECT count(*) FROM study_attendance a WHERE a.session_id = o.id) AS attendance)sql",
    .from = "study_sessions o",
    .order_by = "o.held_on DESC, o.id DESC",
    .count_from = "",
};

void Fail(const std::string& field, const std::string& reason) {
    throw AppError(ErrorCode::kUnprocessable, "validation_failed", {{"fields", {{field, reason}}}});
}

}  // namespace

void PartyService::RefreshAssignment(db::Connection& conn, int64_t liaison_id, std::optional<int64_t> household_id) {
    if (!household_id) return;
    conn.Exec(
        "DELETE FROM household_assignments WHERE assignee_resident_id = ? AND household_id = ? AND source = 'pairing'",
        liaison_id, *household_id);
    if (conn.QueryInt(
            "SELECT count(*) FROM pairings WHERE liaison_resident_id = ? AND household_id = ? AND to_date IS NULL",
            liaison_id, *household_id) > 0) {
        conn.Exec(
            "INSERT INTO household_assignments (assignee_resident_id, household_id, source) VALUES (?, ?, 'pairing')",
            liaison_id, *household_id);
    }
}

int64_t PartyService::InsertPairing(db::Connection& conn, int64_t resident_id, int64_t liaison_id,
                                    const std::string& date) {
    auto r = conn.QueryOne(
        "SELECT household_id, street_id, community_id, grid_id, building_id FROM residents WHERE id = ?", resident_id);
    int64_t id = conn.Insert(
        "INSERT INTO pairings (resident_id, liaison_resident_id, household_id, street_id, community_id, "
        "grid_id, building_id, from_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        resident_id, liaison_id, r->OptInt("household_id"), r->Int("street_id"), r->Int("community_id"),
        r->OptInt("grid_id"), r->OptInt("building_id"), date, time::NowUnix());
    RefreshAssignment(conn, liaison_id, r->OptInt("household_id"));
    reports::Touch(conn, r->Int("community_id"));
    return id;
}

db::Page<Member> PartyService::Members(const auth::Principal& p, const MemberFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::ResidentScope(p));
    where.Add(kPartyMember).Add("r.moved_out IS NULL");
    if (f.community) where.Add("r.community_id = ?", *f.community);
    if (!f.q.empty())
        where.Add("(r.name LIKE ? OR r.initials LIKE ? OR r.pinyin LIKE ?)", "%" + f.q + "%", f.q + "%", f.q + "%");
    return db::ListPage<Member>(conn, kMemberList, where, f.page, [](const db::Row& r) {
        return Member{r.Int("id"), r.Str("name"), r.Str("ethnicity"), r.Str("political_status"), r.Int("paired")};
    });
}

db::Page<Pairing> PartyService::Pairings(const auth::Principal& p, const PairingFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::HouseholdRecordScope(p));
    if (f.community) where.Add("v.community_id = ?", *f.community);
    if (f.id) where.Add("v.id = ?", *f.id);
    if (f.liaison) where.Add("v.liaison_resident_id = ?", *f.liaison);
    if (f.resident) where.Add("v.resident_id = ?", *f.resident);
    if (f.active_only) where.Add("v.to_date IS NULL");
    return db::ListPage<Pairing>(conn, kPairingList, where, f.page, [](const db::Row& r) {
        return Pairing{.id = r.Int("id"),
                       .resident_id = r.Int("resident_id"),
                       .resident = r.Str("resident"),
                       .ethnicity = r.Str("ethnicity"),
                       .liaison_resident_id = r.Int("liaison_resident_id"),
                       .liaison = r.Str("liaison"),
                       .household_id = r.OptInt("household_id"),
                       .address = r.Str("address"),
                       .from_date = r.Str("from_date"),
                       .to_date = r.OptStr("to_date"),
                       .end_reason = r.Str("end_reason"),
                       .community_id = r.Int("community_id")};
    });
}

int64_t PartyService::Pair(const auth::Principal& p, int64_t resident_id, int64_t liaison_id, const std::string& date,
                           const std::string& reason, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    Person resident = VisibleResident(conn, p, resident_id);
    if (!text::IsMinority(resident.ethnicity)) Fail("resident_id", "not_minority");
    if (resident.moved_out) Fail("resident_id", "already_moved_out");
    Person liaison = [&] {
        try {
            return VisibleResident(conn, p, liaison_id);
        } catch (const AppError&) {
            Fail("liaison_resident_id", "not_found");
            throw;
        }
    }();
    if (!text::IsPartyMember(liaison.political_status)) Fail("liaison_resident_id", "not_party_member");
    if (liaison.community_id != resident.community_id) Fail("liaison_resident_id", "other_community");
    auto current = conn.QueryOne(
        "SELECT id, liaison_resident_id, from_date FROM pairings WHERE resident_id = ? AND to_date IS NULL",
        resident_id);
    if (current) {
        if (current->Int("liaison_resident_id") == liaison_id) throw AppError(ErrorCode::kConflict, "already_paired");
        if (date < current->Str("from_date")) Fail("from_date", "moved_out_before_in");
        conn.Exec("UPDATE pairings SET to_date = ?, end_reason = ? WHERE id = ?", date,
                  reason.empty() ? std::string("re-paired") : reason, current->Int("id"));
        RefreshAssignment(conn, current->Int("liaison_resident_id"), resident.household_id);
    }
    int64_t id = InsertPairing(conn, resident_id, liaison_id, date);
    audit::Append(conn, actor,
                  {"party.pairing.created",
                   "resident",
                   std::to_string(resident_id),
                   true,
                   {{"pairing_id", id},
                    {"liaison_resident_id",
                     {{"before", current ? json::value(current->Int("liaison_resident_id")) : json::value(nullptr)},
                      {"after", liaison_id}}},
                    {"from_date", date},
                    {"reason", reason}}});
    tx.Commit();
    return id;
}

void PartyService::EndPairing(const auth::Principal& p, int64_t pairing_id, const std::string& date,
                              const std::string& reason, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::SqlWhere where = auth::WhereIn(auth::HouseholdRecordScope(p));
    where.Add("v.id = ?", pairing_id);
    auto rows = conn.Run(
        "SELECT v.id, v.liaison_resident_id, v.household_id, v.from_date, v.to_date, v.community_id FROM pairings v" +
            where.Sql(),
        where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const db::Row& pairing = rows.front();
    if (!pairing.IsNull("to_date")) throw AppError(ErrorCode::kConflict, "conflict");
    if (date < pairing.Str("from_date")) Fail("date", "moved_out_before_in");
    conn.Exec("UPDATE pairings SET to_date = ?, end_reason = ? WHERE id = ?", date, reason, pairing_id);
    RefreshAssignment(conn, pairing.Int("liaison_resident_id"), pairing.OptInt("household_id"));
    reports::Touch(conn, pairing.Int("community_id"));
    audit::Append(
        conn, actor,
        {"party.pairing.ended", "pairing", std::to_string(pairing_id), true, {{"to_date", date}, {"reason", reason}}});
    tx.Commit();
}

Coverage PartyService::Coverage(const auth::Principal& p, int64_t community, const std::string& as_of) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::ResidentScope(p));
    where.Add("r.community_id = ?", community)
        .Add(kMinority)
        .Add("(r.moved_in IS NULL OR r.moved_in <= ?) AND (r.moved_out IS NULL OR r.moved_out > ?)", as_of, as_of);
    constexpr std::string_view kByBuilding = R"sql(
SELECT r.grid_id, g.name AS grid, r.building_id, b.name AS building, count(*) AS minority,
       sum(CASE WHEN EXISTS (SELECT 1 FROM pairings x WHERE x.resident_id = r.id AND x.from_date <= ?
                                AND (x.to_date IS NULL OR x.to_date > ?)) THEN 1 ELSE 0 END) AS paired
FROM residents r LEFT JOIN places g ON g.id = r.grid_id LEFT JOIN places b ON b.id = r.building_id)sql";
    std::vector<db::Value> values{as_of, as_of};
    values.insert(values.end(), where.values().begin(), where.values().end());
    party::Coverage out{.as_of = as_of};
    std::map<std::string, Covered> grids;
    for (const auto& r : conn.Run(std::string(kByBuilding) + where.Sql() +
                                      " GROUP BY r.grid_id, g.name, r.building_id, b.name ORDER BY g.name, b.name",
                                  values)) {
        Covered c{r.Int("minority"), r.Int("paired")};
        out.all.minority += c.minority;
        out.all.paired += c.paired;
        Covered& g = grids[r.Str("grid")];
        g.minority += c.minority;
        g.paired += c.paired;
        out.by_building.push_back({r.Str("grid"), r.OptInt("building_id"), r.Str("building"), c});
    }
    for (const auto& [name, counts] : grids) out.by_grid.push_back({name, counts});
    db::SqlWhere u = where;
    u.Add(
        "NOT EXISTS (SELECT 1 FROM pairings x WHERE x.resident_id = r.id AND x.from_date <= ? AND (x.to_date IS NULL "
        "OR x.to_date > ?))",
        as_of, as_of);
    for (const auto& r : conn.Run("SELECT r.id, r.name, r.ethnicity, h.address FROM residents r LEFT JOIN households h "
                                  "ON h.id = r.household_id" +
                                      u.Sql() + " ORDER BY r.pinyin LIMIT 500",
                                  u.values())) {
        out.unpaired.push_back({r.Int("id"), r.Str("name"), r.Str("ethnicity"), r.Str("address")});
    }
    return out;
}

db::Page<Visit> PartyService::Visits(const auth::Principal& p, const VisitFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::HouseholdRecordScope(p));
    if (f.community) where.Add("v.community_id = ?", *f.community);
    if (f.id) where.Add("v.id = ?", *f.id);
    if (f.household) where.Add("v.household_id = ?", *f.household);
    return db::ListPage<Visit>(conn, kVisitList, where, f.page, [](const db::Row& r) {
        return Visit{.id = r.Int("id"),
                     .household_id = r.Int("household_id"),
                     .address = r.Str("address"),
                     .liaison_resident_id = r.Int("liaison_resident_id"),
                     .liaison = r.Str("liaison"),
                     .visit_date = r.Str("visit_date"),
                     .kind = r.Str("kind"),
                     .findings = r.Str("findings"),
                     .needs = r.Str("needs"),
                     .follow_up = r.Str("follow_up"),
                     .follow_up_status = r.Str("follow_up_status"),
                     .community_id = r.Int("community_id")};
    });
}

int64_t PartyService::AddVisit(const auth::Principal& p, const VisitInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (!time::IsValidDate(in.visit_date)) errors.Add("visit_date", "invalid_date");
    if (in.kind != "home" && in.kind != "phone" && in.kind != "group_assistance") errors.Add("kind", "invalid_choice");
    if (in.follow_up_status != "none" && in.follow_up_status != "open" && in.follow_up_status != "done") {
        errors.Add("follow_up_status", "invalid_choice");
    }
    std::optional<int64_t> liaison = in.liaison_resident_id ? in.liaison_resident_id : p.resident_id;
    if (!liaison) errors.Add("liaison_resident_id", "required");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::SqlWhere where = auth::WhereIn(auth::HouseholdScope(p));
    where.Add("h.id = ?", in.household_id);
    auto hh = conn.Run("SELECT h.street_id, h.community_id, h.grid_id, h.building_id FROM households h" + where.Sql(),
                       where.values());
    if (hh.empty()) Fail("household_id", "unknown_household");
    if (p.scope_kind == auth::ScopeKind::kAssigned && liaison != p.resident_id)
        Fail("liaison_resident_id", "invalid_choice");
    if (conn.QueryInt(
            "SELECT count(*) FROM residents r WHERE r.id = ? AND r.community_id = ? AND " + std::string(kPartyMember),
            *liaison, hh.front().Int("community_id")) == 0) {
        Fail("liaison_resident_id", "not_party_member");
    }
    int64_t id = conn.Insert(
        "INSERT INTO visits (household_id, liaison_resident_id, visit_date, kind, findings, needs, "
        "follow_up, follow_up_status, street_id, community_id, grid_id, building_id, created_by, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        in.household_id, *liaison, in.visit_date, in.kind, in.findings, in.needs, in.follow_up, in.follow_up_status,
        hh.front().Int("street_id"), hh.front().Int("community_id"), hh.front().OptInt("grid_id"),
        hh.front().OptInt("building_id"), p.user_id, time::NowUnix());
    audit::Append(conn, actor,
                  {"party.visit.recorded",
                   "household",
                   std::to_string(in.household_id),
                   true,
                   {{"visit_id", id}, {"kind", in.kind}, {"visit_date", in.visit_date}}});
    tx.Commit();
    return id;
}

void PartyService::SetFollowUp(const auth::Principal& p, int64_t visit_id, const std::string& status,
                               const std::string& follow_up, const audit::Actor& actor) {
    if (status != "none" && status != "open" && status != "done") Fail("follow_up_status", "invalid_choice");
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::SqlWhere where = auth::WhereIn(auth::HouseholdRecordScope(p));
    where.Add("v.id = ?", visit_id);
    auto rows = conn.Run("SELECT v.follow_up_status, v.follow_up FROM visits v" + where.Sql(), where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    conn.Exec("UPDATE visits SET follow_up_status = ?, follow_up = ? WHERE id = ?", status, follow_up, visit_id);
    audit::Append(conn, actor,
                  {"party.visit.follow_up", "visit", std::to_string(visit_id), true,
                   audit::Diff({{"follow_up_status", rows.front().Str("follow_up_status")},
                                {"follow_up", rows.front().Str("follow_up")}},
                               {{"follow_up_status", status}, {"follow_up", follow_up}})});
    tx.Commit();
}

OverdueList PartyService::Overdue(const auth::Principal& p, std::optional<int64_t> community, int days,
                                  const std::string& as_of) {
    db::Connection& conn = db_.Local();
    const std::string since = time::AddDays(as_of, -days);
    db::SqlWhere where = auth::WhereIn(auth::HouseholdRecordScope(p));
    where.Add("v.to_date IS NULL")
        .Add("v.from_date <= ?", as_of)
        .Add(
            "NOT EXISTS (SELECT 1 FROM visits w WHERE w.household_id = v.household_id AND w.visit_date > ? AND "
            "w.visit_date <= ?)",
            since, as_of);
    if (community) where.Add("v.community_id = ?", *community);
    constexpr std::string_view kOverdue = R"sql(
SELECT v.household_id, h.address, l.name AS liaison,
       (SELECT max(w.visit_date) FROM visits w WHERE w.household_id = v.household_id AND w.visit_date <= ?) AS last_visit
FROM pairings v JOIN households h ON h.id = v.household_id JOIN residents l ON l.id = v.liaison_resident_id)sql";
    std::vector<db::Value> values{as_of};
    values.insert(values.end(), where.values().begin(), where.values().end());
    OverdueList out{.days = days, .as_of = as_of};
    for (const auto& r : conn.Run(
             std::string(kOverdue) + where.Sql() + " GROUP BY v.household_id, h.address, l.name ORDER BY h.address",
             values)) {
        out.items.push_back({r.Int("household_id"), r.Str("address"), r.Str("liaison"), r.OptStr("last_visit")});
    }
    return out;
}

db::Page<StudySession> PartyService::StudySessions(const auth::Principal& p, const StudyFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    return db::ListPage<StudySession>(conn, kStudyList, where, f.page, [](const db::Row& r) {
        return StudySession{.id = r.Int("id"),
                            .kind = r.Str("kind"),
                            .held_on = r.Str("held_on"),
                            .topic = r.Str("topic"),
                            .ethnic_policy = r.Bool("ethnic_policy"),
                            .minutes = r.Str("minutes"),
                            .organization_id = r.OptInt("organization_id"),
                            .attendance = r.Int("attendance")};
    });
}

int64_t PartyService::AddStudySession(const auth::Principal& p, const StudyInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    static const std::vector<std::string> kKinds = {"branch_assembly", "branch_committee", "group_meeting",
                                                    "party_lecture"};
    if (std::find(kKinds.begin(), kKinds.end(), in.kind) == kKinds.end()) errors.Add("kind", "invalid_choice");
    if (!time::IsValidDate(in.held_on)) errors.Add("held_on", "invalid_date");
    if (in.topic.empty()) errors.Add("topic", "required");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto place = places::FindPlace(conn, p, in.community_id);
    if (!place || place->kind != "community") Fail("community_id", "unknown_place");
    if (in.organization_id && conn.QueryInt("SELECT count(*) FROM organizations WHERE id = ? AND community_id = ?",
                                            *in.organization_id, in.community_id) == 0) {
        Fail("organization_id", "not_found");
    }
    for (int64_t a : in.attendees) {
        if (!residents::LivesInCommunity(conn, a, in.community_id)) {
            Fail("attendees", "not_found");
        }
    }
    int64_t id = conn.Insert(
        "INSERT INTO study_sessions (street_id, community_id, organization_id, kind, held_on, topic, "
        "ethnic_policy, minutes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        *place->street_id, in.community_id, in.organization_id, in.kind, in.held_on, in.topic, in.ethnic_policy,
        in.minutes, time::NowUnix());
    std::set<int64_t> unique(in.attendees.begin(), in.attendees.end());
    for (int64_t a : unique) conn.Exec("INSERT INTO study_attendance (session_id, resident_id) VALUES (?, ?)", id, a);
    audit::Append(conn, actor,
                  {"party.study_session.recorded",
                   "study_session",
                   std::to_string(id),
                   true,
                   {{"kind", in.kind},
                    {"held_on", in.held_on},
                    {"topic", in.topic},
                    {"attendance", static_cast<int64_t>(unique.size())}}});
    tx.Commit();
    return id;
}

}  // namespace tongxin::party
