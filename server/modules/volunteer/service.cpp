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
#include "modules/residents/service.hpp"
#include "modules/volunteer/shared.hpp"

namespace tongxin::volunteer {
namespace json = boost::json;

const std::vector<std::string>& Kinds() {
    static const std::vector<std::string> kAll = {
        "policy_promotion", "civility_persuasion", "social_service", "ethnic_unity",
        "mutual_aid",       "epidemic_prevention", "culture",        "other"};
    return kAll;
}

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
    return VolunteerService::LoadSettings(conn, community).points_per_hour;
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

constexpr const char* kActivityCols =
    "SELECT o.id, o.organization_id, g.name, o.street_id, o.community_id, o.title, o.kind, o.content, o.place, "
    "o.starts_at, o.ends_at, o.capacity, o.confirmed_count, o.status, o.checkin_code, (SELECT count(*) FROM "
    "volunteer_signups w WHERE w.activity_id = o.id AND w.status = 'waitlisted') FROM volunteer_activities o JOIN "
    "organizations g ON g.id = o.organization_id";

struct ActivityRow {
    int64_t id, organization_id, street_id, community_id, starts_at, ends_at, capacity, confirmed, waitlisted;
    std::string organization, title, kind, content, place, status, code;
};

ActivityRow ActivityOf(const db::Row& r) {
    return {r.Int(0),  r.Int(1), r.Int(3), r.Int(4), r.Int(9), r.Int(10), r.Int(11), r.Int(12),
            r.Int(15), r.Str(2), r.Str(5), r.Str(6), r.Str(7), r.Str(8),  r.Str(13), r.Str(14)};
}

// What a volunteer sees of an activity's state now.
std::string PhaseOf(const ActivityRow& a, int64_t now) {
    if (a.status == "cancelled") return "cancelled";
    if (now >= a.ends_at) return "finished";
    if (now >= a.starts_at) return "ongoing";
    return a.confirmed >= a.capacity ? "full" : "open";
}

json::object ToJson(const ActivityRow& a, int64_t now) {
    return {{"id", a.id},
            {"organization_id", a.organization_id},
            {"organization", a.organization},
            {"community_id", a.community_id},
            {"title", a.title},
            {"kind", a.kind},
            {"content", a.content},
            {"place", a.place},
            {"starts_at", time::ToRfc3339(a.starts_at)},
            {"ends_at", time::ToRfc3339(a.ends_at)},
            {"capacity", a.capacity},
            {"confirmed", a.confirmed},
            {"waitlisted", a.waitlisted},
            {"status", a.status},
            {"phase", PhaseOf(a, now)}};
}

// Serialises writers of one activity's sign-ups (seat counts, waitlist positions, promotion).
void LockActivity(db::Connection& conn, int64_t id) {
    conn.Query("SELECT id FROM volunteer_activities WHERE id = ?" + std::string(conn.ForUpdate()), id);
}

ActivityRow LoadActivity(db::Connection& conn, const auth::Principal& p, int64_t id) {
    auto scope = RecordScope(conn, p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value).Add("o.id = ?", id);
    auto rows = conn.Run(std::string(kActivityCols) + where.Sql(), where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    return ActivityOf(rows.front());
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

std::optional<json::object> MySignup(db::Connection& conn, int64_t activity_id, int64_t resident_id) {
    auto r = conn.QueryOne(
        "SELECT s.id, s.status, s.signed_up_at, s.checked_in_at, s.checked_out_at, CASE WHEN u.resident_id IS NULL OR "
        "u.resident_id <> s.resident_id THEN u.display_name END FROM volunteer_signups s LEFT JOIN users u ON u.id = "
        "s.signed_up_by WHERE s.activity_id = ? AND s.resident_id = ?",
        activity_id, resident_id);
    if (!r || r->Str(1) == "cancelled") return std::nullopt;
    json::object o{{"id", r->Int(0)},
                   {"status", r->Str(1)},
                   // Who signed the resident up, when it was someone else.
                   {"acted_by", r->IsNull(5) ? json::value(nullptr) : json::value(r->Str(5))},
                   {"checked_in_at", r->IsNull(3) ? json::value(nullptr) : json::value(time::ToRfc3339(r->Int(3)))},
                   {"checked_out_at", r->IsNull(4) ? json::value(nullptr) : json::value(time::ToRfc3339(r->Int(4)))}};
    if (r->Str(1) == "waitlisted") {
        o["position"] = conn.QueryInt(
            "SELECT count(*) FROM volunteer_signups WHERE activity_id = ? AND status = 'waitlisted' AND "
            "(signed_up_at < ? OR (signed_up_at = ? AND id <= ?))",
            activity_id, r->Int(2), r->Int(2), r->Int(0));
    }
    return o;
}

}  // namespace

json::object VolunteerService::Activities(const auth::Principal& p, const ActivityFilter& f, int64_t limit,
                                          int64_t offset) {
    db::Connection& conn = db_.Local();
    auto scope = RecordScope(conn, p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value);
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.organization) where.Add("o.organization_id = ?", *f.organization);
    if (f.status) where.Add("o.status = ?", *f.status);
    if (f.from) where.Add("o.starts_at >= ?", time::DayStartUnix(*f.from));
    if (f.to) where.Add("o.starts_at < ?", time::DayStartUnix(*f.to) + 86400);
    if (!f.q.empty()) where.Add("o.title LIKE ?", "%" + f.q + "%");
    int64_t now = time::NowUnix();
    if (f.upcoming) where.Add("o.ends_at > ?", now).Add("o.status = 'published'");
    int64_t total =
        conn.Run("SELECT count(*) FROM volunteer_activities o" + where.Sql(), where.values()).front().Int(0);
    json::array items;
    for (const auto& r : conn.Run(std::string(kActivityCols) + where.Sql() +
                                      (f.upcoming ? " ORDER BY o.starts_at, o.id LIMIT ? OFFSET ?"
                                                  : " ORDER BY o.starts_at DESC, o.id DESC LIMIT ? OFFSET ?"),
                                  where.With({limit, offset}))) {
        ActivityRow a = ActivityOf(r);
        json::object o = ToJson(a, now);
        if (p.resident_id) {
            auto mine = MySignup(conn, a.id, *p.resident_id);
            o["mine"] = mine ? json::value(*mine) : json::value(nullptr);
        }
        items.push_back(std::move(o));
    }
    return {{"items", std::move(items)}, {"total", total}};
}

json::object VolunteerService::Activity(const auth::Principal& p, int64_t id) {
    db::Connection& conn = db_.Local();
    ActivityRow a = LoadActivity(conn, p, id);
    json::object o = ToJson(a, time::NowUnix());
    if (p.resident_id) {
        auto mine = MySignup(conn, a.id, *p.resident_id);
        o["mine"] = mine ? json::value(*mine) : json::value(nullptr);
    }
    if (p.Can("volunteer.write")) o["checkin_code"] = a.code;
    o["recorded_minutes"] =
        conn.QueryInt("SELECT coalesce(sum(minutes), 0) FROM volunteer_hours WHERE activity_id = ?", id);
    return o;
}

int64_t VolunteerService::CreateActivity(const auth::Principal& p, const ActivityInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (in.title.empty()) errors.Add("title", "required");
    if (std::find(Kinds().begin(), Kinds().end(), in.kind) == Kinds().end()) errors.Add("kind", "invalid_choice");
    if (in.ends_at <= in.starts_at) errors.Add("ends_at", "ends_before_start");
    if (in.ends_at - in.starts_at > 7 * 86400) errors.Add("ends_at", "too_long");
    if (in.capacity < 1 || in.capacity > 10000) errors.Add("capacity", "out_of_range");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto scope = auth::CommunityRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value).Add("o.id = ?", in.organization_id).Add("o.kind = 'volunteer_team'");
    auto org = conn.Run("SELECT o.street_id, o.community_id FROM organizations o" + where.Sql(), where.values());
    if (org.empty()) {
        throw AppError::Field("organization_id", "not_a_volunteer_team");
    }
    int64_t id = conn.Insert(
        "INSERT INTO volunteer_activities (organization_id, street_id, community_id, title, kind, content, place, "
        "starts_at, ends_at, capacity, checkin_code, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?)",
        in.organization_id, org.front().Int(0), org.front().Int(1), in.title, in.kind, in.content, in.place,
        in.starts_at, in.ends_at, in.capacity, NewCheckinCode(), p.user_id, time::NowUnix());
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

void VolunteerService::CancelActivity(const auth::Principal& p, int64_t id, const std::string& reason,
                                      const audit::Actor& actor) {
    if (reason.empty()) {
        throw AppError::Field("reason", "required");
    }
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    ActivityRow a = LoadActivity(conn, p, id);
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

std::string VolunteerService::CheckinQr(const auth::Principal& p, int64_t id, const std::string& base_url) {
    db::Connection& conn = db_.Local();
    ActivityRow a = LoadActivity(conn, p, id);
    return io::QrSvg(base_url + "/m/volunteer/checkin?activity=" + std::to_string(a.id) + "&code=" + a.code);
}

json::object VolunteerService::Signups(const auth::Principal& p, int64_t activity_id) {
    db::Connection& conn = db_.Local();
    ActivityRow a = LoadActivity(conn, p, activity_id);
    json::array items;
    int64_t position = 0;
    for (const auto& r : conn.Query(
             "SELECT s.id, s.resident_id, r.name, r.phone_masked, h.address, s.status, s.signed_up_at, "
             "s.checked_in_at, s.checked_out_at, (SELECT coalesce(sum(x.minutes), 0) FROM volunteer_hours x WHERE "
             "x.activity_id = s.activity_id AND x.resident_id = s.resident_id), s.signed_up_by, u.display_name FROM "
             "volunteer_signups s JOIN residents r ON r.id = s.resident_id LEFT JOIN households h ON h.id = "
             "r.household_id LEFT JOIN users u ON u.id = s.signed_up_by WHERE s.activity_id = ? ORDER BY CASE s.status "
             "WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, s.signed_up_at, s.id",
             a.id)) {
        auto ts = [&](int c) { return r.IsNull(c) ? json::value(nullptr) : json::value(time::ToRfc3339(r.Int(c))); };
        json::object o{{"id", r.Int(0)},
                       {"resident_id", r.Int(1)},
                       {"name", r.Str(2)},
                       {"phone_masked", r.Str(3)},
                       {"address", r.IsNull(4) ? "" : r.Str(4)},
                       {"status", r.Str(5)},
                       {"signed_up_at", time::ToRfc3339(r.Int(6))},
                       {"checked_in_at", ts(7)},
                       {"checked_out_at", ts(8)},
                       {"recorded_minutes", r.Int(9)},
                       {"signed_up_by", r.IsNull(11) ? json::value(nullptr) : json::value(r.Str(11))}};
        if (r.Str(5) == "waitlisted") o["position"] = ++position;
        items.push_back(std::move(o));
    }
    int64_t total = static_cast<int64_t>(items.size());
    return {{"items", std::move(items)}, {"total", total}};
}

json::object VolunteerService::SignUp(const auth::Principal& p, int64_t activity_id, std::optional<int64_t> resident_id,
                                      const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    ActivityRow a = LoadLockedActivity(conn, p, activity_id);
    if (a.status == "cancelled") throw AppError(ErrorCode::kConflict, "activity_cancelled");
    int64_t now = time::NowUnix();
    if (now >= a.ends_at) throw AppError(ErrorCode::kConflict, "activity_finished");
    int64_t rid = residents::ResidentForAction(conn, p, resident_id, "volunteer.write", residents::Acting::kProxy);
    if (!residents::LivesInCommunity(conn, rid, a.community_id)) {
        throw AppError::Field("resident_id", "not_in_community");
    }
    auto existing =
        conn.QueryOne("SELECT id, status FROM volunteer_signups WHERE activity_id = ? AND resident_id = ?", a.id, rid);
    if (existing && existing->Str(1) != "cancelled") throw AppError(ErrorCode::kConflict, "already_signed_up");
    // The seat is taken by the conditional increment; the CHECK on confirmed_count is the last guard.
    bool seat = !conn.Query(
                         "UPDATE volunteer_activities SET confirmed_count = confirmed_count + 1 WHERE id = ? AND "
                         "confirmed_count < capacity RETURNING confirmed_count",
                         a.id)
                     .empty();
    std::string status = seat ? "confirmed" : "waitlisted";
    int64_t id;
    if (existing) {
        id = existing->Int(0);
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
    json::object out = *MySignup(conn, a.id, rid);
    audit::Append(conn, actor,
                  {"volunteer.signup.created",
                   "volunteer_activity",
                   std::to_string(a.id),
                   true,
                   {{"resident_id", rid}, {"status", status}, {"on_behalf", !p.resident_id || *p.resident_id != rid}}});
    tx.Commit();
    return out;
}

json::object VolunteerService::CancelSignup(const auth::Principal& p, int64_t activity_id,
                                            std::optional<int64_t> resident_id, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    ActivityRow a = LoadLockedActivity(conn, p, activity_id);
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
    if (!s->IsNull(2)) throw AppError(ErrorCode::kConflict, "already_checked_in");
    conn.Exec("UPDATE volunteer_signups SET status = 'cancelled' WHERE id = ?", s->Int(0));
    json::object out{{"status", "cancelled"}, {"promoted", nullptr}};
    if (s->Str(1) == "confirmed") {
        conn.Exec("UPDATE volunteer_activities SET confirmed_count = confirmed_count - 1 WHERE id = ?", a.id);
        // The first on the waitlist takes the freed place, in the same transaction.
        auto next = conn.QueryOne(
            "SELECT s.id, s.resident_id, r.name FROM volunteer_signups s JOIN residents r ON r.id = s.resident_id "
            "WHERE s.activity_id = ? AND s.status = 'waitlisted' ORDER BY s.signed_up_at, s.id LIMIT 1",
            a.id);
        if (next && now < a.ends_at) {
            conn.Exec("UPDATE volunteer_signups SET status = 'confirmed' WHERE id = ?", next->Int(0));
            conn.Exec("UPDATE volunteer_activities SET confirmed_count = confirmed_count + 1 WHERE id = ?", a.id);
            out["promoted"] = {{"resident_id", next->Int(1)}, {"name", next->Str(2)}};
        }
    }
    audit::Append(conn, actor,
                  {"volunteer.signup.cancelled",
                   "volunteer_activity",
                   std::to_string(a.id),
                   true,
                   {{"resident_id", rid}, {"was", s->Str(1)}, {"promoted", out["promoted"]}}});
    tx.Commit();
    return out;
}

json::object VolunteerService::Check(const auth::Principal& p, int64_t activity_id, std::optional<int64_t> resident_id,
                                     const std::optional<std::string>& code, const std::string& direction,
                                     const audit::Actor& actor) {
    if (direction != "in" && direction != "out") {
        throw AppError::Field("direction", "invalid_choice");
    }
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    ActivityRow a = LoadActivity(conn, p, activity_id);
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
        if (!code || code->size() != a.code.size() || sodium_memcmp(code->data(), a.code.data(), a.code.size()) != 0) {
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
    if (!s || s->Str(1) != "confirmed") throw AppError(ErrorCode::kConflict, "not_confirmed");
    bool already;
    if (direction == "in") {
        already = !s->IsNull(2);
        if (!already) conn.Exec("UPDATE volunteer_signups SET checked_in_at = ? WHERE id = ?", now, s->Int(0));
    } else {
        if (s->IsNull(2)) throw AppError(ErrorCode::kConflict, "not_checked_in");
        already = !s->IsNull(3);
        if (!already) conn.Exec("UPDATE volunteer_signups SET checked_out_at = ? WHERE id = ?", now, s->Int(0));
    }
    if (!already) {
        audit::Append(conn, actor,
                      {direction == "in" ? "volunteer.checked_in" : "volunteer.checked_out",
                       "volunteer_activity",
                       std::to_string(a.id),
                       true,
                       {{"resident_id", rid}, {"by_organiser", by_organiser}}});
    }
    json::object out = *MySignup(conn, a.id, rid);
    out["already"] = already;
    tx.Commit();
    return out;
}

json::object VolunteerService::ConfirmHours(const auth::Principal& p, int64_t activity_id,
                                            const std::vector<MinutesFor>& given, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    ActivityRow a = LoadLockedActivity(conn, p, activity_id);
    if (a.status == "cancelled") throw AppError(ErrorCode::kConflict, "activity_cancelled");
    std::vector<MinutesFor> todo;
    if (given.empty()) {
        for (const auto& r : conn.Query(
                 "SELECT resident_id, checked_in_at, checked_out_at FROM volunteer_signups WHERE activity_id = ? AND "
                 "status = 'confirmed' AND checked_in_at IS NOT NULL ORDER BY id",
                 a.id)) {
            int64_t start = std::max(r.Int(1), a.starts_at);
            int64_t end = std::min(r.IsNull(2) ? a.ends_at : r.Int(2), a.ends_at);
            if (end > start) todo.push_back({r.Int(0), (end - start) / 60});
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
    json::array recorded;
    int64_t skipped = 0;
    for (const auto& t : todo) {
        if (t.minutes <= 0) continue;
        if (conn.QueryInt("SELECT count(*) FROM volunteer_hours h WHERE h.activity_id = ? AND h.resident_id = ? AND "
                          "h.entry = 'record' AND NOT EXISTS (SELECT 1 FROM volunteer_hours x WHERE x.reverses_id = "
                          "h.id)",
                          a.id, t.resident_id) > 0) {
            ++skipped;
            continue;
        }
        RecordInput in{t.resident_id, a.id, detail::DateOf(a.starts_at), t.minutes, a.kind, a.title};
        int64_t id = AppendRecord(conn, in, a.street_id, a.community_id, p.user_id);
        recorded.push_back({{"id", id}, {"resident_id", t.resident_id}, {"minutes", t.minutes}});
    }
    audit::Append(conn, actor,
                  {"volunteer.hours.recorded",
                   "volunteer_activity",
                   std::to_string(a.id),
                   true,
                   {{"records", recorded}, {"skipped", skipped}}});
    tx.Commit();
    return {{"recorded", std::move(recorded)}, {"skipped", skipped}};
}

}  // namespace tongxin::volunteer
