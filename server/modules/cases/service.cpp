#include "modules/cases/service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <vector>

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"
#include "core/util/choices.hpp"
#include "modules/places/service.hpp"

namespace tongxin::cases {
namespace json = boost::json;

namespace {

const std::vector<std::string> kKinds = {"legal_aid", "mediation", "counselling", "rights"};
const std::vector<std::string> kChannels = {"walk_in", "phone", "referral", "online", "visit"};
const std::vector<std::string> kStaffRoles = {"lawyer", "social_worker", "mediation_volunteer"};
const std::vector<std::string> kOutcomes = {"resolved", "unresolved", "withdrawn", "referred"};

// Community scope, narrowed to the cases assigned to the caller unless they head the centre.
db::SqlWhere Visible(const auth::Principal& p) {
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    if (!p.Can("cases.head")) where.Add("o.assigned_user_id = ?", p.user_id);
    return where;
}

struct CaseRow {
    int64_t id, community_id;
    std::string kind, status;
    std::optional<int64_t> assigned;
};

// A case the caller may act on, locked for the transaction; closed cases are read-only.
CaseRow Writable(db::Connection& conn, const auth::Principal& p, int64_t id) {
    db::SqlWhere where = Visible(p);
    where.Add("o.id = ?", id);
    auto rows = conn.Run("SELECT o.id, o.community_id, o.kind, o.status, o.assigned_user_id FROM cases o" +
                             where.Sql() + std::string(conn.ForUpdate()),
                         where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const auto& r = rows.front();
    CaseRow c{r.Int("id"), r.Int("community_id"), r.Str("kind"), r.Str("status"), r.OptInt("assigned_user_id")};
    if (c.status == "closed") throw AppError(ErrorCode::kConflict, "case_closed");
    return c;
}

int64_t DaysBetween(const std::string& from, const std::string& to) {
    return (time::DayStartUnix(to) - time::DayStartUnix(from)) / 86400;
}

void RequireDate(FieldErrors& errors, const std::string& field, const std::string& date) {
    if (!time::IsValidDate(date))
        errors.Add(field, "invalid_date");
    else if (date > time::Today())
        errors.Add(field, "in_future");
}

}  // namespace

int64_t CaseService::Insert(db::Connection& conn, int64_t street, const CaseInput& in, std::optional<int64_t> assigned,
                            const std::string& staff_role, std::optional<int64_t> by) {
    std::string prefix = "QY" + in.registered_on.substr(0, 4) + "-" + std::to_string(in.community_id) + "-";
    int64_t seq = conn.QueryInt("SELECT count(*) FROM cases WHERE number LIKE ?", prefix + "%") + 1;
    char number[64];
    std::snprintf(number, sizeof number, "%s%04lld", prefix.c_str(), static_cast<long long>(seq));
    return conn.Insert(
        "INSERT INTO cases (number, street_id, community_id, kind, status, title, applicant_resident_id, "
        "applicant_name, respondent, facts, location, channel, assigned_user_id, staff_role, registered_on, "
        "created_by, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        std::string(number), street, in.community_id, in.kind, std::string(assigned ? "in_progress" : "registered"),
        in.title, in.applicant_resident_id, in.applicant_name, in.respondent, in.facts, in.location, in.channel,
        assigned, assigned ? std::optional<std::string>(staff_role) : std::nullopt, in.registered_on, by,
        time::NowUnix());
}

namespace {

constexpr db::ListSql kCaseList{
    .columns = R"sql(o.id, o.number, o.community_id, o.kind, o.status, o.title, o.applicant_name,
       o.registered_on, o.resolved_on, o.outcome, o.assigned_user_id, u.display_name AS assigned_to, o.staff_role)sql",
    .from = "cases o LEFT JOIN users u ON u.id = o.assigned_user_id",
    .order_by = "CASE o.status WHEN 'closed' THEN 1 ELSE 0 END, o.registered_on DESC, o.id DESC",
    .count_from = "cases o",
};

CaseSummary CaseSummaryFrom(const db::Row& r) {
    return {.id = r.Int("id"),
            .number = r.Str("number"),
            .community_id = r.Int("community_id"),
            .kind = r.Str("kind"),
            .status = r.Str("status"),
            .title = r.Str("title"),
            .applicant_name = r.Str("applicant_name"),
            .registered_on = r.Str("registered_on"),
            .resolved_on = r.OptStr("resolved_on"),
            .outcome = r.OptStr("outcome"),
            .assigned_to = r.OptStr("assigned_to"),
            .staff_role = r.OptStr("staff_role"),
            .assigned_user_id = r.OptInt("assigned_user_id")};
}

constexpr std::string_view kCaseSelect = R"sql(
SELECT o.id, o.number, o.community_id, o.kind, o.status, o.title, o.applicant_resident_id, o.applicant_name,
       o.respondent, o.facts, o.location, o.channel, o.assigned_user_id, u.display_name AS assigned_to, o.staff_role,
       o.outcome, o.registered_on, o.resolved_on
FROM cases o LEFT JOIN users u ON u.id = o.assigned_user_id)sql";

Case CaseFrom(const db::Row& r) {
    return {.id = r.Int("id"),
            .community_id = r.Int("community_id"),
            .number = r.Str("number"),
            .kind = r.Str("kind"),
            .status = r.Str("status"),
            .title = r.Str("title"),
            .applicant_resident_id = r.OptInt("applicant_resident_id"),
            .applicant_name = r.Str("applicant_name"),
            .respondent = r.Str("respondent"),
            .facts = r.Str("facts"),
            .location = r.Str("location"),
            .channel = r.Str("channel"),
            .assigned_user_id = r.OptInt("assigned_user_id"),
            .assigned_to = r.OptStr("assigned_to"),
            .staff_role = r.OptStr("staff_role"),
            .outcome = r.OptStr("outcome"),
            .registered_on = r.Str("registered_on"),
            .resolved_on = r.OptStr("resolved_on")};
}

constexpr std::string_view kSessionsSelect = R"sql(
SELECT s.id, s.held_on, u.display_name AS staff, s.notes
FROM case_sessions s LEFT JOIN users u ON u.id = s.staff_user_id
WHERE s.case_id = ? ORDER BY s.held_on, s.id)sql";

