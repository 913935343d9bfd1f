// The community's rules (regular volunteers, points per hour), the regular volunteers, a volunteer's own summary.
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>

#include "core/db/page.hpp"
#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"
#include "modules/dictionaries/service.hpp"
#include "modules/places/service.hpp"
#include "modules/reports/memo.hpp"
#include "modules/volunteer/service.hpp"
#include "modules/volunteer/shared.hpp"

namespace tongxin::volunteer {
namespace json = boost::json;
using detail::ResidentFor;

namespace {

std::string MonthsBefore(const std::string& date, int64_t months) {
    using namespace std::chrono;
    year_month_day d{year{std::stoi(date.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(date.substr(5, 2)))},
                     day{static_cast<unsigned>(std::stoi(date.substr(8, 2)))}};
    year_month_day shifted = d - std::chrono::months{months};
    if (!shifted.ok()) shifted = shifted.year() / shifted.month() / last;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(shifted.year()),
                  static_cast<unsigned>(shifted.month()), static_cast<unsigned>(shifted.day()));
    return buf;
}

bool IsMonthEnd(const std::string& date) {
    using namespace std::chrono;
    year_month_day d{year{std::stoi(date.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(date.substr(5, 2)))},
                     day{static_cast<unsigned>(std::stoi(date.substr(8, 2)))}};
    return d == year_month_day{d.year() / d.month() / last};
}

void RequireCommunity(db::Connection& conn, const auth::Principal& p, int64_t community) {
    auto place = places::FindPlace(conn, p, community);
    if (!place || place->kind != "community") throw AppError(ErrorCode::kNotFound, "not_found");
}

}  // namespace

Settings RulesService::LoadSettings(db::Connection& conn, int64_t community) {
    Settings s;
    auto r = conn.QueryOne(
        "SELECT regular_min_minutes, regular_min_activities, regular_months, points_per_hour FROM volunteer_settings "
        "WHERE community_id = ?",
        community);
    if (r) {
        s = {r->Int("regular_min_minutes"), r->Int("regular_min_activities"), r->Int("regular_months"),
             r->Int("points_per_hour")};
    }
    return s;
}

Rules RulesService::GetSettings(const auth::Principal& p, int64_t community) {
    db::Connection& conn = db_.Local();
    RequireCommunity(conn, p, community);
    Rules out{community, LoadSettings(conn, community), {}};
    for (const auto& r :
         conn.Query("SELECT kind, points_per_hour FROM volunteer_point_rules WHERE community_id = ? ORDER BY kind",
                    community)) {
        out.kind_points.emplace_back(r.Str("kind"), r.Int("points_per_hour"));
    }
    return out;
}

void RulesService::SaveSettings(const auth::Principal& p, int64_t community, const Settings& s,
                                const std::vector<std::pair<std::string, int64_t>>& kind_points,
                                const audit::Actor& actor) {
    FieldErrors errors;
    if (s.regular_min_minutes < 0 || s.regular_min_minutes > 1000 * 60) errors.Add("regular_min_hours", "out_of_range");
    if (s.regular_min_activities < 0 || s.regular_min_activities > 1000) {
        errors.Add("regular_min_activities", "out_of_range");
    }
    if (s.regular_months < 1 || s.regular_months > 60) errors.Add("regular_months", "out_of_range");
    if (s.points_per_hour < 0 || s.points_per_hour > 1000) errors.Add("points_per_hour", "out_of_range");
    for (const auto& [kind, pts] : kind_points) {
        if (!dictionaries::IsOffered(db_.Local(), kKindDictionary, kind) || pts < 0 || pts > 1000) {
            errors.Add("kind_points_per_hour", "invalid_choice");
        }
    }
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    RequireCommunity(conn, p, community);
    Settings before = LoadSettings(conn, community);
    conn.Exec(
        "INSERT INTO volunteer_settings (community_id, regular_min_minutes, regular_min_activities, regular_months, "
        "points_per_hour, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (community_id) DO UPDATE SET "
        "regular_min_minutes = excluded.regular_min_minutes, regular_min_activities = "
        "excluded.regular_min_activities, regular_months = excluded.regular_months, points_per_hour = "
        "excluded.points_per_hour, updated_at = excluded.updated_at",
        community, s.regular_min_minutes, s.regular_min_activities, s.regular_months, s.points_per_hour,
        time::NowUnix());
    conn.Exec("DELETE FROM volunteer_point_rules WHERE community_id = ?", community);
    reports::Touch(conn, community);
    json::object kinds;
    for (const auto& [kind, pts] : kind_points) {
        conn.Exec("INSERT INTO volunteer_point_rules (community_id, kind, points_per_hour) VALUES (?, ?, ?)", community,
                  kind, pts);
        kinds[kind] = pts;
    }
    audit::Append(conn, actor,
                  {"volunteer.settings.changed",
                   "community",
                   std::to_string(community),
                   true,
                   {{"before",
                     {{"regular_min_minutes", before.regular_min_minutes},
                      {"regular_min_activities", before.regular_min_activities},
                      {"regular_months", before.regular_months},
                      {"points_per_hour", before.points_per_hour}}},
                    {"after",
                     {{"regular_min_minutes", s.regular_min_minutes},
                      {"regular_min_activities", s.regular_min_activities},
                      {"regular_months", s.regular_months},
                      {"points_per_hour", s.points_per_hour}}},
                    {"kind_points_per_hour", std::move(kinds)}}});
    tx.Commit();
}

