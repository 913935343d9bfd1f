// Venues with their floor area and closed days, and their rooms.
#include "core/auth/scope.hpp"
#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"
#include "core/util/choices.hpp"
#include "modules/culture/rules.hpp"
#include "modules/culture/service.hpp"
#include "modules/places/service.hpp"
#include "modules/reports/memo.hpp"

namespace tongxin::culture {

namespace {

constexpr db::ListSql kVenueList{
    .columns = R"sql(o.id, o.community_id, o.name, o.address, o.area_m2, o.opened_on, o.closed_on, o.description,
       (SELECT count(*) FROM rooms x WHERE x.venue_id = o.id) AS rooms)sql",
    .from = "venues o",
    .order_by = "o.name, o.id",
    .count_from = "",
};

constexpr db::ListSql kRoomList{
    .columns = R"sql(o.id, o.venue_id, v.name AS venue, o.community_id, o.name, o.kind, o.area_m2, o.capacity, o.opens,
       o.closes, o.closed_weekdays, o.bookable, o.auto_approve)sql",
    .from = "rooms o JOIN venues v ON v.id = o.venue_id",
    .order_by = "v.name, o.name, o.id",
    .count_from = "rooms o",
};

// "1,3,7": ISO weekdays, each once, ascending.
bool ValidWeekdays(const std::string& s) {
    if (s.empty()) return true;
    char last = '0';
    for (size_t i = 0; i < s.size(); ++i) {
        if (i % 2 == 1) {
            if (s[i] != ',') return false;
            continue;
        }
        if (s[i] < '1' || s[i] > '7' || s[i] <= last) return false;
        last = s[i];
    }
    return s.size() % 2 == 1;
}

void CheckVenue(const VenueInput& in) {
    FieldErrors errors;
    if (in.name.empty()) errors.Add("name", "required");
    if (!(in.area_m2 > 0)) errors.Add("area_m2", "out_of_range");
    if (in.opened_on && !time::IsValidDate(*in.opened_on)) errors.Add("opened_on", "invalid_date");
    if (in.closed_on && !time::IsValidDate(*in.closed_on)) errors.Add("closed_on", "invalid_date");
    if (in.opened_on && in.closed_on && *in.closed_on < *in.opened_on) errors.Add("closed_on", "ends_before_start");
    errors.ThrowIfAny();
}

void CheckRoom(const RoomInput& in) {
    FieldErrors errors;
    if (in.name.empty()) errors.Add("name", "required");
    if (!util::IsOneOf(in.kind, {"hall", "museum", "reading", "craft", "reception", "rehearsal", "meeting", "other"}))
        errors.Add("kind", "invalid_choice");
    if (!time::IsValidClockTime(in.opens)) errors.Add("opens", "invalid_time");
    if (!time::IsValidClockTime(in.closes)) errors.Add("closes", "invalid_time");
    if (time::IsValidClockTime(in.opens) && time::IsValidClockTime(in.closes) && in.closes <= in.opens)
        errors.Add("closes", "ends_before_start");
    if (!ValidWeekdays(in.closed_weekdays)) errors.Add("closed_weekdays", "invalid_choice");
    if (in.area_m2 && !(*in.area_m2 > 0)) errors.Add("area_m2", "out_of_range");
    errors.ThrowIfAny();
}

struct VenueRow {
    int64_t street_id = 0, community_id = 0;
};

VenueRow VisibleVenue(db::Connection& conn, const auth::Principal& p, int64_t id, const std::string& field) {
    db::SqlWhere where = Visible(conn, p);
    where.Add("o.id = ?", id);
    auto rows = conn.Run("SELECT o.street_id, o.community_id FROM venues o" + where.Sql(), where.values());
    if (rows.empty()) {
        if (field.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
        throw AppError::Field(field, "not_found");
    }
    return {rows.front().Int("street_id"), rows.front().Int("community_id")};
}

}  // namespace

db::SqlWhere Visible(db::Connection& conn, const auth::Principal& p) {
    if (IsStaff(p)) return auth::WhereIn(auth::CommunityRecordScope(p));
    db::SqlWhere where;
    int64_t community = -1;
    if (p.resident_id) {
        auto r = conn.QueryOne("SELECT community_id FROM residents WHERE id = ?", *p.resident_id);
        if (r) community = r->Int(0);
    }
    where.Add("o.community_id = ?", community);
    return where;
}

