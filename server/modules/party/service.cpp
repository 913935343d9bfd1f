#include "modules/party/service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
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

json::value Opt(const db::Row& r, size_t i) { return r.IsNull(i) ? json::value(nullptr) : json::value(r.Str(i)); }

std::string EthName(const std::string& code) {
    const auto* c = text::FindCode(text::Ethnicities(), code);
    return c ? c->zh : code;
}

// A resident visible to the principal, or 404.
db::Row VisibleResident(db::Connection& conn, const auth::Principal& p, int64_t id) {
    auto scope = auth::ResidentScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value).Add("r.id = ?", id);
    auto rows = conn.Run(
        "SELECT r.id, r.name, r.ethnicity, r.political_status, r.household_id, r.street_id, r.community_id, r.grid_id, "
        "r.building_id, r.moved_out FROM residents r" +
            where.Sql(),
        where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    return rows.front();
}

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
        resident_id, liaison_id, r->OptInt(0), r->Int(1), r->Int(2), r->OptInt(3), r->OptInt(4), date, time::NowUnix());
    RefreshAssignment(conn, liaison_id, r->OptInt(0));
    reports::Touch(conn, r->Int(2));
    return id;
}

json::object PartyService::Members(const auth::Principal& p, std::optional<int64_t> community, const std::string& q,
                                   int64_t limit, int64_t offset) {
    db::Connection& conn = db_.Local();
    auto scope = auth::ResidentScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value).Add(kPartyMember).Add("r.moved_out IS NULL");
    if (community) where.Add("r.community_id = ?", *community);
    if (!q.empty())
        where.Add("(r.name LIKE ? OR r.initials LIKE ? OR r.pinyin LIKE ?)", "%" + q + "%", q + "%", q + "%");
    int64_t total = conn.Run("SELECT count(*) FROM residents r" + where.Sql(), where.values()).front().Int(0);
    json::array items;
    for (const auto& r :
         conn.Run("SELECT r.id, r.name, r.ethnicity, r.political_status, (SELECT count(*) FROM pairings x WHERE "
                  "x.liaison_resident_id = r.id AND x.to_date IS NULL) FROM residents r" +
                      where.Sql() + " ORDER BY r.pinyin, r.id LIMIT ? OFFSET ?",
                  where.With({limit, offset}))) {
        items.push_back({{"id", r.Int(0)},
                         {"name", r.Str(1)},
                         {"ethnicity", r.Str(2)},
                         {"ethnicity_name", EthName(r.Str(2))},
                         {"minority", text::IsMinority(r.Str(2))},
                         {"political_status", r.Str(3)},
                         {"paired", r.Int(4)}});
    }
    return {{"items", std::move(items)}, {"total", total}};
}

json::object PartyService::Pairings(const auth::Principal& p, std::optional<int64_t> community,
                                    std::optional<int64_t> liaison, std::optional<int64_t> resident, bool active_only,
                                    int64_t limit, int64_t offset, std::optional<int64_t> id) {
    db::Connection& conn = db_.Local();
    auto scope = auth::HouseholdRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value);
    if (community) where.Add("v.community_id = ?", *community);
    if (id) where.Add("v.id = ?", *id);
    if (liaison) where.Add("v.liaison_resident_id = ?", *liaison);
    if (resident) where.Add("v.resident_id = ?", *resident);
    if (active_only) where.Add("v.to_date IS NULL");
    int64_t total = conn.Run("SELECT count(*) FROM pairings v" + where.Sql(), where.values()).front().Int(0);
    json::array items;
    for (const auto& r : conn.Run(
             "SELECT v.id, v.resident_id, r.name, r.ethnicity, v.liaison_resident_id, l.name, v.household_id, "
             "h.address, v.from_date, v.to_date, v.end_reason FROM pairings v JOIN residents r ON r.id = v.resident_id "
             "JOIN residents l ON l.id = v.liaison_resident_id LEFT JOIN households h ON h.id = v.household_id" +
                 where.Sql() + " ORDER BY v.to_date IS NOT NULL, r.pinyin, v.id LIMIT ? OFFSET ?",
             where.With({limit, offset}))) {
        items.push_back({{"id", r.Int(0)},
                         {"resident_id", r.Int(1)},
                         {"resident", r.Str(2)},
                         {"ethnicity_name", EthName(r.Str(3))},
                         {"liaison_resident_id", r.Int(4)},
                         {"liaison", r.Str(5)},
                         {"household_id", r.IsNull(6) ? json::value(nullptr) : json::value(r.Int(6))},
                         {"address", r.Str(7)},
                         {"from_date", r.Str(8)},
                         {"to_date", Opt(r, 9)},
                         {"end_reason", r.Str(10)}});
    }
    return {{"items", std::move(items)}, {"total", total}};
}