constexpr std::string_view kAgreementSelect = R"sql(
SELECT form, parties, content, signed_on, fulfilment, fulfilment_checked_on, fulfilment_note
FROM mediation_agreements WHERE case_id = ?)sql";

}  // namespace

db::Page<CaseSummary> CaseService::List(const auth::Principal& p, const CaseFilter& f, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = Visible(p);
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.kind) where.Add("o.kind = ?", *f.kind);
    if (f.status) where.Add("o.status = ?", *f.status);
    auto page = db::ListPage<CaseSummary>(conn, kCaseList, where, f.page, CaseSummaryFrom);
    // Lists show names and matters: the read is audited with the case ids shown.
    json::array ids;
    for (const auto& c : page.items) ids.push_back(c.id);
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    audit::Append(conn, actor, {"cases.case.listed", "case", "*", true, {{"ids", std::move(ids)}}});
    tx.Commit();
    return page;
}

CaseStats CaseService::Stats(const auth::Principal& p, int64_t community, int year) {
    db::Connection& conn = db_.Local();
    auto place = places::FindPlace(conn, p, community);
    if (!place || place->kind != "community") throw AppError(ErrorCode::kNotFound, "not_found");
    std::string ys = std::to_string(year) + "-01-01", ye = std::to_string(year) + "-12-31";
    CaseStats out{.community_id = community, .year = year, .resolved_by_month = std::vector<int64_t>(12, 0)};
    for (const auto& r : conn.Query(R"sql(
SELECT kind, count(*) AS registered, sum(CASE WHEN status = 'closed' THEN 1 ELSE 0 END) AS closed,
       sum(CASE WHEN outcome = 'resolved' THEN 1 ELSE 0 END) AS resolved
FROM cases WHERE community_id = ? AND registered_on >= ? AND registered_on <= ?
GROUP BY kind ORDER BY kind)sql",
                                    community, ys, ye)) {
        out.by_kind.push_back({r.Str("kind"), r.Int("registered"), r.Int("closed"), r.Int("resolved")});
    }
    std::vector<int64_t> days;
    for (const auto& r : conn.Query(R"sql(
SELECT registered_on, resolved_on FROM cases
WHERE community_id = ? AND kind = 'mediation' AND outcome = 'resolved' AND resolved_on >= ? AND resolved_on <= ?)sql",
                                    community, ys, ye)) {
        ++out.resolved_by_month[static_cast<size_t>(std::stoi(r.Str("resolved_on").substr(5, 2)) - 1)];
        days.push_back(DaysBetween(r.Str("registered_on"), r.Str("resolved_on")));
    }
    std::sort(days.begin(), days.end());
    out.resolved_in_year = static_cast<int64_t>(days.size());
    if (!days.empty()) out.median_days_to_resolution = days[days.size() / 2];
    out.resolved_all_time = conn.QueryInt(
        "SELECT count(*) FROM cases WHERE community_id = ? AND kind = 'mediation' AND outcome = 'resolved' AND "
        "resolved_on <= ?",
        community, ye);
    return out;
}

