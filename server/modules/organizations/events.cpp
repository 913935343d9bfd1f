// Performances and events (演出、活动) held by organizations, mostly societies.
#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "core/auth/scope.hpp"
#include "core/db/page.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"
#include "modules/organizations/service.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::organizations {
namespace json = boost::json;

namespace {

constexpr db::ListSql kEventList{
    .columns = R"sql(o.id, o.organization_id, g.name AS organization, o.held_on, o.title, o.kind, o.place, o.audience,
       (SELECT count(*) FROM event_participants x WHERE x.event_id = o.id) AS participants)sql",
    .from = "events o JOIN organizations g ON g.id = o.organization_id",
    .order_by = "o.held_on DESC, o.id DESC",
    .count_from = "events o",
};

Event EventFrom(const db::Row& r) {
    return {.id = r.Int("id"),
            .organization_id = r.Int("organization_id"),
            .organization = r.Str("organization"),
            .held_on = r.Str("held_on"),
            .title = r.Str("title"),
            .kind = r.Str("kind"),
            .place = r.Str("place"),
            .audience = r.Int("audience"),
            .participants = r.Int("participants")};
}

}  // namespace

db::Page<Event> OrganizationService::Events(const auth::Principal& p, const EventFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (f.organization) where.Add("o.organization_id = ?", *f.organization);
    if (f.year) {
        where.Add("o.held_on >= ? AND o.held_on <= ?", std::to_string(*f.year) + "-01-01",
                  std::to_string(*f.year) + "-12-31");
    }
    return db::ListPage<Event>(conn, kEventList, where, f.page, EventFrom);
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
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", in.organization_id);
    auto org = conn.Run("SELECT o.street_id, o.community_id FROM organizations o" + where.Sql(), where.values());
    if (org.empty()) {
        throw AppError::Field("organization_id", "not_found");
    }
    std::set<int64_t> participants(in.participants.begin(), in.participants.end());
    for (int64_t r : participants) {
        if (!residents::LivesInCommunity(conn, r, org.front().Int("community_id"))) {
            throw AppError::Field("participants", "not_found");
        }
    }
    int64_t id = conn.Insert(
        "INSERT INTO events (organization_id, street_id, community_id, held_on, title, kind, place, "
        "audience, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        in.organization_id, org.front().Int("street_id"), org.front().Int("community_id"), in.held_on, in.title,
        in.kind, in.place, in.audience, time::NowUnix());
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
