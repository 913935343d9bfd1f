#include "modules/shuttle/service.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "core/auth/scope.hpp"
#include "core/crypto/vault.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/text/chinese.hpp"
#include "core/time/clock.hpp"
#include "modules/places/service.hpp"
#include "modules/residents/service.hpp"
#include "modules/volunteer/service.hpp"

namespace tongxin::shuttle {
namespace json = boost::json;

namespace {

auth::ScopeFilter TripScope(db::Connection& conn, const auth::Principal& p) {
    if (p.Can("shuttle.read")) return auth::CommunityRecordScope(p);
    return {"o.community_id = ?", residents::HomeCommunity(conn, p).value_or(-1)};
}

// What the writers of a trip check: its state, the service's rules and where it belongs.
struct TripState {
    int64_t id = 0, community_id = 0, street_id = 0, departs_at = 0, deadline = 0, seats = 0, booked = 0;
    std::string status, trip_date;
    std::optional<int64_t> min_age, max_age;
    std::string declaration, service;
};

constexpr std::string_view kTripStateSelect = R"sql(
SELECT o.id, o.community_id, o.street_id, o.departs_at, o.booking_deadline, o.seats, o.booked_count, o.status,
       o.trip_date, s.min_age, s.max_age, s.declaration, s.name AS service
FROM shuttle_trips o JOIN shuttle_services s ON s.id = o.service_id)sql";

TripState TripStateFrom(const db::Row& r) {
    return {.id = r.Int("id"),
            .community_id = r.Int("community_id"),
            .street_id = r.Int("street_id"),
            .departs_at = r.Int("departs_at"),
            .deadline = r.Int("booking_deadline"),
            .seats = r.Int("seats"),
            .booked = r.Int("booked_count"),
            .status = r.Str("status"),
            .trip_date = r.Str("trip_date"),
            .min_age = r.OptInt("min_age"),
            .max_age = r.OptInt("max_age"),
            .declaration = r.Str("declaration"),
            .service = r.Str("service")};
}

// With `lock`, the trip row is locked for the transaction, only after the scope check (a trip of
// another community is never locked) and read under the lock.
TripState LoadTrip(db::Connection& conn, const auth::Principal& p, int64_t id, bool lock) {
    db::SqlWhere where = auth::WhereIn(TripScope(conn, p));
    where.Add("o.id = ?", id);
    if (lock) {
        if (conn.Run("SELECT o.id FROM shuttle_trips o" + where.Sql(), where.values()).empty())
            throw AppError(ErrorCode::kNotFound, "not_found");
        conn.Query("SELECT id FROM shuttle_trips WHERE id = ?" + std::string(conn.ForUpdate()), id);
    }
    auto rows = conn.Run(std::string(kTripStateSelect) + where.Sql(), where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    return TripStateFrom(rows.front());
}

// The principal's volunteer assignment on the trip, if they have one.
std::optional<int64_t> DutyOf(db::Connection& conn, const auth::Principal& p, int64_t trip) {
    if (!p.resident_id) return std::nullopt;
    auto r =
        conn.QueryOne("SELECT id FROM shuttle_volunteers WHERE trip_id = ? AND resident_id = ?", trip, *p.resident_id);
    return r ? r->OptInt(0) : std::nullopt;
}

// A boarding pass code: random, short enough for a legible QR code.
std::string NewPassCode() { return crypto::RandomToken().substr(0, 22); }

// Waiting residents' places in the queue: a queue number less the departures (promotions and
// cancellations) ahead of it. `exits` are the trip's departed numbers, sorted.
std::vector<int64_t> QueueExits(db::Connection& conn, int64_t trip) {
    std::vector<int64_t> out;
    for (const auto& r :
         conn.Query("SELECT queue_no FROM shuttle_queue_exits WHERE trip_id = ? ORDER BY queue_no", trip)) {
        out.push_back(r.Int("queue_no"));
    }
    return out;
}

int64_t PositionOf(int64_t queue_no, const std::vector<int64_t>& exits) {
    return queue_no - static_cast<int64_t>(std::lower_bound(exits.begin(), exits.end(), queue_no) - exits.begin());
}

// acted_by: who booked for the resident, when it was someone else (a leader, a relative, the desk).
constexpr std::string_view kBookingSelect = R"sql(
SELECT x.id, x.status, x.queue_no, s.name AS stop, s.stop_time, x.promoted_at,
       CASE WHEN u.resident_id IS NULL OR u.resident_id <> x.resident_id THEN u.display_name END AS acted_by
FROM shuttle_reservations x JOIN shuttle_stops s ON s.id = x.stop_id LEFT JOIN users u ON u.id = x.booked_by
WHERE x.trip_id = ? AND x.resident_id = ?)sql";

std::optional<Booking> BookingOf(db::Connection& conn, int64_t trip, int64_t resident) {
    auto r = conn.QueryOne(kBookingSelect, trip, resident);
    if (!r) return std::nullopt;
    Booking b{.id = r->Int("id"),
              .status = r->Str("status"),
              .stop = r->Str("stop"),
              .stop_time = r->Str("stop_time"),
              .promoted_at = r->OptInt("promoted_at"),
              .acted_by = r->OptStr("acted_by")};
    if (b.status == "waitlisted") b.position = PositionOf(r->Int("queue_no"), QueueExits(conn, trip));
    return b;
}

constexpr db::ListSql kTripList{
    .columns = R"sql(o.id, o.service_id, o.community_id, s.name AS service, s.destination, s.operator, o.trip_date,
       o.departs_at, o.booking_deadline, o.vehicle, o.seats, o.booked_count, o.status, s.declaration,
       (SELECT count(*) FROM shuttle_reservations w WHERE w.trip_id = o.id AND w.status = 'waitlisted') AS waitlisted,
       (SELECT count(*) FROM shuttle_volunteers v WHERE v.trip_id = o.id) AS volunteers)sql",
    .from = "shuttle_trips o JOIN shuttle_services s ON s.id = o.service_id",
    .order_by = "o.departs_at DESC, o.id",
    .count_from = "",
};

