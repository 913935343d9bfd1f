// Brand projects: their partners, the records they ran, contributions and outcomes.
#include <set>

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"
#include "core/util/choices.hpp"
#include "modules/linkage/service.hpp"
#include "modules/places/service.hpp"
#include "modules/reports/memo.hpp"

namespace tongxin::linkage {

namespace {

constexpr db::ListSql kProjectList{
    .columns = R"sql(o.id, o.community_id, o.name, o.goals, o.started_on, o.ended_on, o.status, o.description,
       (SELECT coalesce(sum(d.amount_fen), 0) FROM brand_contributions c JOIN charity_donations d ON d.id = c.donation_id
          WHERE c.project_id = o.id) AS money_fen,
       (SELECT coalesce(sum(c.value_fen), 0) FROM brand_contributions c WHERE c.project_id = o.id AND c.kind = 'in_kind')
          AS in_kind_fen,
       (SELECT coalesce(sum(h.minutes), 0) FROM brand_contributions c JOIN volunteer_hours h ON h.id = c.volunteer_record_id
          WHERE c.project_id = o.id) AS minutes)sql",
    .from = "brand_projects o",
    .order_by = "o.started_on DESC, o.id DESC",
};

struct ProjectRow {
    int64_t id = 0, street_id = 0, community_id = 0;
};

ProjectRow VisibleProject(db::Connection& conn, const auth::Principal& p, int64_t id) {
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", id);
    auto rows =
        conn.Run("SELECT o.id, o.street_id, o.community_id FROM brand_projects o" + where.Sql(), where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    return {rows.front().Int("id"), rows.front().Int("street_id"), rows.front().Int("community_id")};
}

void CheckPartner(db::Connection& conn, int64_t partner, int64_t community, const char* field = "partner_id") {
    if (conn.QueryInt("SELECT count(*) FROM partners WHERE id = ? AND community_id = ?", partner, community) == 0)
        throw AppError::Field(field, "not_found");
}

// The title and date of a linked record, read from its own table.
std::optional<std::pair<std::string, std::string>> Linked(db::Connection& conn, const std::string& kind, int64_t id,
                                                          int64_t community) {
    std::optional<db::Row> r;
    if (kind == "culture_event")
        r = conn.QueryOne("SELECT title, held_on AS on_date FROM culture_events WHERE id = ? AND community_id = ?", id,
                          community);
    else if (kind == "room_booking")
        r = conn.QueryOne("SELECT purpose AS title, starts_at FROM room_bookings WHERE id = ? AND community_id = ?", id,
                          community);
    else if (kind == "charity_project")
        r = conn.QueryOne("SELECT name AS title, created_at FROM charity_projects WHERE id = ? AND community_id = ?",
                          id, community);
    if (!r) return std::nullopt;
    if (kind == "culture_event") return std::make_pair(r->Str("title"), r->Str("on_date"));
    if (kind == "room_booking")
        return std::make_pair(r->Str("title"), time::ToRfc3339(r->Int("starts_at")).substr(0, 10));
    return std::make_pair(r->Str("title"), time::ToRfc3339(r->Int("created_at")).substr(0, 10));
}

}  // namespace

db::Page<Project> LinkageService::Projects(const auth::Principal& p, const ProjectFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (f.partner)
        where.Add("EXISTS (SELECT 1 FROM brand_project_partners x WHERE x.project_id = o.id AND x.partner_id = ?)",
                  *f.partner);
    if (!f.status.empty()) where.Add("o.status = ?", f.status);
    if (!f.year.empty())
        where.Add("o.started_on <= ? AND (o.ended_on IS NULL OR o.ended_on >= ?)", f.year + "-12-31",
                  f.year + "-01-01");
    if (!f.q.empty()) where.Add("o.name LIKE ?", "%" + f.q + "%");
    auto page = db::ListPage<Project>(conn, kProjectList, where, f.page, [](const db::Row& r) {
        return Project{.id = r.Int("id"),
                       .community_id = r.Int("community_id"),
                       .name = r.Str("name"),
                       .goals = r.Str("goals"),
                       .started_on = r.Str("started_on"),
                       .status = r.Str("status"),
                       .description = r.Str("description"),
                       .ended_on = r.OptStr("ended_on"),
                       .money_fen = r.Int("money_fen"),
                       .in_kind_fen = r.Int("in_kind_fen"),
                       .minutes = r.Int("minutes")};
    });
    for (Project& x : page.items) {
        for (const auto& r :
             conn.Query("SELECT x.partner_id, g.name, x.role FROM brand_project_partners x JOIN partners q ON q.id = "
                        "x.partner_id JOIN organizations g ON g.id = q.organization_id WHERE x.project_id = ? ORDER BY "
                        "g.name",
                        x.id))
            x.partners.push_back({r.Int("partner_id"), r.Str("name"), r.Str("role")});
        if (!f.id) continue;
        for (const auto& r :
             conn.Query("SELECT kind, record_id FROM brand_project_links WHERE project_id = ? ORDER BY kind, record_id",
                        x.id)) {
            auto linked = Linked(conn, r.Str("kind"), r.Int("record_id"), x.community_id);
            x.links.push_back(
                {r.Str("kind"), r.Int("record_id"), linked ? linked->first : "", linked ? linked->second : ""});
        }
        for (const auto& r : conn.Query(
                 R"sql(SELECT c.id, c.partner_id, g.name AS partner, c.kind, c.what, c.on_date, c.donation_id,
       c.volunteer_record_id, coalesce(d.amount_fen, c.value_fen, 0) AS value_fen, coalesce(h.minutes, 0) AS minutes
FROM brand_contributions c JOIN partners q ON q.id = c.partner_id JOIN organizations g ON g.id = q.organization_id
LEFT JOIN charity_donations d ON d.id = c.donation_id LEFT JOIN volunteer_hours h ON h.id = c.volunteer_record_id
WHERE c.project_id = ? ORDER BY c.on_date, c.id)sql",
                 x.id)) {
            x.contributions.push_back({.id = r.Int("id"),
                                       .partner_id = r.Int("partner_id"),
                                       .donation_id = r.OptInt("donation_id"),
                                       .volunteer_record_id = r.OptInt("volunteer_record_id"),
                                       .partner = r.Str("partner"),
                                       .kind = r.Str("kind"),
                                       .what = r.Str("what"),
                                       .on_date = r.Str("on_date"),
                                       .value_fen = r.Int("value_fen"),
                                       .minutes = r.Int("minutes")});
        }
        for (const auto& r : conn.Query("SELECT id, on_date, what, figure, measure FROM brand_outcomes WHERE "
                                        "project_id = ? ORDER BY on_date, id",
                                        x.id)) {
            Outcome o{.id = r.Int("id"),
                      .on_date = r.Str("on_date"),
                      .what = r.Str("what"),
                      .figure = r.Str("figure"),
                      .measure = r.OptStr("measure")};
            Measure(conn, x.id, o);
            x.outcomes.push_back(std::move(o));
        }
    }
    return page;
}

