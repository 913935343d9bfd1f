// Trainings: a course by a provider with its dated sessions, the seekers enrolled, who came to
// each session and who completed it — the seeker's step `trained`, or `practical_training` for
// 岗前实训 — and what it cost (in fen) and who paid.
#include <algorithm>
#include <set>

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"
#include "core/util/choices.hpp"
#include "modules/jobs/rules.hpp"
#include "modules/jobs/service.hpp"
#include "modules/reports/memo.hpp"

namespace tongxin::jobs {

namespace {

constexpr db::ListSql kTrainingList{
    .columns = R"sql(o.id, o.community_id, o.course, o.kind, o.provider, o.starts_on, o.ends_on, o.cost_fen,
       o.paid_by, o.payer_organization_id, coalesce(g.name, '') AS payer_organization,
       (SELECT count(*) FROM job_training_sessions x WHERE x.training_id = o.id) AS sessions_count,
       (SELECT count(*) FROM job_training_enrolments x WHERE x.training_id = o.id) AS enrolled,
       (SELECT count(*) FROM job_training_enrolments x WHERE x.training_id = o.id AND x.completed_on IS NOT NULL)
         AS completed)sql",
    .from = "job_trainings o LEFT JOIN organizations g ON g.id = o.payer_organization_id",
    .order_by = "o.starts_on DESC, o.id DESC",
    .count_from = "job_trainings o",
};

struct TrainingRow {
    int64_t id = 0, community_id = 0;
    std::string kind, course, starts_on, ends_on;
};

// The training if it is of the caller's place (staff only), else 404.
TrainingRow StaffTraining(db::Connection& conn, const auth::Principal& p, int64_t id) {
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", id);
    auto rows = conn.Run(
        "SELECT o.id, o.community_id, o.kind, o.course, o.starts_on, o.ends_on FROM job_trainings o" + where.Sql(),
        where.values());
    if (rows.empty() || !IsStaff(p)) throw AppError(ErrorCode::kNotFound, "not_found");
    const auto& r = rows.front();
    return {r.Int("id"), r.Int("community_id"), r.Str("kind"), r.Str("course"), r.Str("starts_on"), r.Str("ends_on")};
}

bool Enrolled(db::Connection& conn, int64_t training, int64_t seeker) {
    return conn.QueryInt("SELECT count(*) FROM job_training_enrolments WHERE training_id = ? AND seeker_id = ?",
                         training, seeker) > 0;
}

}  // namespace

db::Page<Training> JobsService::Trainings(const auth::Principal& p, const TrainingFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where;
    if (IsStaff(p)) {
        where = auth::WhereIn(auth::CommunityRecordScope(p));
    } else {  // a resident: the trainings they are enrolled in
        where.Add(
            "EXISTS (SELECT 1 FROM job_training_enrolments e JOIN job_seekers s ON s.id = e.seeker_id WHERE "
            "e.training_id = o.id AND s.resident_id = ?)",
            p.resident_id.value_or(-1));
    }
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (f.seeker)
        where.Add("EXISTS (SELECT 1 FROM job_training_enrolments e WHERE e.training_id = o.id AND e.seeker_id = ?)",
                  *f.seeker);
    if (!f.kind.empty()) where.Add("o.kind = ?", f.kind);
    InYear(where, "o.starts_on >= ? AND o.starts_on <= ?", f.year);
    if (!f.q.empty()) where.Add("(o.course LIKE ? OR o.provider LIKE ?)", "%" + f.q + "%", "%" + f.q + "%");
    auto page = db::ListPage<Training>(conn, kTrainingList, where, f.page, [](const db::Row& r) {
        return Training{.id = r.Int("id"),
                        .community_id = r.Int("community_id"),
                        .cost_fen = r.Int("cost_fen"),
                        .sessions_count = r.Int("sessions_count"),
                        .enrolled = r.Int("enrolled"),
                        .completed = r.Int("completed"),
                        .payer_organization_id = r.OptInt("payer_organization_id"),
                        .course = r.Str("course"),
                        .kind = r.Str("kind"),
                        .provider = r.Str("provider"),
                        .starts_on = r.Str("starts_on"),
                        .ends_on = r.Str("ends_on"),
                        .paid_by = r.Str("paid_by"),
                        .payer_organization = r.Str("payer_organization")};
    });
    if (!f.id) return page;
    for (Training& t : page.items) {
        for (const auto& r : conn.Query(
                 "SELECT x.id, x.held_on, x.topic, (SELECT count(*) FROM job_training_attendance a WHERE a.session_id "
                 "= "
                 "x.id) AS attended FROM job_training_sessions x WHERE x.training_id = ? ORDER BY x.held_on, x.id",
                 t.id))
            t.sessions.push_back({r.Int("id"), r.Str("held_on"), r.Str("topic"), r.Int("attended")});
        // A resident sees only their own enrolment; staff everyone's.
        db::SqlWhere who;
        who.Add("e.training_id = ?", t.id);
        if (!IsStaff(p)) who.Add("s.resident_id = ?", p.resident_id.value_or(-1));
        for (const auto& r : conn.Run(
                 "SELECT e.seeker_id, s.resident_id, rs.name, rs.ethnicity, e.enrolled_on, e.completed_on, (SELECT "
                 "count(*) FROM job_training_attendance a JOIN job_training_sessions x ON x.id = a.session_id WHERE "
                 "x.training_id = e.training_id AND a.seeker_id = e.seeker_id) AS attended FROM "
                 "job_training_enrolments e JOIN job_seekers s ON s.id = e.seeker_id JOIN residents rs ON rs.id = "
                 "s.resident_id" +
                     who.Sql() + " ORDER BY rs.name, e.seeker_id",
                 who.values()))
            t.enrolments.push_back({.seeker_id = r.Int("seeker_id"),
                                    .resident_id = r.Int("resident_id"),
                                    .attended = r.Int("attended"),
                                    .name = r.Str("name"),
                                    .ethnicity = r.Str("ethnicity"),
                                    .enrolled_on = r.Str("enrolled_on"),
                                    .completed_on = r.OptStr("completed_on")});
        std::set<int64_t> seen;
        for (const Enrolment& e : t.enrolments) seen.insert(e.seeker_id);
        for (const auto& r : conn.Query(
                 "SELECT a.session_id, a.seeker_id FROM job_training_attendance a JOIN job_training_sessions x ON "
                 "x.id = a.session_id WHERE x.training_id = ? ORDER BY a.session_id, a.seeker_id",
                 t.id)) {
            if (!seen.contains(r.Int("seeker_id"))) continue;
            for (TrainingSession& x : t.sessions)
                if (x.id == r.Int("session_id")) x.present.push_back(r.Int("seeker_id"));
        }
    }
    return page;
}

