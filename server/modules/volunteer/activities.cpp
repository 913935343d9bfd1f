// Activities, sign-ups with the waitlist, check-in/out and confirming hours.
#include "modules/volunteer/service.hpp"

#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>

#include "core/auth/scope.hpp"
#include "core/crypto/vault.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/io/qr.hpp"
#include "core/time/clock.hpp"
#include "modules/dictionaries/service.hpp"
#include "modules/residents/service.hpp"
#include "modules/volunteer/shared.hpp"

namespace tongxin::volunteer {
namespace json = boost::json;

namespace detail {

std::optional<int64_t> HomeCommunity(db::Connection& conn, const auth::Principal& p) {
    return residents::HomeCommunity(conn, p);
}

auth::ScopeFilter RecordScope(db::Connection& conn, const auth::Principal& p) {
    if (p.Can("volunteer.read")) return auth::CommunityRecordScope(p);
    return {"o.community_id = ?", HomeCommunity(conn, p).value_or(-1)};
}

int64_t ResidentFor(db::Connection& conn, const auth::Principal& p, std::optional<int64_t> resident_id,
                    residents::Acting how) {
    return residents::ActingFor(conn, p, resident_id, how);
}

std::string DateOf(int64_t unix_seconds) { return time::ToRfc3339(unix_seconds).substr(0, 10); }

int64_t PointsPerHour(db::Connection& conn, int64_t community, const std::string& kind) {
    auto rule = conn.QueryOne("SELECT points_per_hour FROM volunteer_point_rules WHERE community_id = ? AND kind = ?",
                              community, kind);
    if (rule) return rule->Int(0);
    return RulesService::LoadSettings(conn, community).points_per_hour;
}

void MovePoints(db::Connection& conn, int64_t resident_id, int64_t community_id, int64_t delta,
                const std::string& source, std::optional<int64_t> hours_id, std::optional<int64_t> redemption_id,
                const std::string& note, std::optional<int64_t> by) {
    if (delta == 0) return;
    if (delta > 0) {
        conn.Exec(
            "INSERT INTO volunteer_point_balances (resident_id, balance) VALUES (?, ?) ON CONFLICT (resident_id) DO "
            "UPDATE SET balance = volunteer_point_balances.balance + excluded.balance",
            resident_id, delta);
    } else if (conn.Query("UPDATE volunteer_point_balances SET balance = balance - ? WHERE resident_id = ? AND "
                          "balance >= ? RETURNING balance",
                          -delta, resident_id, -delta)
                   .empty()) {
        throw AppError(ErrorCode::kConflict, source == "redemption" ? "insufficient_points" : "points_already_spent");
    }
    conn.Exec(
        "INSERT INTO volunteer_points (resident_id, community_id, delta, source, hours_id, redemption_id, note, "
        "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        resident_id, community_id, delta, source, hours_id, redemption_id, note, by, time::NowUnix());
}

}  // namespace detail

using detail::RecordScope;
using detail::ResidentFor;

namespace {

constexpr db::ListSql kActivityList{
    .columns = R"sql(o.id, o.organization_id, g.name AS organization, o.street_id, o.community_id, o.title, o.kind,
       o.content, o.place, o.starts_at, o.ends_at, o.capacity, o.confirmed_count, o.status, o.checkin_code,
       (SELECT count(*) FROM volunteer_signups w WHERE w.activity_id = o.id AND w.status = 'waitlisted') AS waitlisted)sql",
    .from = "volunteer_activities o JOIN organizations g ON g.id = o.organization_id",
    .order_by = "o.starts_at DESC, o.id DESC",
    .count_from = "volunteer_activities o",
};

// The activity as writers check it, with its check-in code (never sent unless asked for).
struct ActivityRow {
    volunteer::Activity activity;
    std::string code;
};

// What a volunteer sees of an activity's state now.
std::string PhaseOf(const volunteer::Activity& a, int64_t now) {
    if (a.status == "cancelled") return "cancelled";
    if (now >= a.ends_at) return "finished";
    if (now >= a.starts_at) return "ongoing";
    return a.confirmed >= a.capacity ? "full" : "open";
}

ActivityRow ActivityFrom(const db::Row& r) {
    ActivityRow out{{.id = r.Int("id"),
                     .organization_id = r.Int("organization_id"),
                     .street_id = r.Int("street_id"),
                     .community_id = r.Int("community_id"),
                     .organization = r.Str("organization"),
                     .title = r.Str("title"),
                     .kind = r.Str("kind"),
                     .content = r.Str("content"),
                     .place = r.Str("place"),
                     .starts_at = r.Int("starts_at"),
                     .ends_at = r.Int("ends_at"),
                     .capacity = r.Int("capacity"),
                     .confirmed = r.Int("confirmed_count"),
                     .waitlisted = r.Int("waitlisted"),
                     .status = r.Str("status")},
                    r.Str("checkin_code")};
    out.activity.phase = PhaseOf(out.activity, time::NowUnix());
    return out;
}

// Serialises writers of one activity's sign-ups (seat counts, waitlist positions, promotion).
void LockActivity(db::Connection& conn, int64_t id) {
    conn.Query("SELECT id FROM volunteer_activities WHERE id = ?" + std::string(conn.ForUpdate()), id);
}

ActivityRow LoadActivity(db::Connection& conn, const auth::Principal& p, int64_t id) {
    db::SqlWhere where = auth::WhereIn(RecordScope(conn, p));
    where.Add("o.id = ?", id);
    auto rows = conn.Run(db::SelectSql(kActivityList, where), where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    return ActivityFrom(rows.front());
}

// An activity in the caller's scope, locked for the transaction: the scope is checked before the
// lock is taken (an activity of another community is never locked), and read again under it.
ActivityRow LoadLockedActivity(db::Connection& conn, const auth::Principal& p, int64_t id) {
    LoadActivity(conn, p, id);
    LockActivity(conn, id);
    return LoadActivity(conn, p, id);
}

std::string NewCheckinCode() {
    crypto::EnsureSodium();
    unsigned char raw[12];
    randombytes_buf(raw, sizeof raw);
    static const char* kHex = "0123456789abcdef";
    std::string out;
    for (unsigned char c : raw) {
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    return out;
}

constexpr std::string_view kSignupSelect = R"sql(
SELECT s.id, s.status, s.signed_up_at, s.checked_in_at, s.checked_out_at,
       CASE WHEN u.resident_id IS NULL OR u.resident_id <> s.resident_id THEN u.display_name END AS acted_by
FROM volunteer_signups s LEFT JOIN users u ON u.id = s.signed_up_by
WHERE s.activity_id = ? AND s.resident_id = ?)sql";

std::optional<Signup> MySignup(db::Connection& conn, int64_t activity_id, int64_t resident_id) {
    auto r = conn.QueryOne(kSignupSelect, activity_id, resident_id);
    if (!r || r->Str("status") == "cancelled") return std::nullopt;
    Signup out{.id = r->Int("id"),
               .status = r->Str("status"),
               .acted_by = r->OptStr("acted_by"),
               .checked_in_at = r->OptInt("checked_in_at"),
               .checked_out_at = r->OptInt("checked_out_at")};
    if (out.status == "waitlisted") {
        out.position = conn.QueryInt(
            "SELECT count(*) FROM volunteer_signups WHERE activity_id = ? AND status = 'waitlisted' AND "
            "(signed_up_at < ? OR (signed_up_at = ? AND id <= ?))",
            activity_id, r->Int("signed_up_at"), r->Int("signed_up_at"), out.id);
    }
    return out;
}

constexpr std::string_view kSignupList = R"sql(
SELECT s.id, s.resident_id, r.name, r.phone_masked, h.address, s.status, s.signed_up_at, s.checked_in_at,
       s.checked_out_at, u.display_name AS signed_up_by,
       (SELECT coalesce(sum(x.minutes), 0) FROM volunteer_hours x
         WHERE x.activity_id = s.activity_id AND x.resident_id = s.resident_id) AS recorded_minutes
FROM volunteer_signups s JOIN residents r ON r.id = s.resident_id LEFT JOIN households h ON h.id = r.household_id
LEFT JOIN users u ON u.id = s.signed_up_by
WHERE s.activity_id = ?
ORDER BY CASE s.status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, s.signed_up_at, s.id)sql";

}  // namespace

db::Page<Activity> ActivityService::Activities(const auth::Principal& p, const ActivityFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(RecordScope(conn, p));
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.organization) where.Add("o.organization_id = ?", *f.organization);
    if (f.status) where.Add("o.status = ?", *f.status);
    if (f.from) where.Add("o.starts_at >= ?", time::DayStartUnix(*f.from));
    if (f.to) where.Add("o.starts_at < ?", time::DayStartUnix(*f.to) + 86400);
    if (!f.q.empty()) where.Add("o.title LIKE ?", "%" + f.q + "%");
    db::ListSql sql = kActivityList;
    if (f.upcoming) {
        where.Add("o.ends_at > ?", time::NowUnix()).Add("o.status = 'published'");
        sql.order_by = "o.starts_at, o.id";
    }
    auto page = db::ListPage<volunteer::Activity>(conn, sql, where, f.page,
                                                  [](const db::Row& r) { return ActivityFrom(r).activity; });
    if (p.resident_id) {
        for (auto& a : page.items) {
            a.resident_view = true;
            a.mine = MySignup(conn, a.id, *p.resident_id);
        }
    }
    return page;
}