int64_t LinkageService::AddProject(const auth::Principal& p, const ProjectInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (in.name.empty()) errors.Add("name", "required");
    if (!time::IsValidDate(in.started_on)) errors.Add("started_on", "invalid_date");
    if (in.ended_on && (!time::IsValidDate(*in.ended_on) || *in.ended_on < in.started_on))
        errors.Add("ended_on", "invalid_date");
    if (!util::IsOneOf(in.status, {"planned", "running", "finished"})) errors.Add("status", "invalid_choice");
    if (in.partner_ids.empty()) errors.Add("partner_ids", "required");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto place = places::FindPlace(conn, p, in.community_id);
    if (!place || place->kind != "community" || !place->street_id)
        throw AppError::Field("community_id", "unknown_place");
    for (int64_t partner : in.partner_ids) CheckPartner(conn, partner, in.community_id, "partner_ids");
    if (conn.QueryInt("SELECT count(*) FROM brand_projects WHERE community_id = ? AND name = ?", in.community_id,
                      in.name))
        throw AppError::Field("name", "duplicate_name");
    const int64_t now = time::NowUnix();
    const int64_t id = conn.Insert(
        "INSERT INTO brand_projects (street_id, community_id, name, goals, started_on, ended_on, status, description, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        *place->street_id, in.community_id, in.name, in.goals, in.started_on, in.ended_on, in.status, in.description,
        now, now);
    for (int64_t partner : std::set<int64_t>(in.partner_ids.begin(), in.partner_ids.end()))
        conn.Exec("INSERT INTO brand_project_partners (project_id, partner_id, role) VALUES (?, ?, '')", id, partner);
    audit::Append(conn, actor,
                  {"linkage.project.created",
                   "brand_project",
                   std::to_string(id),
                   true,
                   {{"name", in.name}, {"status", in.status}}});
    reports::Touch(conn, in.community_id);
    tx.Commit();
    return id;
}