int64_t PartyService::Pair(const auth::Principal& p, int64_t resident_id, int64_t liaison_id, const std::string& date,
                           const std::string& reason, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::Row resident = VisibleResident(conn, p, resident_id);
    if (!text::IsMinority(resident.Str(2))) Fail("resident_id", "not_minority");
    if (!resident.IsNull(9)) Fail("resident_id", "already_moved_out");
    db::Row liaison = [&] {
        try {
            return VisibleResident(conn, p, liaison_id);
        } catch (const AppError&) {
            Fail("liaison_resident_id", "not_found");
            throw;
        }
    }();
    if (!text::IsPartyMember(liaison.Str(3))) Fail("liaison_resident_id", "not_party_member");
    if (liaison.Int(6) != resident.Int(6)) Fail("liaison_resident_id", "other_community");
    auto current = conn.QueryOne(
        "SELECT id, liaison_resident_id, from_date FROM pairings WHERE resident_id = ? AND to_date IS NULL",
        resident_id);
    if (current) {
        if (current->Int(1) == liaison_id) throw AppError(ErrorCode::kConflict, "already_paired");
        if (date < current->Str(2)) Fail("from_date", "moved_out_before_in");
        conn.Exec("UPDATE pairings SET to_date = ?, end_reason = ? WHERE id = ?", date,
                  reason.empty() ? std::string("re-paired") : reason, current->Int(0));
        RefreshAssignment(conn, current->Int(1), resident.OptInt(4));
    }
    int64_t id = InsertPairing(conn, resident_id, liaison_id, date);
    audit::Append(
        conn, actor,
        {"party.pairing.created",
         "resident",
         std::to_string(resident_id),
         true,
         {{"pairing_id", id},
          {"liaison_resident_id",
           {{"before", current ? json::value(current->Int(1)) : json::value(nullptr)}, {"after", liaison_id}}},
          {"from_date", date},
          {"reason", reason}}});
    tx.Commit();
    return id;
}

void PartyService::EndPairing(const auth::Principal& p, int64_t pairing_id, const std::string& date,
                              const std::string& reason, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto scope = auth::HouseholdRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value).Add("v.id = ?", pairing_id);
    auto rows = conn.Run(
        "SELECT v.id, v.liaison_resident_id, v.household_id, v.from_date, v.to_date, v.community_id FROM pairings v" +
            where.Sql(),
        where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    if (!rows.front().IsNull(4)) throw AppError(ErrorCode::kConflict, "conflict");
    if (date < rows.front().Str(3)) Fail("date", "moved_out_before_in");
    conn.Exec("UPDATE pairings SET to_date = ?, end_reason = ? WHERE id = ?", date, reason, pairing_id);
    RefreshAssignment(conn, rows.front().Int(1), rows.front().OptInt(2));
    reports::Touch(conn, rows.front().Int(5));
    audit::Append(
        conn, actor,
        {"party.pairing.ended", "pairing", std::to_string(pairing_id), true, {{"to_date", date}, {"reason", reason}}});
    tx.Commit();
}

