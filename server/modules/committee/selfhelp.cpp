// Activities residents organise themselves (群众自发活动): a resident proposes one on the phone
// (what, when, where, how many expected), the committee registers or declines it, and who took
// part is recorded with their ethnic groups.
#include <boost/json.hpp>
#include <set>

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"
#include "modules/committee/rules.hpp"
#include "modules/committee/service.hpp"
#include "modules/reports/memo.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::committee {

namespace {

constexpr db::ListSql kActivityList{
    .columns = R"sql(o.id, o.community_id, o.organiser_resident_id, r.name AS organiser, o.title, o.description,
       o.place, o.held_on, o.expected, o.status, o.decision_note,
       (SELECT count(*) FROM selfhelp_participants sp WHERE sp.activity_id = o.id) AS participants)sql",
    .from = "selfhelp_activities o JOIN residents r ON r.id = o.organiser_resident_id",
    .order_by = "o.held_on DESC, o.id DESC",
    .count_from = "selfhelp_activities o",
};

std::vector<EthnicCount> EthnicMix(db::Connection& conn, int64_t activity) {
    std::vector<EthnicCount> out;
    for (const auto& r : conn.Query(R"sql(SELECT r.ethnicity, count(*) AS n FROM selfhelp_participants sp
JOIN residents r ON r.id = sp.resident_id WHERE sp.activity_id = ? GROUP BY r.ethnicity ORDER BY count(*) DESC,
r.ethnicity)sql",
                                    activity)) {
        out.push_back({r.Str("ethnicity"), r.Int("n")});
    }
    return out;
}

struct ActivityRow {
    int64_t community_id = 0, organiser = 0;
    std::optional<int64_t> proposed_by;
    std::string status, held_on;
};

// The activity if the caller may see it (staff: their place's; others: their own), or 404.
ActivityRow Visible(db::Connection& conn, const auth::Principal& p, int64_t id) {
    db::SqlWhere where = VisibleActivities(p);
    where.Add("o.id = ?", id);
    auto rows = conn.Run(
        "SELECT o.community_id, o.organiser_resident_id, o.proposed_by, o.status, o.held_on FROM selfhelp_activities "
        "o" +
            where.Sql(),
        where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const db::Row& r = rows.front();
    return {r.Int("community_id"), r.Int("organiser_resident_id"), r.OptInt("proposed_by"), r.Str("status"),
            r.Str("held_on")};
}

}  // namespace

db::Page<Activity> CommitteeService::Activities(const auth::Principal& p, const ActivityFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = VisibleActivities(p);
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (f.organiser) where.Add("o.organiser_resident_id = ?", *f.organiser);
    if (!f.status.empty()) where.Add("o.status = ?", f.status);
    if (!f.year.empty()) where.Add("o.held_on >= ? AND o.held_on <= ?", f.year + "-01-01", f.year + "-12-31");
    if (!f.q.empty()) where.Add("(o.title LIKE ? OR o.place LIKE ?)", "%" + f.q + "%", "%" + f.q + "%");
    auto page = db::ListPage<Activity>(conn, kActivityList, where, f.page, [](const db::Row& r) {
        return Activity{.id = r.Int("id"),
                        .community_id = r.Int("community_id"),
                        .organiser_resident_id = r.Int("organiser_resident_id"),
                        .expected = r.Int("expected"),
                        .participants = r.Int("participants"),
                        .organiser = r.Str("organiser"),
                        .title = r.Str("title"),
                        .description = r.Str("description"),
                        .place = r.Str("place"),
                        .held_on = r.Str("held_on"),
                        .status = r.Str("status"),
                        .decision_note = r.Str("decision_note")};
    });
    for (Activity& a : page.items) {
        a.ethnic_mix = EthnicMix(conn, a.id);
        if (!f.id) continue;
        for (const auto& r : conn.Query(R"sql(SELECT r.id, r.name, r.ethnicity FROM selfhelp_participants sp
JOIN residents r ON r.id = sp.resident_id WHERE sp.activity_id = ? ORDER BY r.pinyin, r.id)sql",
                                        a.id)) {
            a.participant_list.push_back({r.Int("id"), r.Str("name"), r.Str("ethnicity")});
        }
    }
    media::AttachPhotos(conn, kActivityPhotos, page.items);
    return page;
}