int64_t JobsService::AddTraining(const auth::Principal& p, const TrainingInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (in.course.empty()) errors.Add("course", "required");
    if (in.provider.empty()) errors.Add("provider", "required");
    if (!util::IsOneOf(in.kind, TrainingKinds())) errors.Add("kind", "invalid_choice");
    if (!util::IsOneOf(in.paid_by, Payers())) errors.Add("paid_by", "invalid_choice");
    if (!time::IsValidDate(in.starts_on)) errors.Add("starts_on", "invalid_date");
    if (!time::IsValidDate(in.ends_on))
        errors.Add("ends_on", "invalid_date");
    else if (in.ends_on < in.starts_on)
        errors.Add("ends_on", "before_start");
    if (in.paid_by == "free" && in.cost_fen != 0) errors.Add("cost_fen", "free_has_no_cost");
    if (in.payer_organization_id && !util::IsOneOf(in.paid_by, {"employer", "partner"}))
        errors.Add("payer_organization_id", "invalid_choice");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const ResidentPlace place = CommunityInScope(conn, p, in.community_id);
    if (in.payer_organization_id && conn.QueryInt("SELECT count(*) FROM organizations WHERE id = ? AND street_id = ?",
                                                  *in.payer_organization_id, place.street_id) == 0)
        throw AppError::Field("payer_organization_id", "not_found");
    const int64_t id = conn.Insert(
        "INSERT INTO job_trainings (street_id, community_id, course, kind, provider, starts_on, ends_on, cost_fen, "
        "paid_by, payer_organization_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        place.street_id, place.community_id, in.course, in.kind, in.provider, in.starts_on, in.ends_on, in.cost_fen,
        in.paid_by, in.payer_organization_id, actor.user_id, time::NowUnix());
    audit::Append(conn, actor,
                  {"jobs.training.created",
                   "job_training",
                   std::to_string(id),
                   true,
                   {{"course", in.course}, {"kind", in.kind}, {"cost_fen", in.cost_fen}, {"paid_by", in.paid_by}}});
    tx.Commit();
    return id;
}

int64_t JobsService::AddSession(const auth::Principal& p, int64_t training, const std::string& held_on,
                                const std::string& topic, const audit::Actor& actor) {
    FieldErrors errors;
    if (!time::IsValidDate(held_on)) errors.Add("held_on", "invalid_date");
    if (topic.empty()) errors.Add("topic", "required");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const TrainingRow t = StaffTraining(conn, p, training);
    if (held_on < t.starts_on || held_on > t.ends_on) throw AppError::Field("held_on", "outside_training");
    const int64_t id =
        conn.Insert("INSERT INTO job_training_sessions (training_id, held_on, topic, created_at) VALUES (?, ?, ?, ?)",
                    training, held_on, topic, time::NowUnix());
    audit::Append(conn, actor,
                  {"jobs.training.session_added",
                   "job_training",
                   std::to_string(training),
                   true,
                   {{"session_id", id}, {"held_on", held_on}}});
    tx.Commit();
    return id;
}

