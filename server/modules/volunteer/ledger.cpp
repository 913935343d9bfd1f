// The hours ledger, corrections and disputes, points and rewards, the regular-volunteer rule
// and certificates.
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>

#include "core/auth/scope.hpp"
#include "core/db/page.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/http/json_fields.hpp"
#include "core/io/spreadsheet.hpp"
#include "core/time/clock.hpp"
#include "modules/places/service.hpp"
#include "modules/reports/memo.hpp"
#include "modules/volunteer/service.hpp"
#include "modules/volunteer/shared.hpp"

namespace tongxin::volunteer {
namespace json = boost::json;
using detail::MovePoints;
using detail::RecordScope;
using detail::ResidentFor;

namespace {

constexpr db::ListSql kRecordList{
    .columns = R"sql(o.id, o.resident_id, r.name, o.activity_id, a.title AS activity, o.served_on, o.minutes, o.kind,
       o.content, o.entry, o.reverses_id, o.reason, u.display_name AS recorded_by, o.created_at,
       (SELECT x.id FROM volunteer_hours x WHERE x.reverses_id = o.id) AS reversed_by_id, o.community_id)sql",
    .from = R"sql(volunteer_hours o JOIN residents r ON r.id = o.resident_id
     LEFT JOIN volunteer_activities a ON a.id = o.activity_id LEFT JOIN users u ON u.id = o.recorded_by)sql",
    .order_by = "o.served_on DESC, o.id DESC",
    .count_from = "volunteer_hours o",
};

HoursRecord RecordFrom(const db::Row& r) {
    return {.id = r.Int("id"),
            .resident_id = r.Int("resident_id"),
            .community_id = r.Int("community_id"),
            .name = r.Str("name"),
            .activity_id = r.OptInt("activity_id"),
            .activity = r.OptStr("activity"),
            .served_on = r.Str("served_on"),
            .minutes = r.Int("minutes"),
            .kind = r.Str("kind"),
            .content = r.Str("content"),
            .entry = r.Str("entry"),
            .reverses_id = r.OptInt("reverses_id"),
            .reason = r.Str("reason"),
            .recorded_by = r.OptStr("recorded_by"),
            .recorded_at = r.Int("created_at"),
            .reversed_by_id = r.OptInt("reversed_by_id")};
}

db::SqlWhere RecordWhere(db::Connection& conn, const auth::Principal& p, const RecordFilter& f) {
    db::SqlWhere where;
    if (p.Can("volunteer.read")) {
        auto scope = auth::CommunityRecordScope(p);
        where.AddScope(scope.clause, scope.value);
        if (f.resident) where.Add("o.resident_id = ?", *f.resident);
    } else {
        where.Add("o.resident_id = ?", ResidentFor(conn, p, f.resident));
    }
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (f.activity) where.Add("o.activity_id = ?", *f.activity);
    if (f.from) where.Add("o.served_on >= ?", *f.from);
    if (f.to) where.Add("o.served_on <= ?", *f.to);
    return where;
}

struct HoursRow {
    int64_t id, resident_id, street_id, community_id, minutes;
    std::optional<int64_t> activity_id;
    std::string served_on, kind, content, entry;
    bool reversed;
};

std::optional<HoursRow> LoadHours(db::Connection& conn, const auth::ScopeFilter& scope, int64_t id) {
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value).Add("o.id = ?", id);
    auto rows = conn.Run(R"sql(
SELECT o.id, o.resident_id, o.street_id, o.community_id, o.minutes, o.activity_id, o.served_on, o.kind, o.content,
       o.entry, (SELECT count(*) FROM volunteer_hours x WHERE x.reverses_id = o.id) AS reversals
FROM volunteer_hours o)sql" + where.Sql(),
                         where.values());
    if (rows.empty()) return std::nullopt;
    const auto& r = rows.front();
    return HoursRow{r.Int("id"),      r.Int("resident_id"),    r.Int("street_id"),    r.Int("community_id"),
                    r.Int("minutes"), r.OptInt("activity_id"), r.Str("served_on"),    r.Str("kind"),
                    r.Str("content"), r.Str("entry"),          r.Int("reversals") > 0};
}