void LinkageService::SetStatus(const auth::Principal& p, int64_t project, const std::string& status,
                               const std::optional<std::string>& ended_on, const audit::Actor& actor) {
    if (!util::IsOneOf(status, {"planned", "running", "finished"})) throw AppError::Field("status", "invalid_choice");
    if (ended_on && !time::IsValidDate(*ended_on)) throw AppError::Field("ended_on", "invalid_date");
    if (status == "finished" && !ended_on) throw AppError::Field("ended_on", "required");
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const ProjectRow x = VisibleProject(conn, p, project);
    if (ended_on && *ended_on < conn.QueryOne("SELECT started_on FROM brand_projects WHERE id = ?", project)->Str(0))
        throw AppError::Field("ended_on", "invalid_date");
    conn.Exec("UPDATE brand_projects SET status = ?, ended_on = ?, updated_at = ? WHERE id = ?", status, ended_on,
              time::NowUnix(), project);
    audit::Append(conn, actor,
                  {"linkage.project.updated", "brand_project", std::to_string(project), true, {{"status", status}}});
    reports::Touch(conn, x.community_id);
    tx.Commit();
}

void LinkageService::AddProjectPartner(const auth::Principal& p, int64_t project, int64_t partner,
                                       const std::string& role, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const ProjectRow x = VisibleProject(conn, p, project);
    CheckPartner(conn, partner, x.community_id);
    if (conn.QueryInt("SELECT count(*) FROM brand_project_partners WHERE project_id = ? AND partner_id = ?", project,
                      partner))
        throw AppError(ErrorCode::kConflict, "already_recorded");
    conn.Exec("INSERT INTO brand_project_partners (project_id, partner_id, role) VALUES (?, ?, ?)", project, partner,
              role);
    audit::Append(conn, actor,
                  {"linkage.project.partner_added",
                   "brand_project",
                   std::to_string(project),
                   true,
                   {{"partner_id", partner}, {"role", role}}});
    tx.Commit();
}

void LinkageService::Link(const auth::Principal& p, int64_t project, const std::string& kind, int64_t record,
                          const audit::Actor& actor) {
    if (!util::IsOneOf(kind, {"culture_event", "room_booking", "charity_project"}))
        throw AppError::Field("kind", "invalid_choice");
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const ProjectRow x = VisibleProject(conn, p, project);
    if (!Linked(conn, kind, record, x.community_id)) throw AppError::Field("record_id", "not_found");
    if (conn.QueryInt("SELECT count(*) FROM brand_project_links WHERE project_id = ? AND kind = ? AND record_id = ?",
                      project, kind, record))
        throw AppError(ErrorCode::kConflict, "already_recorded");
    conn.Exec("INSERT INTO brand_project_links (project_id, kind, record_id) VALUES (?, ?, ?)", project, kind, record);
    audit::Append(conn, actor,
                  {"linkage.project.linked",
                   "brand_project",
                   std::to_string(project),
                   true,
                   {{"kind", kind}, {"record_id", record}}});
    tx.Commit();
}