Trip TripFrom(const db::Row& r) {
    return {.id = r.Int("id"),
            .service_id = r.Int("service_id"),
            .community_id = r.Int("community_id"),
            .service = r.Str("service"),
            .destination = r.Str("destination"),
            .op = r.Str("operator"),
            .trip_date = r.Str("trip_date"),
            .departs_at = r.Int("departs_at"),
            .booking_deadline = r.Int("booking_deadline"),
            .vehicle = r.Str("vehicle"),
            .seats = r.Int("seats"),
            .booked = r.Int("booked_count"),
            .status = r.Str("status"),
            .waitlisted = r.Int("waitlisted"),
            .declaration = r.Str("declaration"),
            .volunteers = r.Int("volunteers")};
}

constexpr std::string_view kDutySelect = R"sql(
SELECT v.minutes, s.name AS stop, s.stop_time
FROM shuttle_volunteers v LEFT JOIN shuttle_stops s ON s.id = v.stop_id
WHERE v.trip_id = ? AND v.resident_id = ?)sql";

// The trip's stops, and for a resident-facing caller their duty and their booking.
void Complete(db::Connection& conn, const auth::Principal& p, Trip& t) {
    for (const auto& s : conn.Query(
             "SELECT id, name, stop_time, compound_id FROM shuttle_stops WHERE trip_id = ? ORDER BY seq", t.id)) {
        t.stops.push_back({s.Int("id"), s.Str("name"), s.Str("stop_time"), s.OptInt("compound_id")});
    }
    if (!p.resident_id) return;
    if (auto d = conn.QueryOne(kDutySelect, t.id, *p.resident_id)) {
        t.duty = Duty{d->Int("minutes"), d->OptStr("stop"), d->OptStr("stop_time")};
    }
    t.mine = BookingOf(conn, t.id, *p.resident_id);
}

constexpr db::ListSql kServiceList{
    .columns = "o.id, o.community_id, o.name, o.destination, o.operator, o.min_age, o.max_age, o.declaration",
    .from = "shuttle_services o",
    .order_by = "o.id DESC",
    .count_from = "",
};

Service ServiceFrom(const db::Row& r) {
    return {.id = r.Int("id"),
            .community_id = r.Int("community_id"),
            .name = r.Str("name"),
            .destination = r.Str("destination"),
            .op = r.Str("operator"),
            .min_age = r.OptInt("min_age"),
            .max_age = r.OptInt("max_age"),
            .declaration = r.Str("declaration")};
}

}  // namespace