void JobsService::Enrol(const auth::Principal& p, int64_t training, int64_t seeker, const std::string& enrolled_on,
                        const audit::Actor& actor) {
    if (!time::IsValidDate(enrolled_on)) throw AppError::Field("enrolled_on", "invalid_date");
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const TrainingRow t = StaffTraining(conn, p, training);
    const SeekerRow s = VisibleSeeker(conn, p, seeker);
    if (s.community_id != t.community_id) throw AppError::Field("seeker_id", "not_found");
    if (s.status != "active") throw AppError(ErrorCode::kConflict, "seeker_not_active");
    if (Enrolled(conn, training, seeker)) throw AppError(ErrorCode::kConflict, "already_enrolled");
    conn.Exec(
        "INSERT INTO job_training_enrolments (training_id, seeker_id, enrolled_on, created_at) VALUES (?, ?, ?, ?)",
        training, seeker, enrolled_on, time::NowUnix());
    audit::Append(conn, actor,
                  {"jobs.training.enrolled", "job_training", std::to_string(training), true, {{"seeker_id", seeker}}});
    tx.Commit();
}

void JobsService::RecordAttendance(const auth::Principal& p, int64_t session, const std::vector<int64_t>& seekers,
                                   const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto row = conn.QueryOne("SELECT training_id, held_on FROM job_training_sessions WHERE id = ?", session);
    if (!row) throw AppError(ErrorCode::kNotFound, "not_found");
    const TrainingRow t = StaffTraining(conn, p, row->Int("training_id"));
    if (row->Str("held_on") > time::Today()) throw AppError(ErrorCode::kConflict, "session_not_held");
    for (int64_t seeker : seekers)
        if (!Enrolled(conn, t.id, seeker)) throw AppError::Field("seeker_ids", "not_enrolled");
    conn.Exec("DELETE FROM job_training_attendance WHERE session_id = ?", session);
    for (int64_t seeker : seekers)
        conn.Exec("INSERT INTO job_training_attendance (session_id, seeker_id) VALUES (?, ?)", session, seeker);
    audit::Append(conn, actor,
                  {"jobs.training.attendance",
                   "job_training",
                   std::to_string(t.id),
                   true,
                   {{"session_id", session}, {"present", static_cast<int64_t>(seekers.size())}}});
    tx.Commit();
}

void JobsService::Complete(const auth::Principal& p, int64_t training, int64_t seeker, const std::string& completed_on,
                           const audit::Actor& actor) {
    FieldErrors errors;
    CheckDate(errors, "completed_on", completed_on);
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const TrainingRow t = StaffTraining(conn, p, training);
    auto e = conn.QueryOne("SELECT completed_on FROM job_training_enrolments WHERE training_id = ? AND seeker_id = ?",
                           training, seeker);
    if (!e) throw AppError::Field("seeker_id", "not_enrolled");
    if (e->OptStr("completed_on")) throw AppError(ErrorCode::kConflict, "already_completed");
    if (completed_on < t.starts_on) throw AppError::Field("completed_on", "before_start");
    const SeekerRow s = VisibleSeeker(conn, p, seeker);
    // Attendance of the sessions held by then: at least 80% of them.
    const int64_t held = conn.QueryInt(
        "SELECT count(*) FROM job_training_sessions WHERE training_id = ? AND held_on <= ?", training, completed_on);
    const int64_t attended = conn.QueryInt(
        "SELECT count(*) FROM job_training_attendance a JOIN job_training_sessions x ON x.id = a.session_id WHERE "
        "x.training_id = ? AND a.seeker_id = ? AND x.held_on <= ?",
        training, seeker, completed_on);
    if (held == 0) throw AppError(ErrorCode::kConflict, "no_sessions_held");
    if (attended * 5 < held * 4)
        throw AppError(ErrorCode::kConflict, "attendance_short",
                       {{"attended", std::to_string(attended)}, {"held", std::to_string(held)}});
    const std::string step = t.kind == "practical" ? "practical_training" : "trained";
    const int64_t step_id = InsertStep(conn, seeker, s.community_id, step, std::max(completed_on, s.registered_on), "",
                                       t.course, actor.user_id, std::nullopt, std::nullopt, training);
    conn.Exec(
        "UPDATE job_training_enrolments SET completed_on = ?, step_id = ? WHERE training_id = ? AND seeker_id = ?",
        completed_on, step_id, training, seeker);
    audit::Append(conn, actor,
                  {"jobs.training.completed",
                   "job_training",
                   std::to_string(training),
                   true,
                   {{"seeker_id", seeker}, {"completed_on", completed_on}}});
    reports::Touch(conn, s.community_id);
    tx.Commit();
}

}  // namespace tongxin::jobs