Case CaseService::Get(const auth::Principal& p, int64_t id, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = Visible(p);
    where.Add("o.id = ?", id);
    auto rows = conn.Run(std::string(kCaseSelect) + where.Sql(), where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    Case c = CaseFrom(rows.front());
    for (const auto& s : conn.Query(kSessionsSelect, id)) {
        c.sessions.push_back({s.Int("id"), s.Str("held_on"), s.OptStr("staff"), s.Str("notes")});
    }
    if (auto a = conn.QueryOne(kAgreementSelect, id)) {
        c.agreement = Agreement{a->Str("form"),           a->Str("parties"),    a->Str("content"),
                                a->Str("signed_on"),      a->Str("fulfilment"), a->OptStr("fulfilment_checked_on"),
                                a->Str("fulfilment_note")};
    }
    // Reading a case is audited, in its own transaction.
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    audit::Append(conn, actor, {"cases.case.read", "case", std::to_string(id), true, {{"number", c.number}}});
    tx.Commit();
    return c;
}

int64_t CaseService::Register(const auth::Principal& p, const CaseInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (!util::IsOneOf(in.kind, kKinds)) errors.Add("kind", "invalid_choice");
    if (!util::IsOneOf(in.channel, kChannels)) errors.Add("channel", "invalid_choice");
    if (in.title.empty()) errors.Add("title", "required");
    if (in.facts.empty()) errors.Add("facts", "required");
    if (in.applicant_name.empty() && !in.applicant_resident_id) errors.Add("applicant_name", "required");
    RequireDate(errors, "registered_on", in.registered_on);
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto place = places::CommunityField(conn, p, in.community_id);
    CaseInput checked = in;
    if (in.applicant_resident_id) {
        auto r = conn.QueryOne("SELECT name FROM residents WHERE id = ? AND community_id = ?",
                               *in.applicant_resident_id, in.community_id);
        if (!r) {
            throw AppError::Field("applicant_resident_id", "not_found");
        }
        checked.applicant_name = r->Str(0);
    }
    // Staff who take a case in handle it themselves; a front desk leaves it for the head to assign.
    bool handles = p.Can("cases.handle");
    int64_t id = Insert(conn, *place.street_id, checked, handles ? std::optional<int64_t>(p.user_id) : std::nullopt,
                        in.kind == "mediation"     ? "mediation_volunteer"
                        : in.kind == "counselling" ? "social_worker"
                                                   : "lawyer",
                        p.user_id);
    audit::Append(
        conn, actor,
        {"cases.case.registered", "case", std::to_string(id), true, {{"kind", in.kind}, {"channel", in.channel}}});
    tx.Commit();
    return id;
}

std::vector<CaseStaff> CaseService::Staff(const auth::Principal& p, int64_t community) {
    db::Connection& conn = db_.Local();
    places::Place place = places::CommunityField(conn, p, community);
    std::vector<CaseStaff> out;
    for (const auto& r : conn.Run(R"sql(
SELECT id, display_name, role FROM users
WHERE disabled = 0 AND role IN ('mediator', 'rights_head')
  AND ((scope_kind = 'community' AND scope_place_id = ?) OR (scope_kind = 'street' AND scope_place_id = ?))
ORDER BY role, display_name, id)sql",
                                  {place.id, place.street_id.value_or(-1)})) {
        out.push_back({.user_id = r.Int("id"), .display_name = r.Str("display_name"), .role = r.Str("role")});
    }
    return out;
}

void CaseService::Assign(const auth::Principal& p, int64_t id, int64_t user_id, const std::string& staff_role,
                         const audit::Actor& actor) {
    if (!util::IsOneOf(staff_role, kStaffRoles)) {
        throw AppError::Field("staff_role", "invalid_choice");
    }
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    CaseRow c = Writable(conn, p, id);
    auto staff =
        conn.QueryOne("SELECT role, scope_kind, scope_place_id FROM users WHERE id = ? AND disabled = 0", user_id);
    bool ok = staff && (staff->Str("role") == "mediator" || staff->Str("role") == "rights_head") &&
              ((staff->Str("scope_kind") == "community" && staff->OptInt("scope_place_id") == c.community_id) ||
               staff->Str("scope_kind") == "street");
    if (!ok) throw AppError::Field("user_id", "not_case_staff");
    conn.Exec(
        "UPDATE cases SET assigned_user_id = ?, staff_role = ?, status = CASE WHEN status = 'registered' THEN "
        "'in_progress' ELSE status END WHERE id = ?",
        user_id, staff_role, id);
    audit::Append(conn, actor,
                  {"cases.case.assigned",
                   "case",
                   std::to_string(id),
                   true,
                   {{"before", c.assigned ? json::value(*c.assigned) : json::value(nullptr)},
                    {"after", user_id},
                    {"staff_role", staff_role}}});
    tx.Commit();
}