db::Page<Trip> ShuttleService::Trips(const auth::Principal& p, std::optional<int64_t> community,
                                     std::optional<int64_t> trip) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(TripScope(conn, p));
    if (community) where.Add("o.community_id = ?", *community);
    if (trip) where.Add("o.id = ?", *trip);
    // Every trip in scope on one page: a community runs a handful a year.
    auto page = db::ListAll<Trip>(conn, kTripList, where, TripFrom);
    for (Trip& t : page.items) Complete(conn, p, t);
    return page;
}

Trip ShuttleService::GetTrip(const auth::Principal& p, int64_t trip) {
    auto page = Trips(p, std::nullopt, trip);
    if (page.items.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    return std::move(page.items.front());
}

db::Page<Service> ShuttleService::Services(const auth::Principal& p, std::optional<int64_t> community,
                                           std::optional<int64_t> id) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    if (community) where.Add("o.community_id = ?", *community);
    if (id) where.Add("o.id = ?", *id);
    return db::ListAll<Service>(conn, kServiceList, where, ServiceFrom);
}

int64_t ShuttleService::CreateService(const auth::Principal& p, const ServiceInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (in.name.empty()) errors.Add("name", "required");
    if (in.destination.empty()) errors.Add("destination", "required");
    if (in.min_age && in.max_age && *in.min_age > *in.max_age) errors.Add("max_age", "out_of_range");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto place = places::CommunityField(conn, p, in.community_id);
    int64_t id = conn.Insert(R"sql(
INSERT INTO shuttle_services (street_id, community_id, name, destination, operator, min_age, max_age, declaration,
                              created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))sql",
                             place.street_id, in.community_id, in.name, in.destination, in.op, in.min_age, in.max_age,
                             in.declaration, time::NowUnix());
    audit::Append(conn, actor,
                  {"shuttle.service.created",
                   "shuttle_service",
                   std::to_string(id),
                   true,
                   {{"name", in.name}, {"destination", in.destination}, {"declaration", in.declaration}}});
    tx.Commit();
    return id;
}

int64_t ShuttleService::CreateTrip(const auth::Principal& p, const TripInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (!time::IsValidDate(in.trip_date)) errors.Add("trip_date", "invalid_date");
    if (in.vehicle.empty()) errors.Add("vehicle", "required");
    if (in.seats < 1 || in.seats > 1000) errors.Add("seats", "out_of_range");
    if (in.booking_deadline > in.departs_at) errors.Add("booking_deadline", "after_departure");
    if (in.stops.empty()) errors.Add("stops", "required");
    for (const StopInput& stop : in.stops) {
        // A gate's name (or its compound's) and its time as HH:MM (24-hour).
        if ((text::Trim(stop.name).empty() && !stop.compound_id) || text::Utf8Chars(stop.name).size() > 100 ||
            !time::IsValidClockTime(stop.time)) {
            errors.Add("stops", "invalid_stop");
        }
    }
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", in.service_id);
    auto service = conn.Run("SELECT o.street_id, o.community_id FROM shuttle_services o" + where.Sql(), where.values());
    if (service.empty()) throw AppError::Field("service_id", "not_found");
    int64_t id = conn.Insert(R"sql(
INSERT INTO shuttle_trips (service_id, street_id, community_id, trip_date, departs_at, booking_deadline, vehicle,
                           seats, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))sql",
                             in.service_id, service.front().Int("street_id"), service.front().Int("community_id"),
                             in.trip_date, in.departs_at, in.booking_deadline, in.vehicle, in.seats, time::NowUnix());
    int64_t seq = 0;
    for (const StopInput& stop : in.stops) {
        std::string name = text::Trim(stop.name);
        if (stop.compound_id) {
            // The compound is one of the trip's community's.
            auto compound = conn.QueryOne("SELECT name FROM compounds WHERE id = ? AND community_id = ?",
                                          *stop.compound_id, service.front().Int("community_id"));
            if (!compound) throw AppError::Field("stops", "unknown_compound");
            if (name.empty()) name = compound->Str("name") + "大门";
        }
        conn.Exec("INSERT INTO shuttle_stops (trip_id, seq, name, stop_time, compound_id) VALUES (?, ?, ?, ?, ?)", id,
                  ++seq, name, stop.time, stop.compound_id);
    }
    audit::Append(conn, actor,
                  {"shuttle.trip.created",
                   "shuttle_trip",
                   std::to_string(id),
                   true,
                   {{"trip_date", in.trip_date}, {"seats", in.seats}, {"vehicle", in.vehicle}}});
    tx.Commit();
    return id;
}