// Reverses `h` in full (hours and the points they earned) and, with minutes > 0, records the
// corrected amount. Returns {reversal_id, record_id}.
Correction CorrectIn(db::Connection& conn, const auth::Principal& p, const HoursRow& h, const std::string& reason,
                     std::optional<int64_t> minutes) {
    if (h.entry != "record") throw AppError(ErrorCode::kUnprocessable, "not_a_record");
    if (h.reversed) throw AppError(ErrorCode::kConflict, "already_corrected");
    if (reason.empty()) {
        throw AppError::Field("reason", "required");
    }
    if (minutes && (*minutes < 0 || *minutes > 24 * 60)) {
        throw AppError::Field("minutes", "out_of_range");
    }
    Correction out{VolunteerService::AppendReversal(conn, h.id, reason, p.user_id), std::nullopt};
    if (minutes && *minutes > 0) {
        RecordInput in{h.resident_id, h.activity_id, h.served_on, *minutes, h.kind, h.content};
        out.record_id = VolunteerService::AppendRecord(conn, in, h.street_id, h.community_id, p.user_id, reason);
    }
    return out;
}

// YYYY-MM-DD `months` before `date`, clamped to the month's last day.
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

void AddMonthly(db::Connection& conn, int64_t community, int64_t street, const std::string& served_on, int64_t resident,
                int64_t minutes, int64_t activities) {
    conn.Exec(R"sql(
INSERT INTO volunteer_monthly (community_id, month, resident_id, street_id, minutes, activities)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (community_id, month, resident_id) DO UPDATE
SET minutes = volunteer_monthly.minutes + excluded.minutes,
    activities = volunteer_monthly.activities + excluded.activities)sql",
              community, served_on.substr(0, 7), resident, street, minutes, activities);
    reports::Touch(conn, community);
}

}  // namespace

