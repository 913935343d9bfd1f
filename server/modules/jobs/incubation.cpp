// Incubation: a project (and its brand) founded by seekers, with mentors (from partner
// organisations or not) and dated milestones; it graduates into a business one of its founders
// registered — the link is the business's id, shown both ways — or stops.
#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/http/json_fields.hpp"
#include "core/time/clock.hpp"
#include "core/util/choices.hpp"
#include "modules/jobs/rules.hpp"
#include "modules/jobs/service.hpp"
#include "modules/reports/memo.hpp"

namespace tongxin::jobs {

namespace {

constexpr db::ListSql kIncubationList{
    .columns = R"sql(o.id, o.community_id, o.name, o.brand, o.summary, o.started_on, o.status, o.ended_on,
       o.business_id, coalesce(b.name, '') AS business,
       (SELECT count(*) FROM job_incubation_milestones x WHERE x.incubation_id = o.id) AS milestones_total,
       (SELECT count(*) FROM job_incubation_milestones x WHERE x.incubation_id = o.id AND x.done_on IS NOT NULL)
         AS milestones_done)sql",
    .from = "job_incubations o LEFT JOIN job_businesses b ON b.id = o.business_id",
    .order_by = "o.started_on DESC, o.id DESC",
    .count_from = "job_incubations o",
};

// Staff see their place's projects; a resident the ones they founded.
db::SqlWhere IncubationsVisible(const auth::Principal& p) {
    if (IsStaff(p)) return auth::WhereIn(auth::CommunityRecordScope(p));
    db::SqlWhere own;
    own.Add(
        "EXISTS (SELECT 1 FROM job_incubation_founders f JOIN job_seekers s ON s.id = f.seeker_id WHERE "
        "f.incubation_id = o.id AND s.resident_id = ?)",
        p.resident_id.value_or(-1));
    return own;
}

}  // namespace

db::Page<Incubation> JobsService::Incubations(const auth::Principal& p, const IncubationFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = IncubationsVisible(p);
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (!f.status.empty()) where.Add("o.status = ?", f.status);
    if (!f.q.empty()) where.Add("(o.name LIKE ? OR o.brand LIKE ?)", "%" + f.q + "%", "%" + f.q + "%");
    auto page = db::ListPage<Incubation>(conn, kIncubationList, where, f.page, [](const db::Row& r) {
        return Incubation{.id = r.Int("id"),
                          .community_id = r.Int("community_id"),
                          .milestones_total = r.Int("milestones_total"),
                          .milestones_done = r.Int("milestones_done"),
                          .business_id = r.OptInt("business_id"),
                          .name = r.Str("name"),
                          .brand = r.Str("brand"),
                          .summary = r.Str("summary"),
                          .started_on = r.Str("started_on"),
                          .status = r.Str("status"),
                          .business = r.Str("business"),
                          .ended_on = r.OptStr("ended_on")};
    });
    for (Incubation& x : page.items) {
        for (const auto& r : conn.Query(
                 "SELECT f.seeker_id, s.resident_id, r.name, r.ethnicity FROM job_incubation_founders f JOIN "
                 "job_seekers s ON s.id = f.seeker_id JOIN residents r ON r.id = s.resident_id WHERE f.incubation_id = "
                 "? ORDER BY r.name, f.seeker_id",
                 x.id))
            x.founders.push_back({r.Int("seeker_id"), r.Int("resident_id"), r.Str("name"), r.Str("ethnicity")});
        if (!f.id) continue;
        for (const auto& r : conn.Query(
                 "SELECT m.id, m.organization_id, m.name, m.expertise, coalesce(g.name, '') AS organization FROM "
                 "job_incubation_mentors m LEFT JOIN organizations g ON g.id = m.organization_id WHERE "
                 "m.incubation_id = ? ORDER BY m.id",
                 x.id))
            x.mentors.push_back(
                {r.Int("id"), r.OptInt("organization_id"), r.Str("name"), r.Str("expertise"), r.Str("organization")});
        for (const auto& r :
             conn.Query("SELECT id, title, due_on, done_on, evidence FROM job_incubation_milestones WHERE "
                        "incubation_id = ? ORDER BY due_on, id",
                        x.id))
            x.milestones.push_back(
                {r.Int("id"), r.Str("title"), r.Str("due_on"), r.Str("evidence"), r.OptStr("done_on")});
    }
    return page;
}