Booking ShuttleService::Reserve(const auth::Principal& p, int64_t trip_id, std::optional<int64_t> resident_id,
                                int64_t stop_id, bool declared, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    TripState t = LoadTrip(conn, p, trip_id, true);
    int64_t now = time::NowUnix();
    if (t.status != "open" || now > t.deadline) throw AppError(ErrorCode::kConflict, "booking_closed");
    // A leader books only residents of their own group: their place scope decides.
    int64_t rid = residents::ResidentForAction(conn, p, resident_id, "shuttle.write", residents::Acting::kProxy);
    auto person = conn.QueryOne("SELECT community_id, birth_date FROM residents WHERE id = ?", rid);
    if (person->Int("community_id") != t.community_id) throw AppError::Field("resident_id", "not_in_community");
    if (t.min_age || t.max_age) {
        if (person->IsNull("birth_date")) throw AppError(ErrorCode::kUnprocessable, "not_eligible");
        std::string b = person->Str("birth_date");
        int age = std::stoi(t.trip_date.substr(0, 4)) - std::stoi(b.substr(0, 4)) -
                  (t.trip_date.substr(5) < b.substr(5) ? 1 : 0);
        if ((t.min_age && age < *t.min_age) || (t.max_age && age > *t.max_age)) {
            throw AppError(ErrorCode::kUnprocessable, "not_eligible");
        }
    }
    if (conn.QueryInt("SELECT count(*) FROM shuttle_stops WHERE id = ? AND trip_id = ?", stop_id, trip_id) == 0) {
        throw AppError::Field("stop_id", "not_found");
    }
    if (!t.declaration.empty() && !declared) throw AppError::Field("declared", "declaration_required");
    std::optional<int64_t> declared_at;
    if (!t.declaration.empty()) declared_at = now;
    auto existing = conn.QueryOne("SELECT id, status FROM shuttle_reservations WHERE trip_id = ? AND resident_id = ?",
                                  trip_id, rid);
    if (existing && existing->Str("status") != "cancelled") throw AppError(ErrorCode::kConflict, "already_booked");
    bool seat = !conn.Query(
                         "UPDATE shuttle_trips SET booked_count = booked_count + 1 WHERE id = ? AND booked_count < "
                         "seats RETURNING booked_count",
                         trip_id)
                     .empty();
    std::string status = seat ? "confirmed" : "waitlisted";
    std::optional<int64_t> queue_no;
    if (!seat) {
        queue_no = conn.Query(
                           "UPDATE shuttle_trips SET waitlist_seq = waitlist_seq + 1 WHERE id = ? RETURNING "
                           "waitlist_seq",
                           trip_id)
                       .front()
                       .Int("waitlist_seq");
    }
    if (existing) {
        conn.Exec(
            "UPDATE shuttle_reservations SET status = ?, stop_id = ?, booked_by = ?, booked_at = ?, queue_no = ?, "
            "pass_code = ?, declared_at = ?, promoted_at = NULL WHERE id = ?",
            status, stop_id, p.user_id, now, queue_no, NewPassCode(), declared_at, existing->Int("id"));
    } else {
        conn.Exec(
            "INSERT INTO shuttle_reservations (trip_id, resident_id, stop_id, status, booked_by, booked_at, queue_no, "
            "pass_code, declared_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            trip_id, rid, stop_id, status, p.user_id, now, queue_no, NewPassCode(), declared_at);
    }
    Booking out = *BookingOf(conn, trip_id, rid);
    audit::Append(
        conn, actor,
        {"shuttle.reservation.made",
         "shuttle_trip",
         std::to_string(trip_id),
         true,
         {{"resident_id", rid}, {"status", status}, {"for_neighbour", !p.resident_id || *p.resident_id != rid}}});
    tx.Commit();
    return out;
}

Cancellation ShuttleService::Cancel(const auth::Principal& p, int64_t trip_id, std::optional<int64_t> resident_id,
                                    const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    TripState t = LoadTrip(conn, p, trip_id, true);
    if (time::NowUnix() > t.deadline) throw AppError(ErrorCode::kConflict, "cancel_deadline_passed");
    int64_t rid = residents::ResidentForAction(conn, p, resident_id, "shuttle.write", residents::Acting::kProxy);
    auto r = conn.QueryOne(
        "SELECT id, status, queue_no FROM shuttle_reservations WHERE trip_id = ? AND resident_id = ? AND status IN "
        "('confirmed', 'waitlisted')",
        trip_id, rid);
    if (!r) throw AppError(ErrorCode::kNotFound, "not_found");
    conn.Exec("UPDATE shuttle_reservations SET status = 'cancelled' WHERE id = ?", r->Int("id"));
    if (r->Str("status") == "waitlisted") {
        conn.Exec("INSERT INTO shuttle_queue_exits (trip_id, queue_no) VALUES (?, ?)", trip_id, r->Int("queue_no"));
    }
    Cancellation out;
    if (r->Str("status") == "confirmed") {
        conn.Exec("UPDATE shuttle_trips SET booked_count = booked_count - 1 WHERE id = ?", trip_id);
        auto next = conn.QueryOne(R"sql(
SELECT x.id, x.resident_id, rs.name, x.queue_no
FROM shuttle_reservations x JOIN residents rs ON rs.id = x.resident_id
WHERE x.trip_id = ? AND x.status = 'waitlisted' ORDER BY x.queue_no LIMIT 1)sql",
                                  trip_id);
        if (next) {
            conn.Exec("UPDATE shuttle_reservations SET status = 'confirmed', promoted_at = ? WHERE id = ?",
                      time::NowUnix(), next->Int("id"));
            conn.Exec("INSERT INTO shuttle_queue_exits (trip_id, queue_no) VALUES (?, ?)", trip_id,
                      next->Int("queue_no"));
            conn.Exec("UPDATE shuttle_trips SET booked_count = booked_count + 1 WHERE id = ?", trip_id);
            out.promoted = Promoted{next->Int("resident_id"), next->Str("name")};
        }
    }
    json::value promoted = nullptr;
    if (out.promoted) promoted = json::object{{"resident_id", out.promoted->resident_id}, {"name", out.promoted->name}};
    audit::Append(conn, actor,
                  {"shuttle.reservation.cancelled",
                   "shuttle_trip",
                   std::to_string(trip_id),
                   true,
                   {{"resident_id", rid}, {"promoted", std::move(promoted)}}});
    tx.Commit();
    return out;
}