Settings VolunteerService::LoadSettings(db::Connection& conn, int64_t community) {
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

int64_t VolunteerService::AppendRecord(db::Connection& conn, const RecordInput& in, int64_t street_id,
                                       int64_t community_id, std::optional<int64_t> recorded_by,
                                       const std::string& reason) {
    int64_t id = conn.Insert(
        "INSERT INTO volunteer_hours (resident_id, activity_id, street_id, community_id, served_on, minutes, kind, "
        "content, entry, reason, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'record', ?, ?, ?)",
        in.resident_id, in.activity_id, street_id, community_id, in.served_on, in.minutes, in.kind, in.content, reason,
        recorded_by, time::NowUnix());
    AddMonthly(conn, community_id, street_id, in.served_on, in.resident_id, in.minutes, in.activity_id ? 1 : 0);
    int64_t points = in.minutes * detail::PointsPerHour(conn, community_id, in.kind) / 60;
    MovePoints(conn, in.resident_id, community_id, points, "hours", id, std::nullopt, "", recorded_by);
    return id;
}

int64_t VolunteerService::AppendReversal(db::Connection& conn, int64_t hours_id, const std::string& reason,
                                         std::optional<int64_t> recorded_by) {
    auto h = conn.QueryOne(
        "SELECT resident_id, activity_id, street_id, community_id, served_on, minutes, kind, content FROM "
        "volunteer_hours WHERE id = ? AND entry = 'record'",
        hours_id);
    if (!h) throw AppError(ErrorCode::kUnprocessable, "not_a_record");
    // The unique index on reverses_id refuses a second reversal of the same record (409).
    int64_t reversal = conn.Insert(
        "INSERT INTO volunteer_hours (resident_id, activity_id, street_id, community_id, served_on, minutes, kind, "
        "content, entry, reverses_id, reason, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'reversal', ?, "
        "?, ?, ?)",
        h->Int("resident_id"), h->OptInt("activity_id"), h->Int("street_id"), h->Int("community_id"),
        h->Str("served_on"), -h->Int("minutes"), h->Str("kind"), h->Str("content"), hours_id, reason, recorded_by,
        time::NowUnix());
    AddMonthly(conn, h->Int("community_id"), h->Int("street_id"), h->Str("served_on"), h->Int("resident_id"),
               -h->Int("minutes"), h->IsNull("activity_id") ? 0 : -1);
    int64_t earned = conn.QueryInt("SELECT coalesce(sum(delta), 0) FROM volunteer_points WHERE hours_id = ?", hours_id);
    MovePoints(conn, h->Int("resident_id"), h->Int("community_id"), -earned, "correction", reversal, std::nullopt,
               reason, recorded_by);
    return reversal;
}

RecordPage VolunteerService::Records(const auth::Principal& p, const RecordFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = RecordWhere(conn, p, f);
    RecordPage out;
    out.page = db::ListPage<HoursRecord>(conn, kRecordList, where, f.page, RecordFrom);
    out.total_minutes =
        conn.Run("SELECT coalesce(sum(o.minutes), 0) FROM volunteer_hours o" + where.Sql(), where.values())
            .front()
            .Int(0);
    return out;
}

int64_t VolunteerService::AddRecord(const auth::Principal& p, const RecordInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (!time::IsValidDate(in.served_on))
        errors.Add("served_on", "invalid_date");
    else if (in.served_on > time::Today())
        errors.Add("served_on", "in_future");
    if (in.minutes < 1 || in.minutes > 24 * 60) errors.Add("minutes", "out_of_range");
    if (std::find(Kinds().begin(), Kinds().end(), in.kind) == Kinds().end()) errors.Add("kind", "invalid_choice");
    if (in.content.empty()) errors.Add("content", "required");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::SqlWhere where = auth::WhereIn(auth::ResidentScope(p));
    where.Add("r.id = ?", in.resident_id);
    auto r = conn.Run("SELECT r.street_id, r.community_id FROM residents r" + where.Sql(), where.values());
    if (r.empty()) {
        throw AppError::Field("resident_id", "not_found");
    }
    RecordInput checked = in;
    checked.activity_id.reset();  // records of an activity come from ConfirmHours
    int64_t id = AppendRecord(conn, checked, r.front().Int("street_id"), r.front().Int("community_id"), p.user_id);
    audit::Append(conn, actor,
                  {"volunteer.hours.recorded",
                   "volunteer_hours",
                   std::to_string(id),
                   true,
                   {{"resident_id", in.resident_id}, {"minutes", in.minutes}, {"served_on", in.served_on}}});
    tx.Commit();
    return id;
}

Correction VolunteerService::Correct(const auth::Principal& p, int64_t hours_id, const std::string& reason,
                                     std::optional<int64_t> minutes, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto h = LoadHours(conn, auth::CommunityRecordScope(p), hours_id);
    if (!h) throw AppError(ErrorCode::kNotFound, "not_found");
    Correction out = CorrectIn(conn, p, *h, reason, minutes);
    audit::Append(conn, actor,
                  {"volunteer.hours.corrected",
                   "volunteer_hours",
                   std::to_string(hours_id),
                   true,
                   {{"reason", reason}, {"before_minutes", h->minutes}, {"after_minutes", minutes.value_or(0)}}});
    tx.Commit();
    return out;
}

std::string VolunteerService::ExportRecords(const auth::Principal& p, const RecordFilter& f, const std::string& lang,
                                            const audit::Actor& actor) {
    const bool en = lang == "en";
    std::vector<std::string> header =
        en ? std::vector<std::string>{"Record no.", "Volunteer", "Date",     "Activity", "Kind",        "Content",
                                      "Hours",      "Entry",     "Reverses", "Reason",   "Recorded by", "Recorded at"}
           : std::vector<std::string>{"记录号",       "志愿者", "服务日期",   "活动", "服务类别", "服务内容",
                                      "时长（小时）", "类型",   "冲正记录号", "原因", "记录人",   "记录时间"};
    db::Connection& conn = db_.Local();
    db::SqlWhere where = RecordWhere(conn, p, f);
    io::Table rows;
    for (const auto& row :
         conn.Run(db::SelectSql(kRecordList, where) + " ORDER BY o.served_on, o.id", where.values())) {
        HoursRecord r = RecordFrom(row);
        char hours[32];
        std::snprintf(hours, sizeof hours, "%.2f", static_cast<double>(r.minutes) / 60.0);
        bool record = r.entry == "record";
        rows.push_back({std::to_string(r.id), r.name, r.served_on, r.activity.value_or(""), r.kind, r.content, hours,
                        record ? (en ? "record" : "记录") : (en ? "reversal" : "冲正"),
                        r.reverses_id ? std::to_string(*r.reverses_id) : "", r.reason, r.recorded_by.value_or(""),
                        time::ToRfc3339(r.recorded_at)});
    }
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    audit::Append(
        conn, actor,
        {"volunteer.hours.exported", "volunteer_hours", "*", true, {{"rows", static_cast<int64_t>(rows.size())}}});
    tx.Commit();
    return io::WriteXlsx(en ? "Volunteer hours" : "志愿服务记录", header, rows);
}

int64_t VolunteerService::Dispute(const auth::Principal& p, int64_t hours_id, const std::string& reason,
                                  const audit::Actor& actor) {
    if (reason.empty()) {
        throw AppError::Field("reason", "required");
    }
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    int64_t me = ResidentFor(conn, p, std::nullopt);
    auto h = LoadHours(conn, {"o.resident_id = ?", me}, hours_id);
    if (!h) throw AppError(ErrorCode::kNotFound, "not_found");
    if (h->entry != "record") throw AppError(ErrorCode::kUnprocessable, "not_a_record");
    if (h->reversed) throw AppError(ErrorCode::kConflict, "already_corrected");
    if (conn.QueryInt("SELECT count(*) FROM volunteer_disputes WHERE hours_id = ? AND status = 'open'", hours_id) > 0) {
        throw AppError(ErrorCode::kConflict, "dispute_open");
    }
    int64_t id = conn.Insert(
        "INSERT INTO volunteer_disputes (hours_id, resident_id, street_id, community_id, reason, created_at) VALUES "
        "(?, ?, ?, ?, ?, ?)",
        hours_id, me, h->street_id, h->community_id, reason, time::NowUnix());
    audit::Append(
        conn, actor,
        {"volunteer.hours.disputed", "volunteer_hours", std::to_string(hours_id), true, {{"reason", reason}}});
    tx.Commit();
    return id;
}

db::Page<Dispute> VolunteerService::Disputes(const auth::Principal& p, const DisputeFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where;
    if (p.Can("volunteer.read")) {
        auto scope = auth::CommunityRecordScope(p);
        where.AddScope(scope.clause, scope.value);
    } else {
        where.Add("o.resident_id = ?", ResidentFor(conn, p, std::nullopt));
    }
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.status) where.Add("o.status = ?", *f.status);
    constexpr db::ListSql kDisputeList{
        .columns = R"sql(o.id, o.hours_id, o.resident_id, r.name, h.served_on, h.minutes, h.content, o.reason, o.status,
       o.resolution, o.created_at, o.resolved_at)sql",
        .from = R"sql(volunteer_disputes o JOIN residents r ON r.id = o.resident_id
     JOIN volunteer_hours h ON h.id = o.hours_id)sql",
        .order_by = "CASE o.status WHEN 'open' THEN 0 ELSE 1 END, o.id DESC",
        .count_from = "volunteer_disputes o",
    };
    return db::ListPage<volunteer::Dispute>(conn, kDisputeList, where, f.page, [](const db::Row& r) {
        return volunteer::Dispute{.id = r.Int("id"),
                                  .hours_id = r.Int("hours_id"),
                                  .resident_id = r.Int("resident_id"),
                                  .name = r.Str("name"),
                                  .served_on = r.Str("served_on"),
                                  .minutes = r.Int("minutes"),
                                  .content = r.Str("content"),
                                  .reason = r.Str("reason"),
                                  .status = r.Str("status"),
                                  .resolution = r.Str("resolution"),
                                  .created_at = r.Int("created_at"),
                                  .resolved_at = r.OptInt("resolved_at")};
    });
}

