// Projects of the fund: their goals, income and balance, disclosures and reminders.
#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/io/spreadsheet.hpp"
#include "core/money/money.hpp"
#include "core/time/clock.hpp"
#include "modules/charity/internal.hpp"
#include "modules/charity/service.hpp"
#include "modules/places/service.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::charity {
namespace json = boost::json;
using namespace detail;

int64_t ProjectService::InsertProject(db::Connection& conn, int64_t street, const ProjectInput& in,
                                      std::optional<int64_t> by) {
    int64_t id = conn.Insert(
        "INSERT INTO charity_projects (street_id, community_id, name, goal_fen, starts_on, ends_on, description, "
        "beneficiaries, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        street, in.community_id, in.name, in.goal_fen, in.starts_on, in.ends_on, in.description, in.beneficiaries, by,
        time::NowUnix());
    AccountOf(conn, street, in.community_id, "project", id, in.name);
    return id;
}

std::vector<Project> ProjectService::Projects(const auth::Principal& p, std::optional<int64_t> community,
                                              std::optional<int64_t> id) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    if (community) where.Add("o.community_id = ?", *community);
    if (id) where.Add("o.id = ?", *id);
    std::vector<Project> out;
    for (const auto& r : conn.Run(std::string(kProjectSelect) + where.Sql() + " ORDER BY o.starts_on DESC, o.id DESC",
                                  where.values())) {
        out.push_back(ProjectFrom(r));
    }
    return out;
}

int64_t ProjectService::CreateProject(const auth::Principal& p, const ProjectInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (in.name.empty()) errors.Add("name", "required");
    if (!time::IsValidDate(in.starts_on)) errors.Add("starts_on", "invalid_date");
    if (in.ends_on && (!time::IsValidDate(*in.ends_on) || *in.ends_on < in.starts_on))
        errors.Add("ends_on", "invalid_date");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto place = places::CommunityField(conn, p, in.community_id);
    int64_t id = InsertProject(conn, *place.street_id, in, p.user_id);
    audit::Append(conn, actor,
                  {"charity.project.created",
                   "charity_project",
                   std::to_string(id),
                   true,
                   {{"name", in.name}, {"goal_fen", in.goal_fen}, {"starts_on", in.starts_on}}});
    tx.Commit();
    return id;
}

int64_t ProjectService::PublishDisclosure(const auth::Principal& p, int64_t project_id, const std::string& note,
                                          const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    if (!LoadProject(conn, p, project_id)) throw AppError(ErrorCode::kNotFound, "not_found");
    int64_t id = conn.Insert(
        "INSERT INTO charity_disclosures (project_id, published_on, note, created_by, created_at) VALUES (?, ?, ?, ?, "
        "?)",
        project_id, time::Today(), note, p.user_id, time::NowUnix());
    audit::Append(
        conn, actor,
        {"charity.disclosure.published", "charity_project", std::to_string(project_id), true, {{"note", note}}});
    tx.Commit();
    return id;
}

std::vector<Reminder> ProjectService::Reminders(const auth::Principal& p, std::optional<int64_t> community,
                                                const std::string& today) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    if (community) where.Add("o.community_id = ?", *community);
    // Dates as text compare in order; months are shifted on the string (YYYY-MM-DD).
    auto shift = [](const std::string& date, int months) {
        int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)) - months;
        while (m < 1) m += 12, --y;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%s", y, m, date.substr(8, 2).c_str());
        return std::string(buf);
    };
    where.Add("o.starts_on <= ? AND (o.ends_on IS NULL OR o.ends_on >= ?)", shift(today, 6), today);
    std::vector<Reminder> out;
    for (const auto& r : conn.Run(std::string(kProjectSelect) + where.Sql() + " ORDER BY o.id", where.values())) {
        auto last = r.OptStr("last_disclosure");
        if (last && *last > shift(today, 3)) continue;
        out.push_back({r.Int("id"), r.Str("name"), r.Str("starts_on"), last});
    }
    return out;
}

}  // namespace tongxin::charity