namespace {
constexpr std::string_view kReservationSelect = R"sql(
SELECT x.id, x.resident_id, r.name, r.phone_masked, s.name AS stop, s.stop_time, x.status,
       u.display_name AS booked_by, x.boarded_at, x.queue_no, x.declared_at, x.promoted_at,
       (SELECT min(g.display_name) FROM users g
         WHERE g.role = 'group_leader' AND g.disabled = 0 AND g.scope_place_id IN (r.grid_id, r.building_id))
         AS group_leader
FROM shuttle_reservations x JOIN residents r ON r.id = x.resident_id JOIN shuttle_stops s ON s.id = x.stop_id
LEFT JOIN users u ON u.id = x.booked_by)sql";
constexpr std::string_view kReservationOrder =
    " ORDER BY s.seq, CASE x.status WHEN 'waitlisted' THEN 1 WHEN 'cancelled' THEN 2 ELSE 0 END, x.queue_no, "
    "x.booked_at, x.id";

Reservation ReservationFrom(const db::Row& r) {
    return {.id = r.Int("id"),
            .resident_id = r.Int("resident_id"),
            .name = r.Str("name"),
            .phone_masked = r.Str("phone_masked"),
            .stop = r.Str("stop"),
            .stop_time = r.Str("stop_time"),
            .status = r.Str("status"),
            .booked_by = r.OptStr("booked_by"),
            .group_leader = r.OptStr("group_leader"),
            .boarded_at = r.OptInt("boarded_at"),
            .declared_at = r.OptInt("declared_at"),
            .promoted_at = r.OptInt("promoted_at"),
            .queue_no = r.OptInt("queue_no")};
}
}  // namespace

