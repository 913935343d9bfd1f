// Branded series (蓉城一家亲民族剧场, 民族创意工坊, 民族文化艺术周) and their events, each with its
// performers and audience; and the museum's visits, counted at the door.
#include <set>

#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"
#include "modules/culture/rules.hpp"
#include "modules/culture/service.hpp"
#include "modules/reports/memo.hpp"

namespace tongxin::culture {

namespace {

constexpr db::ListSql kEventList{
    .columns = R"sql(o.id, o.series_id, s.name AS series, o.community_id, o.title, o.held_on, o.room_id,
       coalesce(r.name, '') AS room, o.booking_id, o.place, o.audience, o.description)sql",
    .from =
        R"sql(culture_events o JOIN culture_series s ON s.id = o.series_id LEFT JOIN rooms r ON r.id = o.room_id)sql",
    .order_by = "o.held_on DESC, o.id DESC",
    .count_from = "culture_events o",
};

constexpr db::ListSql kVisitList{
    .columns = "o.id, o.venue_id, v.name AS venue, o.community_id, o.visited_on, o.kind, o.group_name, o.people",
    .from = "museum_visits o JOIN venues v ON v.id = o.venue_id",
    .order_by = "o.visited_on DESC, o.id DESC",
    .count_from = "museum_visits o",
};

}  // namespace

db::Page<Series> CultureService::SeriesList(const auth::Principal& p, const SeriesFilter& f) {
    db::Connection& conn = db_.Local();
    // The year is four digits (checked by the handler), so it may stand in the column list.
    const std::string in_year =
        f.year.empty() ? "" : " AND e.held_on >= '" + f.year + "-01-01' AND e.held_on <= '" + f.year + "-12-31'";
    const std::string columns =
        "o.id, o.community_id, o.name, o.description, o.started_on, o.ended_on, (SELECT count(*) FROM culture_events "
        "e WHERE e.series_id = o.id" +
        in_year + ") AS events, (SELECT coalesce(sum(e.audience), 0) FROM culture_events e WHERE e.series_id = o.id" +
        in_year + ") AS audience";
    const db::ListSql list{
        .columns = columns, .from = "culture_series o", .order_by = "o.started_on, o.id", .count_from = ""};
    db::SqlWhere where = Visible(conn, p);
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    return db::ListPage<Series>(conn, list, where, f.page, [](const db::Row& r) {
        return Series{.id = r.Int("id"),
                      .community_id = r.Int("community_id"),
                      .events = r.Int("events"),
                      .audience = r.Int("audience"),
                      .name = r.Str("name"),
                      .description = r.Str("description"),
                      .started_on = r.Str("started_on"),
                      .ended_on = r.OptStr("ended_on")};
    });
}

int64_t CultureService::AddSeries(const auth::Principal& p, const SeriesInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (in.name.empty()) errors.Add("name", "required");
    if (!time::IsValidDate(in.started_on)) errors.Add("started_on", "invalid_date");
    if (in.ended_on && (!time::IsValidDate(*in.ended_on) || *in.ended_on < in.started_on))
        errors.Add("ended_on", "ends_before_start");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const int64_t street = StreetOfCommunity(conn, p, in.community_id);
    if (conn.QueryInt("SELECT count(*) FROM culture_series WHERE community_id = ? AND name = ?", in.community_id,
                      in.name))
        throw AppError::Field("name", "duplicate_name");
    int64_t id = conn.Insert(
        "INSERT INTO culture_series (street_id, community_id, name, description, started_on, ended_on, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        street, in.community_id, in.name, in.description, in.started_on, in.ended_on, time::NowUnix());
    audit::Append(conn, actor,
                  {"culture.series.created", "culture_series", std::to_string(id), true, {{"name", in.name}}});
    tx.Commit();
    return id;
}

db::Page<Event> CultureService::Events(const auth::Principal& p, const EventFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = Visible(conn, p);
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.series) where.Add("o.series_id = ?", *f.series);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (!f.year.empty()) where.Add("o.held_on >= ? AND o.held_on <= ?", f.year + "-01-01", f.year + "-12-31");
    auto page = db::ListPage<Event>(conn, kEventList, where, f.page, [](const db::Row& r) {
        return Event{.id = r.Int("id"),
                     .series_id = r.Int("series_id"),
                     .community_id = r.Int("community_id"),
                     .audience = r.Int("audience"),
                     .room_id = r.OptInt("room_id"),
                     .booking_id = r.OptInt("booking_id"),
                     .series = r.Str("series"),
                     .title = r.Str("title"),
                     .held_on = r.Str("held_on"),
                     .place = r.Str("place"),
                     .room = r.Str("room"),
                     .description = r.Str("description")};
    });
    for (Event& e : page.items) {
        for (const auto& r : conn.Query("SELECT o.id, o.name FROM culture_event_performers x JOIN organizations o ON "
                                        "o.id = x.organization_id WHERE x.event_id = ? ORDER BY o.name",
                                        e.id))
            e.performers.push_back({r.Int("id"), r.Str("name")});
    }
    media::AttachPhotos(conn, kEventPhotos, page.items);
    return page;
}