json::object PartyService::Coverage(const auth::Principal& p, int64_t community, const std::string& as_of) {
    db::Connection& conn = db_.Local();
    auto scope = auth::ResidentScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value)
        .Add("r.community_id = ?", community)
        .Add(kMinority)
        .Add("(r.moved_in IS NULL OR r.moved_in <= ?) AND (r.moved_out IS NULL OR r.moved_out > ?)", as_of, as_of);
    const std::string paired =
        "EXISTS (SELECT 1 FROM pairings x WHERE x.resident_id = r.id AND x.from_date <= ? AND (x.to_date IS NULL OR "
        "x.to_date > ?))";
    auto rows = conn.Run(
        "SELECT r.grid_id, g.name, r.building_id, b.name, count(*), sum(CASE WHEN " + paired +
            " THEN 1 ELSE 0 END) FROM residents r LEFT JOIN places g ON g.id = r.grid_id LEFT JOIN places b ON b.id = "
            "r.building_id" +
            where.Sql() + " GROUP BY r.grid_id, g.name, r.building_id, b.name ORDER BY g.name, b.name",
        [&] {
            std::vector<db::Value> v{as_of, as_of};
            v.insert(v.end(), where.values().begin(), where.values().end());
            return v;
        }());
    json::array buildings;
    std::map<std::string, std::pair<int64_t, int64_t>> grids;
    int64_t total = 0, total_paired = 0;
    for (const auto& r : rows) {
        int64_t n = r.Int(4), k = r.Int(5);
        total += n;
        total_paired += k;
        auto& g = grids[r.Str(1)];
        g.first += n;
        g.second += k;
        buildings.push_back({{"grid", r.Str(1)},
                             {"building_id", r.IsNull(2) ? json::value(nullptr) : json::value(r.Int(2))},
                             {"building", r.Str(3)},
                             {"minority", n},
                             {"paired", k},
                             {"share", n ? static_cast<double>(k) / n : 1.0}});
    }
    json::array by_grid;
    for (const auto& [name, counts] : grids) {
        by_grid.push_back({{"grid", name},
                           {"minority", counts.first},
                           {"paired", counts.second},
                           {"share", counts.first ? static_cast<double>(counts.second) / counts.first : 1.0}});
    }
    json::array unpaired;
    db::SqlWhere u = where;
    u.Add(
        "NOT EXISTS (SELECT 1 FROM pairings x WHERE x.resident_id = r.id AND x.from_date <= ? AND (x.to_date IS NULL "
        "OR x.to_date > ?))",
        as_of, as_of);
    for (const auto& r :
         conn.Run("SELECT r.id, r.name, r.ethnicity, h.address FROM residents r LEFT JOIN households h ON "
                  "h.id = r.household_id" +
                      u.Sql() + " ORDER BY r.pinyin LIMIT 500",
                  u.values())) {
        unpaired.push_back(
            {{"id", r.Int(0)}, {"name", r.Str(1)}, {"ethnicity_name", EthName(r.Str(2))}, {"address", r.Str(3)}});
    }
    return {{"as_of", as_of},
            {"minority", total},
            {"paired", total_paired},
            {"share", total ? static_cast<double>(total_paired) / total : 1.0},
            {"by_grid", std::move(by_grid)},
            {"by_building", std::move(buildings)},
            {"unpaired", std::move(unpaired)}};
}

json::object PartyService::Visits(const auth::Principal& p, std::optional<int64_t> community,
                                  std::optional<int64_t> household, int64_t limit, int64_t offset,
                                  std::optional<int64_t> id) {
    db::Connection& conn = db_.Local();
    auto scope = auth::HouseholdRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value);
    if (community) where.Add("v.community_id = ?", *community);
    if (id) where.Add("v.id = ?", *id);
    if (household) where.Add("v.household_id = ?", *household);
    int64_t total = conn.Run("SELECT count(*) FROM visits v" + where.Sql(), where.values()).front().Int(0);
    json::array items;
    for (const auto& r : conn.Run(
             "SELECT v.id, v.household_id, h.address, v.liaison_resident_id, l.name, v.visit_date, v.kind, v.findings, "
             "v.needs, v.follow_up, v.follow_up_status FROM visits v JOIN households h ON h.id = v.household_id JOIN "
             "residents l ON l.id = v.liaison_resident_id" +
                 where.Sql() + " ORDER BY v.visit_date DESC, v.id DESC LIMIT ? OFFSET ?",
             where.With({limit, offset}))) {
        items.push_back({{"id", r.Int(0)},
                         {"household_id", r.Int(1)},
                         {"address", r.Str(2)},
                         {"liaison_resident_id", r.Int(3)},
                         {"liaison", r.Str(4)},
                         {"visit_date", r.Str(5)},
                         {"kind", r.Str(6)},
                         {"findings", r.Str(7)},
                         {"needs", r.Str(8)},
                         {"follow_up", r.Str(9)},
                         {"follow_up_status", r.Str(10)}});
    }
    return {{"items", std::move(items)}, {"total", total}};
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
    auto scope = auth::HouseholdScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value).Add("h.id = ?", in.household_id);
    auto hh = conn.Run("SELECT h.street_id, h.community_id, h.grid_id, h.building_id FROM households h" + where.Sql(),
                       where.values());
    if (hh.empty()) Fail("household_id", "unknown_household");
    if (p.scope_kind == auth::ScopeKind::kAssigned && liaison != p.resident_id)
        Fail("liaison_resident_id", "invalid_choice");
    if (conn.QueryInt(
            "SELECT count(*) FROM residents r WHERE r.id = ? AND r.community_id = ? AND " + std::string(kPartyMember),
            *liaison, hh.front().Int(1)) == 0) {
        Fail("liaison_resident_id", "not_party_member");
    }
    int64_t id = conn.Insert(
        "INSERT INTO visits (household_id, liaison_resident_id, visit_date, kind, findings, needs, "
        "follow_up, follow_up_status, street_id, community_id, grid_id, building_id, created_by, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        in.household_id, *liaison, in.visit_date, in.kind, in.findings, in.needs, in.follow_up, in.follow_up_status,
        hh.front().Int(0), hh.front().Int(1), hh.front().OptInt(2), hh.front().OptInt(3), p.user_id, time::NowUnix());
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
    auto scope = auth::HouseholdRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value).Add("v.id = ?", visit_id);
    auto rows = conn.Run("SELECT v.follow_up_status, v.follow_up FROM visits v" + where.Sql(), where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    conn.Exec("UPDATE visits SET follow_up_status = ?, follow_up = ? WHERE id = ?", status, follow_up, visit_id);
    audit::Append(conn, actor,
                  {"party.visit.follow_up", "visit", std::to_string(visit_id), true,
                   audit::Diff({{"follow_up_status", rows.front().Str(0)}, {"follow_up", rows.front().Str(1)}},
                               {{"follow_up_status", status}, {"follow_up", follow_up}})});
    tx.Commit();
}