int64_t StreetOfCommunity(db::Connection& conn, const auth::Principal& p, int64_t community, const std::string& field) {
    auto place = places::FindPlace(conn, p, community);
    if (!place || place->kind != "community" || !place->street_id) throw AppError::Field(field, "unknown_place");
    return *place->street_id;
}

db::Page<Venue> CultureService::Venues(const auth::Principal& p, const VenueFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = Visible(conn, p);
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    return db::ListPage<Venue>(conn, kVenueList, where, f.page, [](const db::Row& r) {
        return Venue{.id = r.Int("id"),
                     .community_id = r.Int("community_id"),
                     .rooms = r.Int("rooms"),
                     .name = r.Str("name"),
                     .address = r.Str("address"),
                     .description = r.Str("description"),
                     .area_m2 = r.Real("area_m2"),
                     .opened_on = r.OptStr("opened_on"),
                     .closed_on = r.OptStr("closed_on")};
    });
}

int64_t CultureService::AddVenue(const auth::Principal& p, const VenueInput& in, const audit::Actor& actor) {
    CheckVenue(in);
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const int64_t street = StreetOfCommunity(conn, p, in.community_id);
    if (conn.QueryInt("SELECT count(*) FROM venues WHERE community_id = ? AND name = ?", in.community_id, in.name))
        throw AppError::Field("name", "duplicate_name");
    const int64_t now = time::NowUnix();
    int64_t id = conn.Insert(
        "INSERT INTO venues (street_id, community_id, name, address, area_m2, opened_on, closed_on, description, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        street, in.community_id, in.name, in.address, in.area_m2, in.opened_on, in.closed_on, in.description, now, now);
    reports::Touch(conn, in.community_id);
    audit::Append(
        conn, actor,
        {"culture.venue.created", "venue", std::to_string(id), true, {{"name", in.name}, {"area_m2", in.area_m2}}});
    tx.Commit();
    return id;
}

void CultureService::UpdateVenue(const auth::Principal& p, int64_t id, const VenueInput& in,
                                 const audit::Actor& actor) {
    CheckVenue(in);
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    VenueRow v = VisibleVenue(conn, p, id, "");
    auto before = conn.QueryOne("SELECT name, address, area_m2, opened_on, closed_on FROM venues WHERE id = ?", id);
    if (conn.QueryInt("SELECT count(*) FROM venues WHERE community_id = ? AND name = ? AND id <> ?", v.community_id,
                      in.name, id))
        throw AppError::Field("name", "duplicate_name");
    conn.Exec(
        "UPDATE venues SET name = ?, address = ?, area_m2 = ?, opened_on = ?, closed_on = ?, description = ?, "
        "updated_at = ? WHERE id = ?",
        in.name, in.address, in.area_m2, in.opened_on, in.closed_on, in.description, time::NowUnix(), id);
    reports::Touch(conn, v.community_id);
    audit::Append(
        conn, actor,
        {"culture.venue.updated", "venue", std::to_string(id), true,
         audit::Diff(
             {{"name", before->Str("name")}, {"address", before->Str("address")}, {"area_m2", before->Real("area_m2")}},
             {{"name", in.name}, {"address", in.address}, {"area_m2", in.area_m2}})});
    tx.Commit();
}

void CultureService::SetClosure(const auth::Principal& p, int64_t venue, const std::string& date,
                                const std::string& reason, bool closed, const audit::Actor& actor) {
    if (!time::IsValidDate(date)) throw AppError::Field("date", "invalid_date");
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    VisibleVenue(conn, p, venue, "");
    conn.Exec("DELETE FROM venue_closures WHERE venue_id = ? AND closed_on = ?", venue, date);
    if (closed)
        conn.Exec("INSERT INTO venue_closures (venue_id, closed_on, reason) VALUES (?, ?, ?)", venue, date, reason);
    audit::Append(conn, actor,
                  {"culture.venue.closure",
                   "venue",
                   std::to_string(venue),
                   true,
                   {{"date", date}, {"closed", closed}, {"reason", reason}}});
    tx.Commit();
}

std::vector<std::pair<std::string, std::string>> CultureService::Closures(const auth::Principal& p, int64_t venue) {
    db::Connection& conn = db_.Local();
    VisibleVenue(conn, p, venue, "");
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& r :
         conn.Query("SELECT closed_on, reason FROM venue_closures WHERE venue_id = ? ORDER BY closed_on", venue))
        out.emplace_back(r.Str("closed_on"), r.Str("reason"));
    return out;
}