int64_t JobsService::AddIncubation(const auth::Principal& p, const IncubationInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (in.name.empty()) errors.Add("name", "required");
    CheckDate(errors, "started_on", in.started_on);
    if (in.founders.empty()) errors.Add("founders", "required");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const ResidentPlace place = CommunityInScope(conn, p, in.community_id);
    if (conn.QueryInt("SELECT count(*) FROM job_incubations WHERE community_id = ? AND name = ?", place.community_id,
                      in.name))
        throw AppError::Field("name", "duplicate_name");
    std::vector<SeekerRow> founders;
    for (int64_t seeker : in.founders) {
        const SeekerRow s = VisibleSeeker(conn, p, seeker);
        if (s.community_id != place.community_id) throw AppError::Field("founders", "not_found");
        if (s.status != "active") throw AppError(ErrorCode::kConflict, "seeker_not_active");
        if (in.started_on < s.registered_on) throw AppError::Field("started_on", "before_registration");
        founders.push_back(s);
    }
    const int64_t now = time::NowUnix();
    const int64_t id = conn.Insert(
        "INSERT INTO job_incubations (street_id, community_id, name, brand, summary, started_on, status, created_by, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'incubating', ?, ?, ?)",
        place.street_id, place.community_id, in.name, in.brand, in.summary, in.started_on, actor.user_id, now, now);
    for (const SeekerRow& s : founders) {
        conn.Exec("INSERT INTO job_incubation_founders (incubation_id, seeker_id) VALUES (?, ?)", id, s.id);
        // Entering incubation is the founder's step on the path.
        InsertStep(conn, s.id, s.community_id, "incubation", in.started_on, in.helper, in.name, actor.user_id);
    }
    audit::Append(conn, actor,
                  {"jobs.incubation.created",
                   "job_incubation",
                   std::to_string(id),
                   true,
                   {{"name", in.name}, {"founders", static_cast<int64_t>(founders.size())}}});
    reports::Touch(conn, place.community_id);
    tx.Commit();
    return id;
}

namespace {

struct IncubationRow {
    int64_t id = 0, street_id = 0, community_id = 0;
    std::string status, started_on;
};

IncubationRow StaffIncubation(db::Connection& conn, const auth::Principal& p, int64_t id) {
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", id);
    auto rows = conn.Run(
        "SELECT o.id, o.street_id, o.community_id, o.status, o.started_on FROM job_incubations o" + where.Sql(),
        where.values());
    if (rows.empty() || !IsStaff(p)) throw AppError(ErrorCode::kNotFound, "not_found");
    const auto& r = rows.front();
    return {r.Int("id"), r.Int("street_id"), r.Int("community_id"), r.Str("status"), r.Str("started_on")};
}

}  // namespace

int64_t JobsService::AddMentor(const auth::Principal& p, int64_t incubation, const MentorInput& in,
                               const audit::Actor& actor) {
    if (in.name.empty()) throw AppError::Field("name", "required");
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const IncubationRow x = StaffIncubation(conn, p, incubation);
    if (in.organization_id && conn.QueryInt("SELECT count(*) FROM organizations WHERE id = ? AND street_id = ?",
                                            *in.organization_id, x.street_id) == 0)
        throw AppError::Field("organization_id", "not_found");
    const int64_t id = conn.Insert(
        "INSERT INTO job_incubation_mentors (incubation_id, name, expertise, organization_id, created_at) VALUES (?, "
        "?, ?, ?, ?)",
        incubation, in.name, in.expertise, in.organization_id, time::NowUnix());
    audit::Append(conn, actor,
                  {"jobs.incubation.mentor_added",
                   "job_incubation",
                   std::to_string(incubation),
                   true,
                   {{"mentor_id", id}, {"name", in.name}}});
    tx.Commit();
    return id;
}