int64_t LinkageService::Contribute(const auth::Principal& p, int64_t project, const ContributionInput& in,
                                   const audit::Actor& actor) {
    FieldErrors errors;
    if (!util::IsOneOf(in.kind, {"money", "in_kind", "volunteer_hours"})) errors.Add("kind", "invalid_choice");
    if (!time::IsValidDate(in.on_date)) errors.Add("on_date", "invalid_date");
    if (in.kind == "money" && !in.donation_id) errors.Add("donation_id", "required");
    if (in.kind == "in_kind" && (!in.value_fen || *in.value_fen <= 0)) errors.Add("value_fen", "required");
    if (in.kind == "in_kind" && in.what.empty()) errors.Add("what", "required");
    if (in.kind == "volunteer_hours" && !in.volunteer_record_id) errors.Add("volunteer_record_id", "required");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const ProjectRow x = VisibleProject(conn, p, project);
    if (conn.QueryInt("SELECT count(*) FROM brand_project_partners WHERE project_id = ? AND partner_id = ?", project,
                      in.partner_id) == 0)
        throw AppError::Field("partner_id", "not_a_project_partner");
    // Money is a donation already in the fund's books, of this community; hours are an entry of
    // the volunteer ledger. Each is linked once.
    if (in.kind == "money") {
        if (conn.QueryInt("SELECT count(*) FROM charity_donations WHERE id = ? AND community_id = ?", *in.donation_id,
                          x.community_id) == 0)
            throw AppError::Field("donation_id", "not_found");
        if (conn.QueryInt("SELECT count(*) FROM brand_contributions WHERE donation_id = ?", *in.donation_id))
            throw AppError::Field("donation_id", "already_linked");
    }
    if (in.kind == "volunteer_hours") {
        if (conn.QueryInt("SELECT count(*) FROM volunteer_hours WHERE id = ? AND community_id = ? AND entry = 'record'",
                          *in.volunteer_record_id, x.community_id) == 0)
            throw AppError::Field("volunteer_record_id", "not_found");
        if (conn.QueryInt("SELECT count(*) FROM brand_contributions WHERE volunteer_record_id = ?",
                          *in.volunteer_record_id))
            throw AppError::Field("volunteer_record_id", "already_linked");
    }
    const int64_t id = conn.Insert(
        "INSERT INTO brand_contributions (project_id, partner_id, community_id, kind, donation_id, "
        "volunteer_record_id, "
        "what, value_fen, on_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        project, in.partner_id, x.community_id, in.kind, in.kind == "money" ? in.donation_id : std::nullopt,
        in.kind == "volunteer_hours" ? in.volunteer_record_id : std::nullopt, in.what,
        in.kind == "in_kind" ? in.value_fen : std::nullopt, in.on_date, time::NowUnix());
    audit::Append(conn, actor,
                  {"linkage.contribution.recorded",
                   "brand_project",
                   std::to_string(project),
                   true,
                   {{"partner_id", in.partner_id}, {"kind", in.kind}}});
    tx.Commit();
    return id;
}

int64_t LinkageService::AddOutcome(const auth::Principal& p, int64_t project, const Outcome& in,
                                   const audit::Actor& actor) {
    FieldErrors errors;
    if (in.what.empty()) errors.Add("what", "required");
    if (!time::IsValidDate(in.on_date)) errors.Add("on_date", "invalid_date");
    const auto measure = in.measure && !in.measure->empty() ? in.measure : std::nullopt;
    if (measure && !util::IsOneOf(*measure, Measures())) errors.Add("measure", "invalid_choice");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    VisibleProject(conn, p, project);
    const int64_t id = conn.Insert(
        "INSERT INTO brand_outcomes (project_id, on_date, what, figure, measure, created_at) VALUES (?, ?, ?, '', ?, "
        "?)",
        project, in.on_date, in.what, measure, time::NowUnix());
    audit::Append(conn, actor,
                  {"linkage.outcome.recorded", "brand_project", std::to_string(project), true, {{"what", in.what}}});
    tx.Commit();
    return id;
}

}  // namespace tongxin::linkage