Activity ActivityService::Activity(const auth::Principal& p, int64_t id) {
    db::Connection& conn = db_.Local();
    ActivityRow row = LoadActivity(conn, p, id);
    volunteer::Activity a = std::move(row.activity);
    if (p.resident_id) {
        a.resident_view = true;
        a.mine = MySignup(conn, a.id, *p.resident_id);
    }
    if (p.Can("volunteer.write")) a.checkin_code = row.code;
    a.recorded_minutes =
        conn.QueryInt("SELECT coalesce(sum(minutes), 0) FROM volunteer_hours WHERE activity_id = ?", id);
    return a;
}

int64_t ActivityService::CreateActivity(const auth::Principal& p, const ActivityInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (in.title.empty()) errors.Add("title", "required");
    if (!dictionaries::IsOffered(db_.Local(), kKindDictionary, in.kind)) errors.Add("kind", "invalid_choice");
    if (in.ends_at <= in.starts_at) errors.Add("ends_at", "ends_before_start");
    if (in.ends_at - in.starts_at > 7 * 86400) errors.Add("ends_at", "too_long");
    if (in.capacity < 1 || in.capacity > 10000) errors.Add("capacity", "out_of_range");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", in.organization_id).Add("o.kind = 'volunteer_team'");
    auto org = conn.Run("SELECT o.street_id, o.community_id FROM organizations o" + where.Sql(), where.values());
    if (org.empty()) {
        throw AppError::Field("organization_id", "not_a_volunteer_team");
    }
    int64_t id = conn.Insert(
        "INSERT INTO volunteer_activities (organization_id, street_id, community_id, title, kind, content, place, "
        "starts_at, ends_at, capacity, checkin_code, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        in.organization_id, org.front().Int("street_id"), org.front().Int("community_id"), in.title, in.kind,
        in.content, in.place, in.starts_at, in.ends_at, in.capacity, NewCheckinCode(), p.user_id, time::NowUnix());
    audit::Append(conn, actor,
                  {"volunteer.activity.published",
                   "volunteer_activity",
                   std::to_string(id),
                   true,
                   {{"title", in.title},
                    {"kind", in.kind},
                    {"starts_at", time::ToRfc3339(in.starts_at)},
                    {"capacity", in.capacity}}});
    tx.Commit();
    return id;
}