db::Page<Room> CultureService::Rooms(const auth::Principal& p, const RoomFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = Visible(conn, p);
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.venue) where.Add("o.venue_id = ?", *f.venue);
    if (f.id) where.Add("o.id = ?", *f.id);
    return db::ListPage<Room>(conn, kRoomList, where, f.page, [](const db::Row& r) {
        return Room{.id = r.Int("id"),
                    .venue_id = r.Int("venue_id"),
                    .community_id = r.Int("community_id"),
                    .capacity = r.Int("capacity"),
                    .venue = r.Str("venue"),
                    .name = r.Str("name"),
                    .kind = r.Str("kind"),
                    .opens = r.Str("opens"),
                    .closes = r.Str("closes"),
                    .closed_weekdays = r.Str("closed_weekdays"),
                    .area_m2 = r.IsNull("area_m2") ? std::nullopt : std::optional<double>(r.Real("area_m2")),
                    .bookable = r.Bool("bookable"),
                    .auto_approve = r.Bool("auto_approve")};
    });
}

int64_t CultureService::AddRoom(const auth::Principal& p, const RoomInput& in, const audit::Actor& actor) {
    CheckRoom(in);
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    VenueRow v = VisibleVenue(conn, p, in.venue_id, "venue_id");
    if (conn.QueryInt("SELECT count(*) FROM rooms WHERE venue_id = ? AND name = ?", in.venue_id, in.name))
        throw AppError::Field("name", "duplicate_name");
    int64_t id = conn.Insert(
        "INSERT INTO rooms (venue_id, street_id, community_id, name, kind, area_m2, capacity, opens, closes, "
        "closed_weekdays, bookable, auto_approve, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        in.venue_id, v.street_id, v.community_id, in.name, in.kind, in.area_m2, in.capacity, in.opens, in.closes,
        in.closed_weekdays, in.bookable, in.auto_approve, time::NowUnix());
    audit::Append(
        conn, actor,
        {"culture.room.created", "room", std::to_string(id), true, {{"name", in.name}, {"venue_id", in.venue_id}}});
    tx.Commit();
    return id;
}

void CultureService::UpdateRoom(const auth::Principal& p, int64_t id, const RoomInput& in, const audit::Actor& actor) {
    CheckRoom(in);
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto page = Rooms(p, {.id = id, .page = {1, 0}});
    if (page.items.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const Room& before = page.items.front();
    if (conn.QueryInt("SELECT count(*) FROM rooms WHERE venue_id = ? AND name = ? AND id <> ?", before.venue_id,
                      in.name, id))
        throw AppError::Field("name", "duplicate_name");
    conn.Exec(
        "UPDATE rooms SET name = ?, kind = ?, area_m2 = ?, capacity = ?, opens = ?, closes = ?, closed_weekdays = ?, "
        "bookable = ?, auto_approve = ? WHERE id = ?",
        in.name, in.kind, in.area_m2, in.capacity, in.opens, in.closes, in.closed_weekdays, in.bookable,
        in.auto_approve, id);
    audit::Append(conn, actor,
                  {"culture.room.updated", "room", std::to_string(id), true,
                   audit::Diff({{"name", before.name},
                                {"opens", before.opens},
                                {"closes", before.closes},
                                {"closed_weekdays", before.closed_weekdays},
                                {"auto_approve", before.auto_approve}},
                               {{"name", in.name},
                                {"opens", in.opens},
                                {"closes", in.closes},
                                {"closed_weekdays", in.closed_weekdays},
                                {"auto_approve", in.auto_approve}})});
    tx.Commit();
}

}  // namespace tongxin::culture