int64_t CaseService::AddSession(const auth::Principal& p, int64_t id, const std::string& held_on,
                                const std::string& notes, const audit::Actor& actor) {
    FieldErrors errors;
    RequireDate(errors, "held_on", held_on);
    if (notes.empty()) errors.Add("notes", "required");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    Writable(conn, p, id);
    int64_t sid = conn.Insert(
        "INSERT INTO case_sessions (case_id, held_on, staff_user_id, notes, created_at) VALUES (?, ?, ?, ?, ?)", id,
        held_on, p.user_id, notes, time::NowUnix());
    conn.Exec("UPDATE cases SET status = 'in_progress' WHERE id = ? AND status = 'registered'", id);
    audit::Append(conn, actor, {"cases.session.recorded", "case", std::to_string(id), true, {{"session_id", sid}}});
    tx.Commit();
    return sid;
}

void CaseService::RecordAgreement(const auth::Principal& p, int64_t id, const std::string& form,
                                  const std::string& parties, const std::string& content, const std::string& signed_on,
                                  const audit::Actor& actor) {
    FieldErrors errors;
    if (form != "written" && form != "verbal") errors.Add("form", "invalid_choice");
    if (parties.empty()) errors.Add("parties", "required");
    if (content.empty()) errors.Add("content", "required");
    RequireDate(errors, "signed_on", signed_on);
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    CaseRow c = Writable(conn, p, id);
    if (c.kind != "mediation") throw AppError(ErrorCode::kConflict, "not_a_mediation");
    if (conn.QueryInt("SELECT count(*) FROM case_sessions WHERE case_id = ?", id) == 0) {
        throw AppError(ErrorCode::kConflict, "no_session_recorded");
    }
    if (conn.QueryInt("SELECT count(*) FROM mediation_agreements WHERE case_id = ?", id) > 0) {
        throw AppError(ErrorCode::kConflict, "agreement_exists");
    }
    conn.Exec(
        "INSERT INTO mediation_agreements (case_id, form, parties, content, mediator_user_id, signed_on, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        id, form, parties, content, p.user_id, signed_on, time::NowUnix());
    conn.Exec("UPDATE cases SET status = 'agreement' WHERE id = ?", id);
    audit::Append(
        conn, actor,
        {"cases.agreement.recorded", "case", std::to_string(id), true, {{"form", form}, {"signed_on", signed_on}}});
    tx.Commit();
}

void CaseService::CheckFulfilment(const auth::Principal& p, int64_t id, const std::string& fulfilment,
                                  const std::string& note, const std::string& checked_on, const audit::Actor& actor) {
    FieldErrors errors;
    if (fulfilment != "fulfilled" && fulfilment != "not_fulfilled") errors.Add("fulfilment", "invalid_choice");
    RequireDate(errors, "checked_on", checked_on);
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    Writable(conn, p, id);
    auto a = conn.QueryOne("SELECT signed_on FROM mediation_agreements WHERE case_id = ?", id);
    if (!a) throw AppError(ErrorCode::kConflict, "no_agreement");
    if (checked_on < a->Str(0)) {
        throw AppError::Field("checked_on", "before_agreement");
    }
    conn.Exec(
        "UPDATE mediation_agreements SET fulfilment = ?, fulfilment_checked_on = ?, fulfilment_note = ? WHERE "
        "case_id = ?",
        fulfilment, checked_on, note, id);
    audit::Append(conn, actor,
                  {"cases.fulfilment.checked", "case", std::to_string(id), true, {{"fulfilment", fulfilment}}});
    tx.Commit();
}

void CaseService::Close(const auth::Principal& p, int64_t id, const std::string& outcome,
                        const std::string& resolved_on, const audit::Actor& actor) {
    FieldErrors errors;
    if (!util::IsOneOf(outcome, kOutcomes)) errors.Add("outcome", "invalid_choice");
    RequireDate(errors, "resolved_on", resolved_on);
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    CaseRow c = Writable(conn, p, id);
    auto registered = conn.QueryOne("SELECT registered_on FROM cases WHERE id = ?", id)->Str(0);
    if (resolved_on < registered) {
        throw AppError::Field("resolved_on", "before_registration");
    }
    // A mediation counts as resolved only with an agreement whose fulfilment was checked.
    if (c.kind == "mediation" && outcome == "resolved" &&
        conn.QueryInt("SELECT count(*) FROM mediation_agreements WHERE case_id = ? AND fulfilment = 'fulfilled'", id) ==
            0) {
        throw AppError(ErrorCode::kConflict, "agreement_not_fulfilled");
    }
    conn.Exec("UPDATE cases SET status = 'closed', outcome = ?, resolved_on = ? WHERE id = ?", outcome, resolved_on,
              id);
    audit::Append(
        conn, actor,
        {"cases.case.closed", "case", std::to_string(id), true, {{"outcome", outcome}, {"resolved_on", resolved_on}}});
    tx.Commit();
}

}  // namespace tongxin::cases