void ActivityService::CancelActivity(const auth::Principal& p, int64_t id, const std::string& reason,
                                     const audit::Actor& actor) {
    if (reason.empty()) {
        throw AppError::Field("reason", "required");
    }
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    ActivityRow row = LoadActivity(conn, p, id);
    const volunteer::Activity& a = row.activity;
    if (a.status == "cancelled") throw AppError(ErrorCode::kConflict, "activity_cancelled");
    if (conn.QueryInt("SELECT count(*) FROM volunteer_hours WHERE activity_id = ?", id) > 0) {
        throw AppError(ErrorCode::kConflict, "activity_has_hours");
    }
    conn.Exec("UPDATE volunteer_activities SET status = 'cancelled' WHERE id = ?", id);
    audit::Append(conn, actor,
                  {"volunteer.activity.cancelled",
                   "volunteer_activity",
                   std::to_string(id),
                   true,
                   {{"reason", reason}, {"confirmed", a.confirmed}, {"waitlisted", a.waitlisted}}});
    tx.Commit();
}

std::string ActivityService::CheckinQr(const auth::Principal& p, int64_t id, const std::string& base_url) {
    db::Connection& conn = db_.Local();
    ActivityRow row = LoadActivity(conn, p, id);
    const volunteer::Activity& a = row.activity;
    return io::QrSvg(base_url + "/m/volunteer/checkin?activity=" + std::to_string(a.id) + "&code=" + row.code);
}