RegularQuery RegularVolunteersSql(db::Connection& conn, int64_t community, const std::string& as_of,
                                  bool minority_only) {
    Settings s = RulesService::LoadSettings(conn, community);
    std::string window_from = MonthsBefore(as_of, s.regular_months);
    RegularQuery q;
    q.settings = s;
    std::string inner;
    if (IsMonthEnd(as_of) && IsMonthEnd(window_from)) {
        // Whole months: the monthly figures kept with the ledger give the same sums.
        inner =
            "SELECT m.resident_id, sum(m.minutes) AS minutes, sum(m.activities) AS activities FROM volunteer_monthly m "
            "WHERE m.community_id = ? AND m.month > ? AND m.month <= ? GROUP BY m.resident_id";
        q.params = {community, window_from.substr(0, 7), as_of.substr(0, 7)};
    } else {
        // A record counts for activities while it stands (not reversed); minutes sum records and
        // reversals alike, so a corrected record contributes its corrected amount.
        inner =
            "SELECT h.resident_id, sum(h.minutes) AS minutes, count(DISTINCT CASE WHEN h.entry = 'record' AND h.id NOT "
            "IN (SELECT x.reverses_id FROM volunteer_hours x WHERE x.community_id = ? AND x.reverses_id IS NOT NULL) "
            "THEN h.activity_id END) AS activities FROM volunteer_hours h WHERE h.community_id = ? AND h.served_on > ? "
            "AND h.served_on <= ? GROUP BY h.resident_id";
        q.params = {community, community, window_from, as_of};
    }
    q.sql = "SELECT t.resident_id, r.name, r.ethnicity, r.pinyin, t.minutes, t.activities FROM (" + inner +
            ") t JOIN residents r ON r.id = t.resident_id WHERE t.minutes >= ? AND t.activities >= ? AND "
            "(r.moved_out IS NULL OR r.moved_out > ?)" +
            std::string(minority_only ? " AND r.ethnicity >= '02' AND r.ethnicity <= '56'" : "");
    q.params.emplace_back(s.regular_min_minutes);
    q.params.emplace_back(s.regular_min_activities);
    q.params.emplace_back(as_of);
    return q;
}

RegularList RulesService::Regulars(const auth::Principal& p, int64_t community, const std::string& as_of,
                                   bool minority_only, db::PageSpan page) {
    db::Connection& conn = db_.Local();
    RequireCommunity(conn, p, community);
    RegularQuery q = RegularVolunteersSql(conn, community, as_of, minority_only);
    RegularList out{.as_of = as_of, .window_from = MonthsBefore(as_of, q.settings.regular_months), .rule = q.settings};
    out.page.total = conn.Run("SELECT count(*) FROM (" + q.sql + ") t", q.params).front().Int(0);
    auto params = q.params;
    params.emplace_back(page.limit);
    params.emplace_back(page.offset);
    for (const auto& r : conn.Run(q.sql + " ORDER BY r.pinyin, t.resident_id LIMIT ? OFFSET ?", params)) {
        out.page.items.push_back(
            {r.Int("resident_id"), r.Str("name"), r.Str("ethnicity"), r.Int("minutes"), r.Int("activities")});
    }
    return out;
}

MySummary RulesService::Me(const auth::Principal& p) {
    db::Connection& conn = db_.Local();
    int64_t me = ResidentFor(conn, p, std::nullopt);
    auto r = conn.QueryOne("SELECT name, community_id FROM residents WHERE id = ?", me);
    std::string today = time::Today();
    int64_t community = r->Int("community_id");
    Settings s = LoadSettings(conn, community);
    std::string window_from = MonthsBefore(today, s.regular_months);
    auto window = conn.QueryOne(R"sql(
SELECT coalesce(sum(h.minutes), 0) AS minutes,
       count(DISTINCT CASE WHEN h.entry = 'record' AND NOT EXISTS
             (SELECT 1 FROM volunteer_hours x WHERE x.reverses_id = h.id) THEN h.activity_id END) AS activities
FROM volunteer_hours h WHERE h.resident_id = ? AND h.served_on > ? AND h.served_on <= ?)sql",
                                me, window_from, today);
    int64_t year_minutes =
        conn.QueryInt("SELECT coalesce(sum(minutes), 0) FROM volunteer_hours WHERE resident_id = ? AND served_on >= ?",
                      me, today.substr(0, 4) + "-01-01");
    int64_t all_minutes =
        conn.QueryInt("SELECT coalesce(sum(minutes), 0) FROM volunteer_hours WHERE resident_id = ?", me);
    int64_t balance = conn.QueryInt("SELECT balance FROM volunteer_point_balances WHERE resident_id = ?", me);
    MySummary out{.resident_id = me,
                  .community_id = community,
                  .name = r->Str("name"),
                  .minutes_this_year = year_minutes,
                  .minutes_total = all_minutes,
                  .window_minutes = window->Int("minutes"),
                  .window_activities = window->Int("activities"),
                  .rule = s,
                  .points = balance};
    out.regular = out.window_minutes >= s.regular_min_minutes && out.window_activities >= s.regular_min_activities;
    return out;
}

}  // namespace tongxin::volunteer