ReservationList ShuttleService::Reservations(const auth::Principal& p, int64_t trip_id) {
    db::Connection& conn = db_.Local();
    TripState t = LoadTrip(conn, p, trip_id, false);
    db::SqlWhere where;
    where.Add("x.trip_id = ?", t.id);
    // Staff see everyone with full names; those who board riders (a volunteer team lead, the
    // trip's volunteers) see everyone by masked name (to find them at the stop); a group leader
    // sees the residents of their group.
    const bool staff = p.Can("shuttle.read");
    const bool volunteer = !staff && (p.Can("shuttle.board") || DutyOf(conn, p, t.id).has_value());
    if (!staff && !volunteer) {
        auto scope = auth::ResidentScope(p);
        where.AddScope(scope.clause, scope.value);
    }
    ReservationList out;
    out.names_masked = volunteer;
    // Whether the declaration was confirmed: for those who organise the trip only.
    out.show_declared = p.Can("shuttle.write") && !t.declaration.empty();
    const std::vector<int64_t> exits = QueueExits(conn, t.id);
    for (const auto& r :
         conn.Run(std::string(kReservationSelect) + where.Sql() + std::string(kReservationOrder), where.values())) {
        Reservation x = ReservationFrom(r);
        x.name_masked = text::MaskName(x.name);
        if (volunteer) {
            x.resident_id = 0;
            x.name.clear();
            x.phone_masked.clear();
            x.booked_by.reset();
        }
        if (x.status == "waitlisted" && x.queue_no) x.position = PositionOf(*x.queue_no, exits);
        out.items.push_back(std::move(x));
    }
    return out;
}

Pass ShuttleService::Pass(const auth::Principal& p, int64_t trip_id, std::optional<int64_t> resident_id) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    TripState t = LoadTrip(conn, p, trip_id, false);
    int64_t rid = residents::ResidentForAction(conn, p, resident_id, "shuttle.write", residents::Acting::kProxy);
    auto r = conn.QueryOne(R"sql(
SELECT x.id, x.status, x.pass_code, s.name AS stop, s.stop_time, rs.name
FROM shuttle_reservations x JOIN shuttle_stops s ON s.id = x.stop_id JOIN residents rs ON rs.id = x.resident_id
WHERE x.trip_id = ? AND x.resident_id = ?)sql",
                           trip_id, rid);
    if (!r) throw AppError(ErrorCode::kNotFound, "not_found");
    shuttle::Pass out{.reservation_id = r->Int("id"),
                      .code = r->OptStr("pass_code").value_or(""),
                      .status = r->Str("status"),
                      .name_masked = text::MaskName(r->Str("name")),
                      .stop = r->Str("stop"),
                      .stop_time = r->Str("stop_time"),
                      .trip_date = t.trip_date,
                      .service = t.service,
                      .departs_at = t.departs_at};
    if (out.status != "confirmed" && out.status != "boarded")
        throw AppError(ErrorCode::kConflict, "seat_not_confirmed");
    if (out.code.empty()) {  // booked before passes existed
        out.code = NewPassCode();
        conn.Exec("UPDATE shuttle_reservations SET pass_code = ? WHERE id = ?", out.code, out.reservation_id);
    }
    tx.Commit();
    return out;
}