std::vector<SignupEntry> ActivityService::Signups(const auth::Principal& p, int64_t activity_id) {
    db::Connection& conn = db_.Local();
    ActivityRow row = LoadActivity(conn, p, activity_id);
    std::vector<SignupEntry> out;
    int64_t position = 0;
    for (const auto& r : conn.Query(kSignupList, row.activity.id)) {
        SignupEntry e{.id = r.Int("id"),
                      .resident_id = r.Int("resident_id"),
                      .name = r.Str("name"),
                      .phone_masked = r.Str("phone_masked"),
                      .address = r.OptStr("address").value_or(""),
                      .status = r.Str("status"),
                      .signed_up_at = r.Int("signed_up_at"),
                      .checked_in_at = r.OptInt("checked_in_at"),
                      .checked_out_at = r.OptInt("checked_out_at"),
                      .recorded_minutes = r.Int("recorded_minutes"),
                      .signed_up_by = r.OptStr("signed_up_by")};
        if (e.status == "waitlisted") e.position = ++position;
        out.push_back(std::move(e));
    }
    return out;
}

Signup ActivityService::SignUp(const auth::Principal& p, int64_t activity_id, std::optional<int64_t> resident_id,
                               const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    ActivityRow row = LoadLockedActivity(conn, p, activity_id);
    const volunteer::Activity& a = row.activity;
    if (a.status == "cancelled") throw AppError(ErrorCode::kConflict, "activity_cancelled");
    int64_t now = time::NowUnix();
    if (now >= a.ends_at) throw AppError(ErrorCode::kConflict, "activity_finished");
    int64_t rid = residents::ResidentForAction(conn, p, resident_id, "volunteer.write", residents::Acting::kProxy);
    if (!residents::LivesInCommunity(conn, rid, a.community_id)) {
        throw AppError::Field("resident_id", "not_in_community");
    }
    auto existing =
        conn.QueryOne("SELECT id, status FROM volunteer_signups WHERE activity_id = ? AND resident_id = ?", a.id, rid);
    if (existing && existing->Str("status") != "cancelled") throw AppError(ErrorCode::kConflict, "already_signed_up");
    // The seat is taken by the conditional increment; the CHECK on confirmed_count is the last guard.
    bool seat = !conn.Query(
                         "UPDATE volunteer_activities SET confirmed_count = confirmed_count + 1 WHERE id = ? AND "
                         "confirmed_count < capacity RETURNING confirmed_count",
                         a.id)
                     .empty();
    std::string status = seat ? "confirmed" : "waitlisted";
    int64_t id;
    if (existing) {
        id = existing->Int("id");
        conn.Exec(
            "UPDATE volunteer_signups SET status = ?, signed_up_at = ?, signed_up_by = ?, checked_in_at = NULL, "
            "checked_out_at = NULL WHERE id = ?",
            status, now, p.user_id, id);
    } else {
        id = conn.Insert(
            "INSERT INTO volunteer_signups (activity_id, resident_id, status, signed_up_at, signed_up_by) VALUES (?, "
            "?, ?, ?, ?)",
            a.id, rid, status, now, p.user_id);
    }
    Signup out = *MySignup(conn, a.id, rid);
    audit::Append(conn, actor,
                  {"volunteer.signup.created",
                   "volunteer_activity",
                   std::to_string(a.id),
                   true,
                   {{"resident_id", rid}, {"status", status}, {"on_behalf", !p.resident_id || *p.resident_id != rid}}});
    tx.Commit();
    return out;
}

