#include "modules/jobs/rules.hpp"

#include "core/auth/scope.hpp"
#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"
#include "modules/jobs/service.hpp"
#include "modules/places/service.hpp"

namespace tongxin::jobs {

bool IsStaff(const auth::Principal& p) {
    return (p.scope_kind == auth::ScopeKind::kStreet || p.scope_kind == auth::ScopeKind::kCommunity) &&
           p.Can("jobs.read");
}

db::SqlWhere Visible(const auth::Principal& p) {
    if (IsStaff(p)) return auth::WhereIn(auth::CommunityRecordScope(p));
    db::SqlWhere own;
    own.Add("o.resident_id = ?", p.resident_id.value_or(-1));
    return own;
}

SeekerRow VisibleSeeker(db::Connection& conn, const auth::Principal& p, int64_t id) {
    db::SqlWhere where = Visible(p);
    where.Add("o.id = ?", id);
    auto rows = conn.Run(
        "SELECT o.id, o.resident_id, o.street_id, o.community_id, o.registered_on, o.status FROM job_seekers o" +
            where.Sql(),
        where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const auto& r = rows.front();
    return {r.Int("id"),           r.Int("resident_id"),   r.Int("street_id"),
            r.Int("community_id"), r.Str("registered_on"), r.Str("status")};
}

ResidentPlace ResidentInScope(db::Connection& conn, const auth::Principal& p, int64_t resident,
                              const std::string& field) {
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", resident);
    auto rows = conn.Run("SELECT o.id, o.street_id, o.community_id FROM residents o" + where.Sql(), where.values());
    if (rows.empty()) throw AppError::Field(field, "not_found");
    return {rows.front().Int("id"), rows.front().Int("street_id"), rows.front().Int("community_id")};
}

ResidentPlace CommunityInScope(db::Connection& conn, const auth::Principal& p, int64_t community,
                               const std::string& field) {
    auto place = places::FindPlace(conn, p, community);
    if (!place || place->kind != "community" || !place->street_id) throw AppError::Field(field, "unknown_place");
    return {community, *place->street_id, community};
}

void InYear(db::SqlWhere& where, const char* clause, const std::string& year) {
    if (!year.empty()) where.Add(clause, year + "-01-01", year + "-12-31");
}

void CheckDate(FieldErrors& errors, const char* field, const std::string& date) {
    if (!time::IsValidDate(date))
        errors.Add(field, "invalid_date");
    else if (date > time::Today())
        errors.Add(field, "in_future");
}

std::vector<std::string> SplitList(const std::string& s) {
    std::vector<std::string> out;
    size_t from = 0;
    while (from < s.size()) {
        size_t to = s.find(',', from);
        if (to == std::string::npos) to = s.size();
        if (to > from) out.push_back(s.substr(from, to - from));
        from = to + 1;
    }
    return out;
}

std::string JoinList(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
    return out;
}

int64_t InsertStep(db::Connection& conn, int64_t seeker, int64_t community, const std::string& step,
                   const std::string& on_date, const std::string& helper, const std::string& note,
                   std::optional<int64_t> created_by, std::optional<int64_t> placement, std::optional<int64_t> business,
                   std::optional<int64_t> training) {
    return conn.Insert(
        "INSERT INTO job_steps (seeker_id, step, on_date, helper, note, placement_id, business_id, training_id, "
        "community_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        seeker, step, on_date, helper, note, placement, business, training, community, created_by, time::NowUnix());
}

}  // namespace tongxin::jobs
