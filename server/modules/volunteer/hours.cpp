// The hours ledger: records and their reversals (append-only), disputes, the export.
#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <cstdio>

#include "core/auth/scope.hpp"
#include "core/db/page.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/http/json_fields.hpp"
#include "core/io/sheet_import.hpp"
#include "core/time/clock.hpp"
#include "modules/dictionaries/service.hpp"
#include "modules/places/service.hpp"
#include "modules/reports/memo.hpp"
#include "modules/residents/service.hpp"
#include "modules/volunteer/service.hpp"
#include "modules/volunteer/shared.hpp"

namespace tongxin::volunteer {
namespace json = boost::json;
using detail::MovePoints;
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
    Correction out{HoursLedger::AppendReversal(conn, h.id, reason, p.user_id), std::nullopt};
    if (minutes && *minutes > 0) {
        RecordInput in{h.resident_id, h.activity_id, h.served_on, *minutes, h.kind, h.content};
        out.record_id = HoursLedger::AppendRecord(conn, in, h.street_id, h.community_id, p.user_id, reason);
    }
    return out;
}

// YYYY-MM-DD `months` before `date`, clamped to the month's last day.

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

int64_t HoursLedger::AppendRecord(db::Connection& conn, const RecordInput& in, int64_t street_id, int64_t community_id,
                                  std::optional<int64_t> recorded_by, const std::string& reason) {
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

int64_t HoursLedger::AppendReversal(db::Connection& conn, int64_t hours_id, const std::string& reason,
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

RecordPage HoursLedger::Records(const auth::Principal& p, const RecordFilter& f) {
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

int64_t HoursLedger::AddRecord(const auth::Principal& p, const RecordInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (!time::IsValidDate(in.served_on))
        errors.Add("served_on", "invalid_date");
    else if (in.served_on > time::Today())
        errors.Add("served_on", "in_future");
    if (in.minutes < 1 || in.minutes > 24 * 60) errors.Add("minutes", "out_of_range");
    if (!dictionaries::IsOffered(db_.Local(), kKindDictionary, in.kind)) errors.Add("kind", "invalid_choice");
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

Correction HoursLedger::Correct(const auth::Principal& p, int64_t hours_id, const std::string& reason,
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

std::string HoursLedger::ExportRecords(const auth::Principal& p, const RecordFilter& f, const std::string& lang,
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

namespace {

const std::vector<io::ImportColumn>& HoursColumns() {
    static const std::vector<io::ImportColumn> kAll = {
        {"name", {"姓名", "志愿者", "志愿者姓名"}, true},
        {"id_number", {"身份证号", "身份证号码", "公民身份号码"}},
        {"served_on", {"服务日期", "日期"}, true},
        {"minutes", {"时长（小时）", "服务时长（小时）", "时长", "小时"}, true},
        {"kind", {"服务类别", "类别"}, true},
        {"content", {"服务内容", "内容"}, true},
    };
    return kAll;
}

// "2", "1.5", "1.25" hours -> minutes; nullopt for anything else.
std::optional<int64_t> MinutesOf(const std::string& hours) {
    char* end = nullptr;
    double h = std::strtod(hours.c_str(), &end);
    if (hours.empty() || end != hours.c_str() + hours.size() || !(h > 0) || h > 24) return std::nullopt;
    return std::llround(h * 60);
}

}  // namespace

io::ImportReport HoursLedger::ImportRecords(const auth::Principal& p, const crypto::Vault& vault, int64_t community_id,
                                            std::string_view bytes, bool commit, const audit::Actor& actor) {
    io::ImportSheet sheet(bytes, HoursColumns());
    db::Connection& conn = db_.Local();
    auto community = places::FindPlace(conn, p, community_id);
    if (!community || community->kind != "community") throw AppError(ErrorCode::kNotFound, "not_found");
    return io::RunImport(
        conn, sheet, commit, [&](int row_no, const auto& row, auto& issues) -> std::optional<json::object> {
            std::string name = sheet.Cell(row, "name");
            residents::ResidentMatch who =
                residents::MatchResident(conn, p, vault, community_id, name, sheet.Cell(row, "id_number"));
            if (!who.id) issues.push_back({row_no, sheet.Header(who.field), who.code});
            RecordInput in;
            in.resident_id = who.id.value_or(0);
            in.served_on = sheet.DateCell(row, "served_on");
            auto minutes = MinutesOf(sheet.Cell(row, "minutes"));
            if (!minutes) issues.push_back({row_no, sheet.Header("minutes"), "out_of_range"});
            in.minutes = minutes.value_or(0);
            auto kind = dictionaries::CodeNamed(conn, kKindDictionary, sheet.Cell(row, "kind"));
            if (!kind) issues.push_back({row_no, sheet.Header("kind"), "invalid_choice"});
            in.kind = kind.value_or("");
            in.content = sheet.Cell(row, "content");
            if (!issues.empty()) return std::nullopt;
            AddRecord(p, in, actor);
            return json::object{{"name", name},
                                {"served_on", in.served_on},
                                {"minutes", in.minutes},
                                {"kind", in.kind},
                                {"content", in.content}};
        });
}

// The headers are the Chinese ones workers use (an import also reads the kinds' codes).
std::string HoursLedger::ImportTemplate() {
    return io::ImportTemplate("志愿服务时长", HoursColumns(),
                              {{"张三", "", "2021-03-05", "2", "邻里互助", "帮助独居老人购买生活用品"}});
}

int64_t HoursLedger::Dispute(const auth::Principal& p, int64_t hours_id, const std::string& reason,
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

db::Page<Dispute> HoursLedger::Disputes(const auth::Principal& p, const DisputeFilter& f) {
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

void HoursLedger::ResolveDispute(const auth::Principal& p, int64_t dispute_id, const std::string& outcome,
                                 const std::string& note, std::optional<int64_t> minutes, const audit::Actor& actor) {
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

}  // namespace tongxin::volunteer