SignupCancellation ActivityService::CancelSignup(const auth::Principal& p, int64_t activity_id,
                                                 std::optional<int64_t> resident_id, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    ActivityRow row = LoadLockedActivity(conn, p, activity_id);
    const volunteer::Activity& a = row.activity;
    int64_t rid = p.Can("volunteer.write") && resident_id
                      ? *resident_id
                      : ResidentFor(conn, p, resident_id, residents::Acting::kProxy);
    auto s = conn.QueryOne(
        "SELECT id, status, checked_in_at FROM volunteer_signups WHERE activity_id = ? AND resident_id = ? AND status "
        "<> 'cancelled'",
        a.id, rid);
    if (!s) throw AppError(ErrorCode::kNotFound, "not_found");
    int64_t now = time::NowUnix();
    if (!p.Can("volunteer.write") && now >= a.starts_at) throw AppError(ErrorCode::kConflict, "cancel_deadline_passed");
    if (!s->IsNull("checked_in_at")) throw AppError(ErrorCode::kConflict, "already_checked_in");
    conn.Exec("UPDATE volunteer_signups SET status = 'cancelled' WHERE id = ?", s->Int("id"));
    SignupCancellation out;
    if (s->Str("status") == "confirmed") {
        conn.Exec("UPDATE volunteer_activities SET confirmed_count = confirmed_count - 1 WHERE id = ?", a.id);
        // The first on the waitlist takes the freed place, in the same transaction.
        auto next = conn.QueryOne(
            "SELECT s.id, s.resident_id, r.name FROM volunteer_signups s JOIN residents r ON r.id = s.resident_id "
            "WHERE s.activity_id = ? AND s.status = 'waitlisted' ORDER BY s.signed_up_at, s.id LIMIT 1",
            a.id);
        if (next && now < a.ends_at) {
            conn.Exec("UPDATE volunteer_signups SET status = 'confirmed' WHERE id = ?", next->Int("id"));
            conn.Exec("UPDATE volunteer_activities SET confirmed_count = confirmed_count + 1 WHERE id = ?", a.id);
            out.promoted = Promoted{next->Int("resident_id"), next->Str("name")};
        }
    }
    json::value promoted = nullptr;
    if (out.promoted) promoted = json::object{{"resident_id", out.promoted->resident_id}, {"name", out.promoted->name}};
    audit::Append(conn, actor,
                  {"volunteer.signup.cancelled",
                   "volunteer_activity",
                   std::to_string(a.id),
                   true,
                   {{"resident_id", rid}, {"was", s->Str("status")}, {"promoted", std::move(promoted)}}});
    tx.Commit();
    return out;
}