void VolunteerService::ResolveDispute(const auth::Principal& p, int64_t dispute_id, const std::string& outcome,
                                      const std::string& note, std::optional<int64_t> minutes,
                                      const audit::Actor& actor) {
    if (outcome != "corrected" && outcome != "upheld") {
        throw AppError::Field("outcome", "invalid_choice");
    }
    if (note.empty()) {
        throw AppError::Field("note", "required");
    }
    if (outcome == "corrected" && !minutes) {
        throw AppError::Field("minutes", "required");
    }
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", dispute_id);
    auto d = conn.Run("SELECT o.hours_id, o.status FROM volunteer_disputes o" + where.Sql(), where.values());
    if (d.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    if (d.front().Str("status") != "open") throw AppError(ErrorCode::kConflict, "dispute_resolved");
    json::object details{{"outcome", outcome}, {"note", note}};
    if (outcome == "corrected") {
        auto h = LoadHours(conn, auth::CommunityRecordScope(p), d.front().Int("hours_id"));
        if (!h) throw AppError(ErrorCode::kNotFound, "not_found");
        Correction c = CorrectIn(conn, p, *h, note, minutes);
        details["correction"] = {{"reversal_id", c.reversal_id}, {"record_id", http::OrNull(c.record_id)}};
    }
    conn.Exec("UPDATE volunteer_disputes SET status = ?, resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ?",
              outcome == "corrected" ? "corrected" : "upheld", note, p.user_id, time::NowUnix(), dispute_id);
    audit::Append(
        conn, actor,
        {"volunteer.dispute.resolved", "volunteer_dispute", std::to_string(dispute_id), true, std::move(details)});
    tx.Commit();
}

PointsStatement VolunteerService::Points(const auth::Principal& p, std::optional<int64_t> resident_id,
                                         db::PageSpan page) {
    db::Connection& conn = db_.Local();
    int64_t rid;
    if (p.Can("volunteer.read") && resident_id) {
        db::SqlWhere where = auth::WhereIn(auth::ResidentScope(p));
        where.Add("r.id = ?", *resident_id);
        if (conn.Run("SELECT r.id FROM residents r" + where.Sql(), where.values()).empty()) {
            throw AppError(ErrorCode::kNotFound, "not_found");
        }
        rid = *resident_id;
    } else {
        rid = ResidentFor(conn, p, resident_id);
    }
    constexpr db::ListSql kPointList{
        .columns = R"sql(p.id, p.delta, p.source, p.hours_id, p.redemption_id, p.note, p.created_at, h.served_on,
       h.content, w.name AS reward)sql",
        .from = R"sql(volunteer_points p LEFT JOIN volunteer_hours h ON h.id = p.hours_id
     LEFT JOIN volunteer_redemptions x ON x.id = p.redemption_id LEFT JOIN volunteer_rewards w ON w.id = x.reward_id)sql",
        .order_by = "p.id DESC",
        .count_from = "volunteer_points p",
    };
    db::SqlWhere where;
    where.Add("p.resident_id = ?", rid);
    PointsStatement out{
        .resident_id = rid,
        .balance = conn.QueryInt("SELECT balance FROM volunteer_point_balances WHERE resident_id = ?", rid)};
    out.entries = db::ListPage<PointEntry>(conn, kPointList, where, page, [](const db::Row& r) {
        return PointEntry{.id = r.Int("id"),
                          .delta = r.Int("delta"),
                          .source = r.Str("source"),
                          .hours_id = r.OptInt("hours_id"),
                          .redemption_id = r.OptInt("redemption_id"),
                          .note = r.Str("note"),
                          .created_at = r.Int("created_at"),
                          .served_on = r.OptStr("served_on"),
                          .content = r.OptStr("content"),
                          .reward = r.OptStr("reward")};
    });
    return out;
}