Boarding ShuttleService::Board(const auth::Principal& p, int64_t trip_id, std::optional<int64_t> reservation_id,
                               const std::optional<std::string>& pass, const audit::Actor& actor) {
    if (!reservation_id && !pass) throw AppError::Field("reservation_id", "required");
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    TripState t = LoadTrip(conn, p, trip_id, false);
    if (!p.Can("shuttle.board") && !DutyOf(conn, p, t.id)) throw AppError(ErrorCode::kForbidden, "forbidden");
    if (t.status != "open") throw AppError(ErrorCode::kConflict, "trip_closed");
    const std::string by = reservation_id ? "x.id = ?" : "x.pass_code = ?";
    auto rows = conn.Run(R"sql(
SELECT x.id, x.status, rs.name, s.name AS stop
FROM shuttle_reservations x JOIN residents rs ON rs.id = x.resident_id JOIN shuttle_stops s ON s.id = x.stop_id
WHERE x.trip_id = ? AND )sql" +
                             by,
                         {trip_id, reservation_id ? db::Value(*reservation_id) : db::Value(*pass)});
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, reservation_id ? "not_found" : "pass_not_found");
    const auto& r = rows.front();
    Boarding out{.already = r.Str("status") == "boarded",
                 .reservation_id = r.Int("id"),
                 .name_masked = text::MaskName(r.Str("name")),
                 .stop = r.Str("stop")};
    if (!out.already && r.Str("status") != "confirmed") throw AppError(ErrorCode::kConflict, "seat_not_confirmed");
    if (!out.already) {
        conn.Exec("UPDATE shuttle_reservations SET status = 'boarded', boarded_at = ? WHERE id = ?", time::NowUnix(),
                  out.reservation_id);
        audit::Append(conn, actor,
                      {"shuttle.boarded",
                       "shuttle_trip",
                       std::to_string(trip_id),
                       true,
                       {{"reservation_id", out.reservation_id}, {"by", pass ? "pass" : "list"}}});
    }
    tx.Commit();
    return out;
}

void ShuttleService::Close(const auth::Principal& p, int64_t trip_id, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    TripState t = LoadTrip(conn, p, trip_id, true);
    if (t.status != "open") throw AppError(ErrorCode::kConflict, "trip_closed");
    int64_t no_shows =
        conn.QueryInt("SELECT count(*) FROM shuttle_reservations WHERE trip_id = ? AND status = 'confirmed'", trip_id);
    conn.Exec("UPDATE shuttle_reservations SET status = 'no_show' WHERE trip_id = ? AND status = 'confirmed'", trip_id);
    conn.Exec("UPDATE shuttle_reservations SET declared_at = NULL WHERE trip_id = ?", trip_id);
    conn.Exec("UPDATE shuttle_trips SET status = 'closed' WHERE id = ?", trip_id);
    // The volunteers' service goes to the volunteer ledger (hours, points, regular-volunteer figures).
    json::array hours;
    for (const auto& v : conn.Query("SELECT id, resident_id, minutes FROM shuttle_volunteers WHERE trip_id = ? AND "
                                    "hours_id IS NULL ORDER BY id",
                                    trip_id)) {
        volunteer::RecordInput in{v.Int("resident_id"), std::nullopt,
                                  t.trip_date,          v.Int("minutes"),
                                  "social_service",     "社区接驳车志愿服务：" + t.service + " " + t.trip_date};
        int64_t h = volunteer::HoursLedger::AppendRecord(conn, in, t.street_id, t.community_id, p.user_id);
        conn.Exec("UPDATE shuttle_volunteers SET hours_id = ? WHERE id = ?", h, v.Int("id"));
        hours.push_back(h);
    }
    audit::Append(conn, actor,
                  {"shuttle.trip.closed",
                   "shuttle_trip",
                   std::to_string(trip_id),
                   true,
                   {{"no_shows", no_shows}, {"volunteer_hours_ids", std::move(hours)}}});
    tx.Commit();
}