int64_t CommitteeService::ProposeActivity(const auth::Principal& p, const ActivityInput& in,
                                          const audit::Actor& actor) {
    FieldErrors errors;
    if (in.title.empty()) errors.Add("title", "required");
    if (in.place.empty()) errors.Add("place", "required");
    if (!time::IsValidDate(in.held_on))
        errors.Add("held_on", "invalid_date");
    else if (!IsStaff(p) && in.held_on < time::Today())
        errors.Add("held_on", "in_past");
    std::optional<int64_t> organiser = IsStaff(p) ? in.organiser_resident_id : p.resident_id;
    if (!IsStaff(p) && !p.resident_id) throw AppError(ErrorCode::kUnprocessable, "no_resident_record");
    if (!IsStaff(p) && in.organiser_resident_id && in.organiser_resident_id != p.resident_id) {
        errors.Add("organiser_resident_id", "invalid_choice");
    }
    if (!organiser) errors.Add("organiser_resident_id", "required");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    // Staff name an organiser within their scope; a resident is their own organiser.
    db::SqlWhere where;
    if (IsStaff(p)) where = auth::WhereIn(auth::ResidentScope(p));
    where.Add("r.id = ?", *organiser).Add("r.moved_out IS NULL");
    auto rows = conn.Run("SELECT r.street_id, r.community_id FROM residents r" + where.Sql(), where.values());
    if (rows.empty()) Fail("organiser_resident_id", "not_found");
    const int64_t community = rows.front().Int("community_id");
    if (in.community_id && *in.community_id != community) Fail("community_id", "not_in_community");
    int64_t id = conn.Insert(
        "INSERT INTO selfhelp_activities (street_id, community_id, organiser_resident_id, title, description, place, "
        "held_on, expected, status, proposed_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'proposed', ?, ?)",
        rows.front().Int("street_id"), community, *organiser, in.title, in.description, in.place, in.held_on,
        in.expected, p.user_id, time::NowUnix());
    audit::Append(conn, actor,
                  {"selfhelp.activity.proposed",
                   "selfhelp_activity",
                   std::to_string(id),
                   true,
                   {{"title", in.title}, {"held_on", in.held_on}, {"organiser_resident_id", *organiser}}});
    tx.Commit();
    return id;
}

void CommitteeService::DecideActivity(const auth::Principal& p, int64_t id, const std::string& decision,
                                      const std::string& note, const audit::Actor& actor) {
    if (decision != "registered" && decision != "declined" && decision != "withdrawn") {
        Fail("decision", "invalid_choice");
    }
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    ActivityRow a = Visible(conn, p, id);
    if (decision == "withdrawn") {
        // The organiser (or staff) withdraws a proposal, or a registered activity nobody is recorded at.
        if (a.status != "proposed" && a.status != "registered") throw AppError(ErrorCode::kConflict, "not_proposed");
        if (conn.QueryInt("SELECT count(*) FROM selfhelp_participants WHERE activity_id = ?", id) > 0) {
            throw AppError(ErrorCode::kConflict, "activity_has_participants");
        }
    } else {
        if (!IsStaff(p) || !p.Can("committee.write")) throw AppError(ErrorCode::kForbidden, "forbidden");
        if (a.status != "proposed") throw AppError(ErrorCode::kConflict, "not_proposed");
        if (decision == "declined" && note.empty()) Fail("note", "required");
    }
    conn.Exec(
        "UPDATE selfhelp_activities SET status = ?, decision_note = ?, decided_by = ?, decided_at = ? WHERE id = ?",
        decision, note, p.user_id, time::NowUnix(), id);
    reports::Touch(conn, a.community_id);
    audit::Append(conn, actor,
                  {"selfhelp.activity.decided",
                   "selfhelp_activity",
                   std::to_string(id),
                   true,
                   {{"status", {{"before", a.status}, {"after", decision}}}, {"note", note}}});
    tx.Commit();
}

int64_t CommitteeService::AddParticipants(const auth::Principal& p, int64_t id, const std::vector<int64_t>& residents,
                                          const audit::Actor& actor) {
    if (residents.empty()) Fail("resident_ids", "required");
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    ActivityRow a = Visible(conn, p, id);
    if (a.status != "registered") throw AppError(ErrorCode::kConflict, "activity_not_registered");
    if (a.held_on > time::Today()) throw AppError(ErrorCode::kConflict, "activity_not_held");
    std::set<int64_t> unique(residents.begin(), residents.end());
    for (int64_t r : unique) {
        if (!residents::LivesInCommunity(conn, r, a.community_id)) Fail("resident_ids", "not_in_community");
    }
    int64_t added = 0;
    for (int64_t r : unique) {
        if (conn.QueryInt("SELECT count(*) FROM selfhelp_participants WHERE activity_id = ? AND resident_id = ?", id,
                          r) > 0) {
            continue;
        }
        conn.Exec("INSERT INTO selfhelp_participants (activity_id, resident_id) VALUES (?, ?)", id, r);
        ++added;
    }
    reports::Touch(conn, a.community_id);
    audit::Append(conn, actor,
                  {"selfhelp.participants.added", "selfhelp_activity", std::to_string(id), true, {{"added", added}}});
    tx.Commit();
    return added;
}

}  // namespace tongxin::committee