std::vector<Reward> VolunteerService::Rewards(const auth::Principal& p, std::optional<int64_t> community,
                                              std::optional<int64_t> id) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(RecordScope(conn, p));
    if (community) where.Add("o.community_id = ?", *community);
    if (id) where.Add("o.id = ?", *id);
    if (!p.Can("volunteer.read")) where.Add("o.active = 1");
    std::vector<Reward> out;
    for (const auto& r : conn.Run(R"sql(
SELECT o.id, o.community_id, o.name, o.description, o.points, o.stock, o.active,
       (SELECT count(*) FROM volunteer_redemptions x WHERE x.reward_id = o.id) AS redeemed
FROM volunteer_rewards o)sql" + where.Sql() +
                                      " ORDER BY o.active DESC, o.points, o.id",
                                  where.values())) {
        out.push_back({.id = r.Int("id"),
                       .community_id = r.Int("community_id"),
                       .name = r.Str("name"),
                       .description = r.Str("description"),
                       .points = r.Int("points"),
                       .stock = r.Int("stock"),
                       .active = r.Bool("active"),
                       .redeemed = r.Int("redeemed")});
    }
    return out;
}

int64_t VolunteerService::CreateReward(const auth::Principal& p, int64_t community_id, const std::string& name,
                                       const std::string& description, int64_t points, int64_t stock,
                                       const audit::Actor& actor) {
    FieldErrors errors;
    if (name.empty()) errors.Add("name", "required");
    if (points < 1 || points > 1000000) errors.Add("points", "out_of_range");
    if (stock < 0 || stock > 1000000) errors.Add("stock", "out_of_range");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto place = places::FindPlace(conn, p, community_id);
    if (!place || place->kind != "community") {
        throw AppError::Field("community_id", "not_found");
    }
    int64_t id = conn.Insert(
        "INSERT INTO volunteer_rewards (street_id, community_id, name, description, points, stock, created_at) VALUES "
        "(?, ?, ?, ?, ?, ?, ?)",
        place->street_id, community_id, name, description, points, stock, time::NowUnix());
    audit::Append(conn, actor,
                  {"volunteer.reward.created",
                   "volunteer_reward",
                   std::to_string(id),
                   true,
                   {{"name", name}, {"points", points}, {"stock", stock}}});
    tx.Commit();
    return id;
}