json::object PartyService::Overdue(const auth::Principal& p, std::optional<int64_t> community, int days,
                                   const std::string& as_of) {
    db::Connection& conn = db_.Local();
    std::chrono::year_month_day ymd{std::chrono::year{std::stoi(as_of.substr(0, 4))},
                                    std::chrono::month{static_cast<unsigned>(std::stoi(as_of.substr(5, 2)))},
                                    std::chrono::day{static_cast<unsigned>(std::stoi(as_of.substr(8, 2)))}};
    std::chrono::year_month_day since{std::chrono::sys_days{ymd} - std::chrono::days{days}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(since.year()),
                  static_cast<unsigned>(since.month()), static_cast<unsigned>(since.day()));
    auto scope = auth::HouseholdRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value)
        .Add("v.to_date IS NULL")
        .Add("v.from_date <= ?", as_of)
        .Add(
            "NOT EXISTS (SELECT 1 FROM visits w WHERE w.household_id = v.household_id AND w.visit_date > ? AND "
            "w.visit_date <= ?)",
            std::string(buf), as_of);
    if (community) where.Add("v.community_id = ?", *community);
    json::array items;
    for (const auto& r : conn.Run(
             "SELECT v.household_id, h.address, l.name, (SELECT max(w.visit_date) FROM visits w WHERE w.household_id = "
             "v.household_id AND w.visit_date <= ?) FROM pairings v JOIN households h ON h.id = v.household_id JOIN "
             "residents l ON l.id = v.liaison_resident_id" +
                 where.Sql() + " GROUP BY v.household_id, h.address, l.name ORDER BY h.address",
             [&] {
                 std::vector<db::Value> v{as_of};
                 v.insert(v.end(), where.values().begin(), where.values().end());
                 return v;
             }())) {
        items.push_back(
            {{"household_id", r.Int(0)}, {"address", r.Str(1)}, {"liaison", r.Str(2)}, {"last_visit", Opt(r, 3)}});
    }
    int64_t n = static_cast<int64_t>(items.size());
    return {{"items", std::move(items)}, {"total", n}, {"days", days}, {"as_of", as_of}};
}

json::object PartyService::StudySessions(const auth::Principal& p, std::optional<int64_t> community, int64_t limit,
                                         int64_t offset, std::optional<int64_t> id) {
    db::Connection& conn = db_.Local();
    auto scope = auth::CommunityRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value);
    if (community) where.Add("o.community_id = ?", *community);
    if (id) where.Add("o.id = ?", *id);
    int64_t total = conn.Run("SELECT count(*) FROM study_sessions o" + where.Sql(), where.values()).front().Int(0);
    json::array items;
    for (const auto& r : conn.Run(
             "SELECT o.id, o.kind, o.held_on, o.topic, o.ethnic_policy, o.minutes, o.organization_id, (SELECT count(*) "
             "FROM study_attendance a WHERE a.session_id = o.id) FROM study_sessions o" +
                 where.Sql() + " ORDER BY o.held_on DESC, o.id DESC LIMIT ? OFFSET ?",
             where.With({limit, offset}))) {
        items.push_back({{"id", r.Int(0)},
                         {"kind", r.Str(1)},
                         {"held_on", r.Str(2)},
                         {"topic", r.Str(3)},
                         {"ethnic_policy", r.Int(4) != 0},
                         {"minutes", r.Str(5)},
                         {"organization_id", r.IsNull(6) ? json::value(nullptr) : json::value(r.Int(6))},
                         {"attendance", r.Int(7)}});
    }
    return {{"items", std::move(items)}, {"total", total}};
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