int64_t CultureService::AddEvent(const auth::Principal& p, const EventInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (in.title.empty()) errors.Add("title", "required");
    if (!time::IsValidDate(in.held_on))
        errors.Add("held_on", "invalid_date");
    else if (in.held_on > time::Today())
        errors.Add("held_on", "in_future");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::SqlWhere where = Visible(conn, p);
    where.Add("o.id = ?", in.series_id);
    auto series = conn.Run("SELECT o.street_id, o.community_id FROM culture_series o" + where.Sql(), where.values());
    if (series.empty()) throw AppError::Field("series_id", "not_found");
    const int64_t community = series.front().Int("community_id");
    if (in.room_id &&
        conn.QueryInt("SELECT count(*) FROM rooms WHERE id = ? AND community_id = ?", *in.room_id, community) == 0)
        errors.Add("room_id", "not_found");
    // The booking the event used: of the same community's rooms, on the event's day.
    if (in.booking_id) {
        auto b =
            conn.QueryOne("SELECT room_id, starts_at, community_id FROM room_bookings WHERE id = ?", *in.booking_id);
        if (!b || b->Int("community_id") != community)
            errors.Add("booking_id", "not_found");
        else if (time::ToRfc3339(b->Int("starts_at")).substr(0, 10) != in.held_on)
            errors.Add("booking_id", "other_day");
    }
    std::set<int64_t> performers(in.performers.begin(), in.performers.end());
    for (int64_t o : performers)
        if (conn.QueryInt("SELECT count(*) FROM organizations WHERE id = ? AND community_id = ?", o, community) == 0)
            errors.Add("performers", "not_found");
    errors.ThrowIfAny();
    int64_t id = conn.Insert(
        "INSERT INTO culture_events (series_id, street_id, community_id, title, held_on, room_id, booking_id, place, "
        "audience, description, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        in.series_id, series.front().Int("street_id"), community, in.title, in.held_on, in.room_id, in.booking_id,
        in.place, in.audience, in.description, p.user_id, time::NowUnix());
    for (int64_t o : performers)
        conn.Exec("INSERT INTO culture_event_performers (event_id, organization_id) VALUES (?, ?)", id, o);
    reports::Touch(conn, community);
    audit::Append(conn, actor,
                  {"culture.event.recorded",
                   "culture_event",
                   std::to_string(id),
                   true,
                   {{"series_id", in.series_id}, {"held_on", in.held_on}, {"audience", in.audience}}});
    tx.Commit();
    return id;
}

db::Page<Visit> CultureService::Visits(const auth::Principal& p, const VisitFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = Visible(conn, p);
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.venue) where.Add("o.venue_id = ?", *f.venue);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (!f.from.empty()) where.Add("o.visited_on >= ?", f.from);
    if (!f.to.empty()) where.Add("o.visited_on <= ?", f.to);
    return db::ListPage<Visit>(conn, kVisitList, where, f.page, [](const db::Row& r) {
        return Visit{.id = r.Int("id"),
                     .venue_id = r.Int("venue_id"),
                     .community_id = r.Int("community_id"),
                     .people = r.Int("people"),
                     .venue = r.Str("venue"),
                     .visited_on = r.Str("visited_on"),
                     .kind = r.Str("kind"),
                     .group_name = r.Str("group_name")};
    });
}

int64_t CultureService::AddVisit(const auth::Principal& p, const VisitInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (!time::IsValidDate(in.visited_on))
        errors.Add("visited_on", "invalid_date");
    else if (in.visited_on > time::Today())
        errors.Add("visited_on", "in_future");
    if (in.kind != "group" && in.kind != "individual") errors.Add("kind", "invalid_choice");
    if (in.kind == "group" && in.group_name.empty()) errors.Add("group_name", "required");
    if (in.people < 1) errors.Add("people", "out_of_range");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::SqlWhere where = Visible(conn, p);
    where.Add("o.id = ?", in.venue_id);
    auto venue = conn.Run("SELECT o.street_id, o.community_id FROM venues o" + where.Sql(), where.values());
    if (venue.empty()) throw AppError::Field("venue_id", "not_found");
    int64_t id = conn.Insert(
        "INSERT INTO museum_visits (venue_id, street_id, community_id, visited_on, kind, group_name, people, "
        "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        in.venue_id, venue.front().Int("street_id"), venue.front().Int("community_id"), in.visited_on, in.kind,
        in.group_name, in.people, p.user_id, time::NowUnix());
    reports::Touch(conn, venue.front().Int("community_id"));
    audit::Append(conn, actor,
                  {"culture.visit.recorded",
                   "museum_visit",
                   std::to_string(id),
                   true,
                   {{"visited_on", in.visited_on}, {"people", in.people}}});
    tx.Commit();
    return id;
}

}  // namespace tongxin::culture