void VolunteerService::RestockReward(const auth::Principal& p, int64_t reward_id, int64_t add,
                                     std::optional<bool> active, const audit::Actor& actor) {
    if (add < 0 || add > 1000000) {
        throw AppError::Field("add", "out_of_range");
    }
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", reward_id);
    auto r = conn.Run("SELECT o.stock, o.active FROM volunteer_rewards o" + where.Sql(), where.values());
    if (r.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const int64_t stock = r.front().Int("stock");
    bool now_active = active.value_or(r.front().Bool("active"));
    conn.Exec("UPDATE volunteer_rewards SET stock = stock + ?, active = ? WHERE id = ?", add, now_active ? 1 : 0,
              reward_id);
    audit::Append(conn, actor,
                  {"volunteer.reward.updated",
                   "volunteer_reward",
                   std::to_string(reward_id),
                   true,
                   {{"stock_before", stock}, {"stock_after", stock + add}, {"active", now_active}}});
    tx.Commit();
}

Redemption VolunteerService::Redeem(const auth::Principal& p, int64_t reward_id, std::optional<int64_t> resident_id,
                                    const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    // Staff redeem at the desk for any resident in scope; a resident only for themselves.
    int64_t rid = residents::ResidentForAction(conn, p, resident_id, "volunteer.write", residents::Acting::kSelf);
    auto home = conn.QueryOne("SELECT community_id FROM residents WHERE id = ?", rid);
    auto reward = conn.QueryOne("SELECT name, points, community_id FROM volunteer_rewards WHERE id = ? AND active = 1",
                                reward_id);
    if (!reward || reward->Int("community_id") != home->Int("community_id"))
        throw AppError(ErrorCode::kNotFound, "not_found");
    int64_t points = reward->Int("points");
    auto [id, stock] = TakeReward(conn, reward_id, rid, p.user_id);
    int64_t balance = conn.QueryInt("SELECT balance FROM volunteer_point_balances WHERE resident_id = ?", rid);
    audit::Append(conn, actor,
                  {"volunteer.reward.redeemed",
                   "volunteer_reward",
                   std::to_string(reward_id),
                   true,
                   {{"resident_id", rid}, {"points", points}, {"redemption_id", id}}});
    tx.Commit();
    return {id, balance, stock};
}

std::pair<int64_t, int64_t> VolunteerService::TakeReward(db::Connection& conn, int64_t reward_id, int64_t resident_id,
                                                         std::optional<int64_t> by) {
    auto reward = conn.QueryOne("SELECT name, points, community_id FROM volunteer_rewards WHERE id = ?", reward_id);
    // Stock and balance are taken by conditional updates inside the write transaction: of two
    // redemptions of the last unit, the second finds none left (the CHECKs are the last guard).
    auto stock = conn.Query("UPDATE volunteer_rewards SET stock = stock - 1 WHERE id = ? AND stock > 0 RETURNING stock",
                            reward_id);
    if (stock.empty()) throw AppError(ErrorCode::kConflict, "out_of_stock");
    int64_t id = conn.Insert(
        "INSERT INTO volunteer_redemptions (reward_id, resident_id, community_id, points, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        reward_id, resident_id, reward->Int("community_id"), reward->Int("points"), by, time::NowUnix());
    MovePoints(conn, resident_id, reward->Int("community_id"), -reward->Int("points"), "redemption", std::nullopt, id,
               reward->Str("name"), by);
    return {id, stock.front().Int("stock")};
}

Rules VolunteerService::GetSettings(const auth::Principal& p, int64_t community) {
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

void VolunteerService::SaveSettings(const auth::Principal& p, int64_t community, const Settings& s,
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
        if (std::find(Kinds().begin(), Kinds().end(), kind) == Kinds().end() || pts < 0 || pts > 1000) {
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
    Settings s = VolunteerService::LoadSettings(conn, community);
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

RegularList VolunteerService::Regulars(const auth::Principal& p, int64_t community, const std::string& as_of,
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

MySummary VolunteerService::Me(const auth::Principal& p) {
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

Certificate VolunteerService::IssueCertificate(const auth::Principal& p, int64_t resident_id, const std::string& from,
                                               const std::string& to, const audit::Actor& actor) {
    FieldErrors errors;
    if (!time::IsValidDate(from)) errors.Add("from", "invalid_date");
    if (!time::IsValidDate(to))
        errors.Add("to", "invalid_date");
    else if (from > to)
        errors.Add("to", "ends_before_start");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::SqlWhere where = auth::WhereIn(auth::ResidentScope(p));
    where.Add("r.id = ?", resident_id);
    auto r = conn.Run("SELECT r.street_id, r.community_id FROM residents r" + where.Sql(), where.values());
    if (r.empty()) {
        throw AppError::Field("resident_id", "not_found");
    }
    int64_t community = r.front().Int("community_id");
    auto sums = conn.QueryOne(R"sql(
SELECT coalesce(sum(h.minutes), 0) AS minutes,
       count(DISTINCT CASE WHEN h.entry = 'record' AND NOT EXISTS
             (SELECT 1 FROM volunteer_hours x WHERE x.reverses_id = h.id) THEN coalesce(h.activity_id, -h.id) END)
         AS activities
FROM volunteer_hours h WHERE h.resident_id = ? AND h.served_on >= ? AND h.served_on <= ?)sql",
                              resident_id, from, to);
    const int64_t minutes = sums->Int("minutes"), activities = sums->Int("activities");
    if (minutes <= 0) throw AppError(ErrorCode::kUnprocessable, "no_hours_in_period");
    std::string content;
    for (const auto& k :
         conn.Query("SELECT h.content, sum(h.minutes) AS minutes FROM volunteer_hours h WHERE h.resident_id = ? AND "
                    "h.served_on >= ? "
                    "AND h.served_on <= ? GROUP BY h.content HAVING sum(h.minutes) > 0 ORDER BY sum(h.minutes) DESC, "
                    "h.content LIMIT 5",
                    resident_id, from, to)) {
        content += (content.empty() ? "" : "、") + k.Str("content");
    }
    auto community_name = conn.QueryOne("SELECT name FROM places WHERE id = ?", community)->Str(0);
    std::string issuer = community_name + "居民委员会";
    std::string today = time::Today();
    std::string prefix = "ZYFW" + today.substr(0, 4) + "-" + std::to_string(community) + "-";
    int64_t seq = conn.QueryInt("SELECT count(*) FROM volunteer_certificates WHERE number LIKE ?", prefix + "%") + 1;
    char number[64];
    std::snprintf(number, sizeof number, "%s%05lld", prefix.c_str(), static_cast<long long>(seq));
    int64_t id = conn.Insert(
        "INSERT INTO volunteer_certificates (number, resident_id, street_id, community_id, period_from, period_to, "
        "minutes, activities, content, issuer, issued_on, issued_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?)",
        std::string(number), resident_id, r.front().Int("street_id"), community, from, to, minutes, activities, content,
        issuer, today, p.user_id, time::NowUnix());
    audit::Append(conn, actor,
                  {"volunteer.certificate.issued",
                   "volunteer_certificate",
                   std::to_string(id),
                   true,
                   {{"number", number}, {"resident_id", resident_id}, {"minutes", minutes}}});
    tx.Commit();
    return Certificate(p, id);
}

Certificate VolunteerService::Certificate(const auth::Principal& p, int64_t id) {
    db::Connection& conn = db_.Local();
    auto scope = p.Can("volunteer.read") ? auth::CommunityRecordScope(p)
                                         : auth::ScopeFilter{"o.resident_id = ?", ResidentFor(conn, p, std::nullopt)};
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value).Add("o.id = ?", id);
    auto rows = conn.Run(R"sql(
SELECT o.id, o.number, o.resident_id, r.name, r.gender, r.id_masked, o.period_from, o.period_to, o.minutes,
       o.activities, o.content, o.issuer, o.issued_on
FROM volunteer_certificates o JOIN residents r ON r.id = o.resident_id)sql" +
                             where.Sql(),
                         where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const auto& r = rows.front();
    return {.id = r.Int("id"),
            .resident_id = r.Int("resident_id"),
            .number = r.Str("number"),
            .name = r.Str("name"),
            .gender = r.Str("gender"),
            .id_masked = r.Str("id_masked"),
            .from = r.Str("period_from"),
            .to = r.Str("period_to"),
            .minutes = r.Int("minutes"),
            .activities = r.Int("activities"),
            .content = r.Str("content"),
            .issuer = r.Str("issuer"),
            .issued_on = r.Str("issued_on")};
}

db::Page<Certificate> VolunteerService::Certificates(const auth::Principal& p, const CertificateFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.resident) where.Add("o.resident_id = ?", *f.resident);
    constexpr db::ListSql kCertificateList{
        .columns = "o.id, o.number, o.resident_id, r.name, o.period_from, o.period_to, o.minutes, o.issued_on",
        .from = "volunteer_certificates o JOIN residents r ON r.id = o.resident_id",
        .order_by = "o.id DESC",
        .count_from = "volunteer_certificates o",
    };
    return db::ListPage<volunteer::Certificate>(conn, kCertificateList, where, f.page, [](const db::Row& r) {
        return volunteer::Certificate{.id = r.Int("id"),
                                      .resident_id = r.Int("resident_id"),
                                      .number = r.Str("number"),
                                      .name = r.Str("name"),
                                      .from = r.Str("period_from"),
                                      .to = r.Str("period_to"),
                                      .minutes = r.Int("minutes"),
                                      .issued_on = r.Str("issued_on")};
    });
}

}  // namespace tongxin::volunteer
