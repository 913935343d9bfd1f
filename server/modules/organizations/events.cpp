// Performances and events (演出、活动) held by organizations, mostly societies.
#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"
#include "modules/organizations/service.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::organizations {
namespace json = boost::json;

json::object OrganizationService::Events(const auth::Principal& p, std::optional<int64_t> community,
                                         std::optional<int64_t> org_id, std::optional<int> year, int64_t limit,
                                         int64_t offset, std::optional<int64_t> id) {
    db::Connection& conn = db_.Local();
    auto scope = auth::CommunityRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value);
    if (community) where.Add("o.community_id = ?", *community);
    if (id) where.Add("o.id = ?", *id);
    if (org_id) where.Add("o.organization_id = ?", *org_id);
    if (year)
        where.Add("o.held_on >= ? AND o.held_on <= ?", std::to_string(*year) + "-01-01",
                  std::to_string(*year) + "-12-31");
    int64_t total = conn.Run("SELECT count(*) FROM events o" + where.Sql(), where.values()).front().Int(0);
    json::array items;
    for (const auto& r :
         conn.Run("SELECT o.id, o.organization_id, g.name, o.held_on, o.title, o.kind, o.place, o.audience, (SELECT "
                  "count(*) "
                  "FROM event_participants x WHERE x.event_id = o.id) FROM events o JOIN organizations g ON g.id = "
                  "o.organization_id" +
                      where.Sql() + " ORDER BY o.held_on DESC, o.id DESC LIMIT ? OFFSET ?",
                  where.With({limit, offset}))) {
        items.push_back({{"id", r.Int(0)},
                         {"organization_id", r.Int(1)},
                         {"organization", r.Str(2)},
                         {"held_on", r.Str(3)},
                         {"title", r.Str(4)},
                         {"kind", r.Str(5)},
                         {"place", r.Str(6)},
                         {"audience", r.Int(7)},
                         {"participants", r.Int(8)}});
    }
    return {{"items", std::move(items)}, {"total", total}};
}

int64_t OrganizationService::AddEvent(const auth::Principal& p, const EventInput& in, const audit::Actor& actor) {
    static const std::vector<std::string> kKinds = {"performance", "cultural", "charity", "training", "other"};
    FieldErrors errors;
    if (!time::IsValidDate(in.held_on)) errors.Add("held_on", "invalid_date");
    if (in.title.empty()) errors.Add("title", "required");
    if (std::find(kKinds.begin(), kKinds.end(), in.kind) == kKinds.end()) errors.Add("kind", "invalid_choice");
    if (in.audience < 0 || in.audience > 1000000) errors.Add("audience", "out_of_range");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto scope = auth::CommunityRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value).Add("o.id = ?", in.organization_id);
    auto org = conn.Run("SELECT o.street_id, o.community_id FROM organizations o" + where.Sql(), where.values());
    if (org.empty()) {
        throw AppError::Field("organization_id", "not_found");
    }
    std::set<int64_t> participants(in.participants.begin(), in.participants.end());
    for (int64_t r : participants) {
        if (!residents::LivesInCommunity(conn, r, org.front().Int(1))) {
            throw AppError::Field("participants", "not_found");
        }
    }
    int64_t id = conn.Insert(
        "INSERT INTO events (organization_id, street_id, community_id, held_on, title, kind, place, "
        "audience, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        in.organization_id, org.front().Int(0), org.front().Int(1), in.held_on, in.title, in.kind, in.place,
        in.audience, time::NowUnix());
    for (int64_t r : participants)
        conn.Exec("INSERT INTO event_participants (event_id, resident_id) VALUES (?, ?)", id, r);
    audit::Append(conn, actor,
                  {"organizations.event.recorded",
                   "organization",
                   std::to_string(in.organization_id),
                   true,
                   {{"event_id", id}, {"held_on", in.held_on}, {"title", in.title}, {"audience", in.audience}}});
    tx.Commit();
    return id;
}

}  // namespace tongxin::organizations