int64_t JobsService::AddMilestone(const auth::Principal& p, int64_t incubation, const MilestoneInput& in,
                                  const audit::Actor& actor) {
    FieldErrors errors;
    if (in.title.empty()) errors.Add("title", "required");
    if (!time::IsValidDate(in.due_on)) errors.Add("due_on", "invalid_date");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const IncubationRow x = StaffIncubation(conn, p, incubation);
    if (x.status != "incubating") throw AppError(ErrorCode::kConflict, "incubation_ended");
    if (in.due_on < x.started_on) throw AppError::Field("due_on", "before_start");
    const int64_t id = conn.Insert(
        "INSERT INTO job_incubation_milestones (incubation_id, title, due_on, created_by, created_at) VALUES (?, ?, ?, "
        "?, ?)",
        incubation, in.title, in.due_on, actor.user_id, time::NowUnix());
    audit::Append(conn, actor,
                  {"jobs.incubation.milestone_added",
                   "job_incubation",
                   std::to_string(incubation),
                   true,
                   {{"milestone_id", id}, {"title", in.title}, {"due_on", in.due_on}}});
    tx.Commit();
    return id;
}

void JobsService::CompleteMilestone(const auth::Principal& p, int64_t milestone, const std::string& done_on,
                                    const std::string& evidence, const audit::Actor& actor) {
    FieldErrors errors;
    CheckDate(errors, "done_on", done_on);
    if (evidence.empty()) errors.Add("evidence", "required");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto m = conn.QueryOne("SELECT incubation_id, done_on FROM job_incubation_milestones WHERE id = ?", milestone);
    if (!m) throw AppError(ErrorCode::kNotFound, "not_found");
    const IncubationRow x = StaffIncubation(conn, p, m->Int("incubation_id"));
    if (m->OptStr("done_on")) throw AppError(ErrorCode::kConflict, "already_done");
    if (done_on < x.started_on) throw AppError::Field("done_on", "before_start");
    conn.Exec("UPDATE job_incubation_milestones SET done_on = ?, evidence = ? WHERE id = ?", done_on, evidence,
              milestone);
    audit::Append(conn, actor,
                  {"jobs.incubation.milestone_done",
                   "job_incubation",
                   std::to_string(x.id),
                   true,
                   {{"milestone_id", milestone}, {"done_on", done_on}}});
    tx.Commit();
}

void JobsService::EndIncubation(const auth::Principal& p, int64_t id, const std::string& outcome,
                                std::optional<int64_t> business, const std::string& ended_on,
                                const audit::Actor& actor) {
    FieldErrors errors;
    if (!util::IsOneOf(outcome, {"graduated", "stopped"})) errors.Add("outcome", "invalid_choice");
    CheckDate(errors, "ended_on", ended_on);
    if (outcome == "graduated" && !business) errors.Add("business_id", "required");
    if (outcome == "stopped" && business) errors.Add("business_id", "invalid_choice");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const IncubationRow x = StaffIncubation(conn, p, id);
    if (x.status != "incubating") throw AppError(ErrorCode::kConflict, "incubation_ended");
    if (ended_on < x.started_on) throw AppError::Field("ended_on", "before_start");
    if (business && conn.QueryInt("SELECT count(*) FROM job_businesses b WHERE b.id = ? AND b.community_id = ? AND "
                                  "b.resident_id IN (SELECT s.resident_id FROM job_incubation_founders f JOIN "
                                  "job_seekers s ON s.id = f.seeker_id WHERE f.incubation_id = ?)",
                                  *business, x.community_id, id) == 0)
        throw AppError::Field("business_id", "not_a_founders_business");
    conn.Exec("UPDATE job_incubations SET status = ?, ended_on = ?, business_id = ?, updated_at = ? WHERE id = ?",
              outcome, ended_on, business, time::NowUnix(), id);
    audit::Append(conn, actor,
                  {"jobs.incubation.ended",
                   "job_incubation",
                   std::to_string(id),
                   true,
                   {{"outcome", outcome}, {"business_id", http::OrNull(business)}}});
    reports::Touch(conn, x.community_id);
    tx.Commit();
}

}  // namespace tongxin::jobs