CheckResult ActivityService::Check(const auth::Principal& p, int64_t activity_id, std::optional<int64_t> resident_id,
                                   const std::optional<std::string>& code, const std::string& direction,
                                   const audit::Actor& actor) {
    if (direction != "in" && direction != "out") {
        throw AppError::Field("direction", "invalid_choice");
    }
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    ActivityRow row = LoadActivity(conn, p, activity_id);
    const volunteer::Activity& a = row.activity;
    if (a.status == "cancelled") throw AppError(ErrorCode::kConflict, "activity_cancelled");
    int64_t now = time::NowUnix();
    bool by_organiser = p.Can("volunteer.write") && !code;
    int64_t rid;
    if (by_organiser) {
        if (!resident_id) {
            throw AppError::Field("resident_id", "required");
        }
        rid = *resident_id;
    } else {
        if (!code || code->size() != row.code.size() ||
            sodium_memcmp(code->data(), row.code.data(), row.code.size()) != 0) {
            throw AppError::Field("code", "invalid_code");
        }
        if (now < a.starts_at - 2 * 3600 || now > a.ends_at + 2 * 3600) {
            throw AppError(ErrorCode::kConflict, "checkin_closed");
        }
        rid = ResidentFor(conn, p, resident_id);
    }
    auto s = conn.QueryOne(
        "SELECT id, status, checked_in_at, checked_out_at FROM volunteer_signups WHERE activity_id = ? AND "
        "resident_id = ?",
        a.id, rid);
    if (!s || s->Str("status") != "confirmed") throw AppError(ErrorCode::kConflict, "not_confirmed");
    bool already;
    if (direction == "in") {
        already = !s->IsNull("checked_in_at");
        if (!already) conn.Exec("UPDATE volunteer_signups SET checked_in_at = ? WHERE id = ?", now, s->Int("id"));
    } else {
        if (s->IsNull("checked_in_at")) throw AppError(ErrorCode::kConflict, "not_checked_in");
        already = !s->IsNull("checked_out_at");
        if (!already) conn.Exec("UPDATE volunteer_signups SET checked_out_at = ? WHERE id = ?", now, s->Int("id"));
    }
    if (!already) {
        audit::Append(conn, actor,
                      {direction == "in" ? "volunteer.checked_in" : "volunteer.checked_out",
                       "volunteer_activity",
                       std::to_string(a.id),
                       true,
                       {{"resident_id", rid}, {"by_organiser", by_organiser}}});
    }
    CheckResult out{*MySignup(conn, a.id, rid), already};
    tx.Commit();
    return out;
}

HoursConfirmation ActivityService::ConfirmHours(const auth::Principal& p, int64_t activity_id,
                                                const std::vector<MinutesFor>& given, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    ActivityRow row = LoadLockedActivity(conn, p, activity_id);
    const volunteer::Activity& a = row.activity;
    if (a.status == "cancelled") throw AppError(ErrorCode::kConflict, "activity_cancelled");
    std::vector<MinutesFor> todo;
    if (given.empty()) {
        for (const auto& r : conn.Query(
                 "SELECT resident_id, checked_in_at, checked_out_at FROM volunteer_signups WHERE activity_id = ? AND "
                 "status = 'confirmed' AND checked_in_at IS NOT NULL ORDER BY id",
                 a.id)) {
            int64_t start = std::max(r.Int("checked_in_at"), a.starts_at);
            int64_t end = std::min(r.OptInt("checked_out_at").value_or(a.ends_at), a.ends_at);
            if (end > start) todo.push_back({r.Int("resident_id"), (end - start) / 60});
        }
    } else {
        for (const auto& g : given) {
            if (g.minutes < 1 || g.minutes > 24 * 60) {
                throw AppError::Field("minutes", "out_of_range");
            }
            if (conn.QueryInt("SELECT count(*) FROM volunteer_signups WHERE activity_id = ? AND resident_id = ? AND "
                              "status = 'confirmed'",
                              a.id, g.resident_id) == 0) {
                throw AppError::Field("resident_id", "not_confirmed");
            }
            todo.push_back(g);
        }
    }
    HoursConfirmation out;
    json::array recorded;
    for (const auto& t : todo) {
        if (t.minutes <= 0) continue;
        if (conn.QueryInt("SELECT count(*) FROM volunteer_hours h WHERE h.activity_id = ? AND h.resident_id = ? AND "
                          "h.entry = 'record' AND NOT EXISTS (SELECT 1 FROM volunteer_hours x WHERE x.reverses_id = "
                          "h.id)",
                          a.id, t.resident_id) > 0) {
            ++out.skipped;
            continue;
        }
        RecordInput in{t.resident_id, a.id, detail::DateOf(a.starts_at), t.minutes, a.kind, a.title};
        int64_t id = HoursLedger::AppendRecord(conn, in, a.street_id, a.community_id, p.user_id);
        out.recorded.push_back({id, t.resident_id, t.minutes});
        recorded.push_back({{"id", id}, {"resident_id", t.resident_id}, {"minutes", t.minutes}});
    }
    audit::Append(conn, actor,
                  {"volunteer.hours.recorded",
                   "volunteer_activity",
                   std::to_string(a.id),
                   true,
                   {{"records", std::move(recorded)}, {"skipped", out.skipped}}});
    tx.Commit();
    return out;
}

}  // namespace tongxin::volunteer