int64_t ShuttleService::AssignVolunteer(const auth::Principal& p, int64_t trip_id, int64_t resident_id,
                                        std::optional<int64_t> stop_id, int64_t minutes, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    TripState t = LoadTrip(conn, p, trip_id, true);
    if (t.status != "open") throw AppError(ErrorCode::kConflict, "trip_closed");
    FieldErrors errors;
    auto person = conn.QueryOne("SELECT community_id, moved_out FROM residents WHERE id = ?", resident_id);
    if (!person || person->Int("community_id") != t.community_id || !person->IsNull("moved_out"))
        errors.Add("resident_id", "not_in_community");
    if (stop_id &&
        conn.QueryInt("SELECT count(*) FROM shuttle_stops WHERE id = ? AND trip_id = ?", *stop_id, trip_id) == 0) {
        errors.Add("stop_id", "not_found");
    }
    errors.ThrowIfAny();
    if (conn.QueryInt("SELECT count(*) FROM shuttle_volunteers WHERE trip_id = ? AND resident_id = ?", trip_id,
                      resident_id) > 0) {
        throw AppError(ErrorCode::kConflict, "already_assigned");
    }
    int64_t id = conn.Insert(
        "INSERT INTO shuttle_volunteers (trip_id, resident_id, stop_id, minutes, assigned_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        trip_id, resident_id, stop_id, minutes, p.user_id, time::NowUnix());
    audit::Append(conn, actor,
                  {"shuttle.volunteer.assigned",
                   "shuttle_trip",
                   std::to_string(trip_id),
                   true,
                   {{"resident_id", resident_id},
                    {"stop_id", stop_id ? json::value(*stop_id) : json::value(nullptr)},
                    {"minutes", minutes}}});
    tx.Commit();
    return id;
}

void ShuttleService::RemoveVolunteer(const auth::Principal& p, int64_t trip_id, int64_t assignment_id,
                                     const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    LoadTrip(conn, p, trip_id, true);
    auto v = conn.QueryOne("SELECT resident_id, hours_id FROM shuttle_volunteers WHERE id = ? AND trip_id = ?",
                           assignment_id, trip_id);
    if (!v) throw AppError(ErrorCode::kNotFound, "not_found");
    if (!v->IsNull("hours_id")) throw AppError(ErrorCode::kConflict, "hours_recorded");
    conn.Exec("DELETE FROM shuttle_volunteers WHERE id = ?", assignment_id);
    audit::Append(conn, actor,
                  {"shuttle.volunteer.removed",
                   "shuttle_trip",
                   std::to_string(trip_id),
                   true,
                   {{"resident_id", v->Int("resident_id")}}});
    tx.Commit();
}

std::vector<TripVolunteer> ShuttleService::Volunteers(const auth::Principal& p, int64_t trip_id) {
    db::Connection& conn = db_.Local();
    TripState t = LoadTrip(conn, p, trip_id, false);
    std::vector<TripVolunteer> out;
    for (const auto& r : conn.Query(R"sql(
SELECT v.id, v.resident_id, r.name, s.name AS stop, s.stop_time, v.minutes, v.hours_id
FROM shuttle_volunteers v JOIN residents r ON r.id = v.resident_id LEFT JOIN shuttle_stops s ON s.id = v.stop_id
WHERE v.trip_id = ? ORDER BY s.seq, r.pinyin, v.id)sql",
                                    t.id)) {
        out.push_back({.id = r.Int("id"),
                       .resident_id = r.Int("resident_id"),
                       .name = r.Str("name"),
                       .stop = r.OptStr("stop"),
                       .stop_time = r.OptStr("stop_time"),
                       .minutes = r.Int("minutes"),
                       .hours_id = r.OptInt("hours_id")});
    }
    return out;
}

TripFigures ShuttleService::Figures(const auth::Principal& p, int64_t trip_id) {
    db::Connection& conn = db_.Local();
    TripState t = LoadTrip(conn, p, trip_id, false);
    TripFigures out{.trip_id = t.id, .seats = t.seats};
    for (const auto& r : conn.Query(R"sql(
SELECT s.name, s.stop_time,
       coalesce(sum(CASE WHEN x.status IN ('confirmed', 'boarded', 'no_show') THEN 1 ELSE 0 END), 0) AS booked,
       coalesce(sum(CASE WHEN x.status = 'boarded' THEN 1 ELSE 0 END), 0) AS boarded,
       coalesce(sum(CASE WHEN x.status = 'no_show' THEN 1 ELSE 0 END), 0) AS no_shows,
       coalesce(sum(CASE WHEN x.status = 'waitlisted' THEN 1 ELSE 0 END), 0) AS waitlisted
FROM shuttle_stops s LEFT JOIN shuttle_reservations x ON x.stop_id = s.id
WHERE s.trip_id = ? GROUP BY s.id, s.seq, s.name, s.stop_time ORDER BY s.seq)sql",
                                    trip_id)) {
        Counts c{r.Int("booked"), r.Int("boarded"), r.Int("no_shows"), r.Int("waitlisted")};
        out.by_stop.push_back({r.Str("name"), r.Str("stop_time"), c});
        out.all.booked += c.booked;
        out.all.boarded += c.boarded;
        out.all.no_shows += c.no_shows;
        out.all.waitlisted += c.waitlisted;
    }
    return out;
}

}  // namespace tongxin::shuttle
