#include "modules/shuttle/service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

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

struct Trip {
    int64_t id, community_id, departs_at, deadline, seats, booked;
    std::string status, trip_date;
    std::optional<int64_t> min_age, max_age;
    std::string declaration, service;
    int64_t street_id;
};

// With `lock`, the trip row is locked for the transaction, only after the scope check (a trip of
// another community is never locked) and read under the lock.
Trip LoadTrip(db::Connection& conn, const auth::Principal& p, int64_t id, bool lock) {
    auto scope = TripScope(conn, p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value).Add("o.id = ?", id);
    if (lock) {
        if (conn.Run("SELECT o.id FROM shuttle_trips o" + where.Sql(), where.values()).empty())
            throw AppError(ErrorCode::kNotFound, "not_found");
        conn.Query("SELECT id FROM shuttle_trips WHERE id = ?" + std::string(conn.ForUpdate()), id);
    }
    auto rows = conn.Run(
        "SELECT o.id, o.community_id, o.departs_at, o.booking_deadline, o.seats, o.booked_count, o.status, "
        "o.trip_date, "
        "s.min_age, s.max_age, s.declaration, s.name, o.street_id FROM shuttle_trips o JOIN shuttle_services s ON "
        "s.id = o.service_id" +
            where.Sql(),
        where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const auto& r = rows.front();
    return {r.Int(0), r.Int(1),    r.Int(2),    r.Int(3),  r.Int(4),  r.Int(5), r.Str(6),
            r.Str(7), r.OptInt(8), r.OptInt(9), r.Str(10), r.Str(11), r.Int(12)};
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
        out.push_back(r.Int(0));
    }
    return out;
}

int64_t PositionOf(int64_t queue_no, const std::vector<int64_t>& exits) {
    return queue_no - static_cast<int64_t>(std::lower_bound(exits.begin(), exits.end(), queue_no) - exits.begin());
}

json::object Mine(db::Connection& conn, int64_t trip, int64_t resident) {
    auto r = conn.QueryOne(
        "SELECT x.id, x.status, x.queue_no, s.name, s.stop_time, x.promoted_at, CASE WHEN u.resident_id IS NULL OR "
        "u.resident_id <> x.resident_id THEN u.display_name END FROM shuttle_reservations x JOIN shuttle_stops s ON "
        "s.id = x.stop_id LEFT JOIN users u ON u.id = x.booked_by WHERE x.trip_id = ? AND x.resident_id = ?",
        trip, resident);
    json::object o{{"id", r->Int(0)},
                   {"status", r->Str(1)},
                   {"stop", r->Str(3)},
                   {"stop_time", r->Str(4)},
                   {"promoted_at", r->IsNull(5) ? json::value(nullptr) : json::value(time::ToRfc3339(r->Int(5)))},
                   // Who booked for the resident, when it was someone else (a leader, a relative, the desk).
                   {"acted_by", r->IsNull(6) ? json::value(nullptr) : json::value(r->Str(6))}};
    if (r->Str(1) == "waitlisted") o["position"] = PositionOf(r->Int(2), QueueExits(conn, trip));
    return o;
}

}  // namespace

json::object ShuttleService::Trips(const auth::Principal& p, std::optional<int64_t> community,
                                   std::optional<int64_t> trip) {
    db::Connection& conn = db_.Local();
    auto scope = TripScope(conn, p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value);
    if (community) where.Add("o.community_id = ?", *community);
    if (trip) where.Add("o.id = ?", *trip);
    json::array items;
    for (const auto& r :
         conn.Run("SELECT o.id, s.name, s.destination, s.operator, o.trip_date, o.departs_at, o.booking_deadline, "
                  "o.vehicle, "
                  "o.seats, o.booked_count, o.status, (SELECT count(*) FROM shuttle_reservations w WHERE w.trip_id = "
                  "o.id AND "
                  "w.status = 'waitlisted'), o.service_id, s.declaration, (SELECT count(*) FROM shuttle_volunteers v "
                  "WHERE v.trip_id = o.id), o.community_id FROM shuttle_trips o JOIN shuttle_services s ON s.id = "
                  "o.service_id" +
                      where.Sql() + " ORDER BY o.departs_at DESC, o.id",
                  where.values())) {
        json::array stops;
        for (const auto& s :
             conn.Query("SELECT id, name, stop_time FROM shuttle_stops WHERE trip_id = ? ORDER BY seq", r.Int(0))) {
            stops.push_back({{"id", s.Int(0)}, {"name", s.Str(1)}, {"time", s.Str(2)}});
        }
        json::object o{{"id", r.Int(0)},
                       {"service_id", r.Int(12)},
                       {"community_id", r.Int(15)},
                       {"service", r.Str(1)},
                       {"destination", r.Str(2)},
                       {"operator", r.Str(3)},
                       {"trip_date", r.Str(4)},
                       {"departs_at", time::ToRfc3339(r.Int(5))},
                       {"booking_deadline", time::ToRfc3339(r.Int(6))},
                       {"vehicle", r.Str(7)},
                       {"seats", r.Int(8)},
                       {"booked", r.Int(9)},
                       {"status", r.Str(10)},
                       {"waitlisted", r.Int(11)},
                       {"declaration", r.Str(13)},
                       {"volunteers", r.Int(14)},
                       {"stops", std::move(stops)}};
        if (p.resident_id) {
            if (auto duty = conn.QueryOne(
                    "SELECT v.minutes, s.name, s.stop_time FROM shuttle_volunteers v LEFT JOIN shuttle_stops s ON s.id "
                    "= v.stop_id WHERE v.trip_id = ? AND v.resident_id = ?",
                    r.Int(0), *p.resident_id)) {
                o["duty"] = {{"minutes", duty->Int(0)},
                             {"stop", duty->IsNull(1) ? json::value(nullptr) : json::value(duty->Str(1))},
                             {"stop_time", duty->IsNull(2) ? json::value(nullptr) : json::value(duty->Str(2))}};
            }
        }
        if (p.resident_id &&
            conn.QueryInt("SELECT count(*) FROM shuttle_reservations WHERE trip_id = ? AND resident_id = ?", r.Int(0),
                          *p.resident_id) > 0) {
            o["mine"] = Mine(conn, r.Int(0), *p.resident_id);
        }
        items.push_back(std::move(o));
    }
    int64_t total = static_cast<int64_t>(items.size());
    return {{"items", std::move(items)}, {"total", total}};
}

json::object ShuttleService::Services(const auth::Principal& p, std::optional<int64_t> community,
                                      std::optional<int64_t> id) {
    db::Connection& conn = db_.Local();
    auto scope = auth::CommunityRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value);
    if (community) where.Add("o.community_id = ?", *community);
    if (id) where.Add("o.id = ?", *id);
    json::array items;
    for (const auto& r :
         conn.Run("SELECT o.id, o.community_id, o.name, o.destination, o.operator, o.min_age, o.max_age, "
                  "o.declaration FROM shuttle_services o" +
                      where.Sql() + " ORDER BY o.id DESC",
                  where.values())) {
        items.push_back({{"id", r.Int(0)},
                         {"community_id", r.Int(1)},
                         {"name", r.Str(2)},
                         {"destination", r.Str(3)},
                         {"operator", r.Str(4)},
                         {"min_age", r.IsNull(5) ? json::value(nullptr) : json::value(r.Int(5))},
                         {"max_age", r.IsNull(6) ? json::value(nullptr) : json::value(r.Int(6))},
                         {"declaration", r.Str(7)}});
    }
    int64_t total = static_cast<int64_t>(items.size());
    return {{"items", std::move(items)}, {"total", total}};
}

int64_t ShuttleService::CreateService(const auth::Principal& p, int64_t community, const std::string& name,
                                      const std::string& destination, const std::string& op,
                                      std::optional<int64_t> min_age, std::optional<int64_t> max_age,
                                      const std::string& declaration, const audit::Actor& actor) {
    FieldErrors errors;
    if (name.empty()) errors.Add("name", "required");
    if (destination.empty()) errors.Add("destination", "required");
    if (min_age && max_age && *min_age > *max_age) errors.Add("max_age", "out_of_range");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto place = places::FindPlace(conn, p, community);
    if (!place || place->kind != "community") {
        throw AppError(ErrorCode::kUnprocessable, "validation_failed", {{"fields", {{"community_id", "not_found"}}}});
    }
    int64_t id = conn.Insert(
        "INSERT INTO shuttle_services (street_id, community_id, name, destination, operator, min_age, max_age, "
        "declaration, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        place->street_id, community, name, destination, op, min_age, max_age, declaration, time::NowUnix());
    audit::Append(conn, actor,
                  {"shuttle.service.created",
                   "shuttle_service",
                   std::to_string(id),
                   true,
                   {{"name", name}, {"destination", destination}, {"declaration", declaration}}});
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
    for (const auto& [name, at] : in.stops) {
        // A gate's name and its time as HH:MM (24-hour).
        if (text::Trim(name).empty() || text::Utf8Chars(name).size() > 100 || !time::IsValidClockTime(at)) {
            errors.Add("stops", "invalid_stop");
        }
    }
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto scope = auth::CommunityRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value).Add("o.id = ?", in.service_id);
    auto service = conn.Run("SELECT o.street_id, o.community_id FROM shuttle_services o" + where.Sql(), where.values());
    if (service.empty()) {
        throw AppError(ErrorCode::kUnprocessable, "validation_failed", {{"fields", {{"service_id", "not_found"}}}});
    }
    int64_t id = conn.Insert(
        "INSERT INTO shuttle_trips (service_id, street_id, community_id, trip_date, departs_at, booking_deadline, "
        "vehicle, seats, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        in.service_id, service.front().Int(0), service.front().Int(1), in.trip_date, in.departs_at, in.booking_deadline,
        in.vehicle, in.seats, time::NowUnix());
    int64_t seq = 0;
    for (const auto& [name, at] : in.stops) {
        conn.Exec("INSERT INTO shuttle_stops (trip_id, seq, name, stop_time) VALUES (?, ?, ?, ?)", id, ++seq, name, at);
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

json::object ShuttleService::Reserve(const auth::Principal& p, int64_t trip_id, std::optional<int64_t> resident_id,
                                     int64_t stop_id, bool declared, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    Trip t = LoadTrip(conn, p, trip_id, true);
    int64_t now = time::NowUnix();
    if (t.status != "open" || now > t.deadline) throw AppError(ErrorCode::kConflict, "booking_closed");
    // A leader books only residents of their own group: their place scope decides.
    int64_t rid = residents::ResidentForAction(conn, p, resident_id, "shuttle.write", residents::Acting::kProxy);
    auto person = conn.QueryOne("SELECT community_id, birth_date FROM residents WHERE id = ?", rid);
    if (person->Int(0) != t.community_id) {
        throw AppError(ErrorCode::kUnprocessable, "validation_failed",
                       {{"fields", {{"resident_id", "not_in_community"}}}});
    }
    if (t.min_age || t.max_age) {
        if (person->IsNull(1)) throw AppError(ErrorCode::kUnprocessable, "not_eligible");
        std::string b = person->Str(1);
        int age = std::stoi(t.trip_date.substr(0, 4)) - std::stoi(b.substr(0, 4)) -
                  (t.trip_date.substr(5) < b.substr(5) ? 1 : 0);
        if ((t.min_age && age < *t.min_age) || (t.max_age && age > *t.max_age)) {
            throw AppError(ErrorCode::kUnprocessable, "not_eligible");
        }
    }
    if (conn.QueryInt("SELECT count(*) FROM shuttle_stops WHERE id = ? AND trip_id = ?", stop_id, trip_id) == 0) {
        throw AppError(ErrorCode::kUnprocessable, "validation_failed", {{"fields", {{"stop_id", "not_found"}}}});
    }
    if (!t.declaration.empty() && !declared) {
        throw AppError(ErrorCode::kUnprocessable, "validation_failed",
                       {{"fields", {{"declared", "declaration_required"}}}});
    }
    std::optional<int64_t> declared_at;
    if (!t.declaration.empty()) declared_at = now;
    auto existing = conn.QueryOne("SELECT id, status FROM shuttle_reservations WHERE trip_id = ? AND resident_id = ?",
                                  trip_id, rid);
    if (existing && existing->Str(1) != "cancelled") throw AppError(ErrorCode::kConflict, "already_booked");
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
                       .Int(0);
    }
    if (existing) {
        conn.Exec(
            "UPDATE shuttle_reservations SET status = ?, stop_id = ?, booked_by = ?, booked_at = ?, queue_no = ?, "
            "pass_code = ?, declared_at = ?, promoted_at = NULL WHERE id = ?",
            status, stop_id, p.user_id, now, queue_no, NewPassCode(), declared_at, existing->Int(0));
    } else {
        conn.Exec(
            "INSERT INTO shuttle_reservations (trip_id, resident_id, stop_id, status, booked_by, booked_at, queue_no, "
            "pass_code, declared_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            trip_id, rid, stop_id, status, p.user_id, now, queue_no, NewPassCode(), declared_at);
    }
    json::object out = Mine(conn, trip_id, rid);
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

json::object ShuttleService::Cancel(const auth::Principal& p, int64_t trip_id, std::optional<int64_t> resident_id,
                                    const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    Trip t = LoadTrip(conn, p, trip_id, true);
    if (time::NowUnix() > t.deadline) throw AppError(ErrorCode::kConflict, "cancel_deadline_passed");
    int64_t rid = residents::ResidentForAction(conn, p, resident_id, "shuttle.write", residents::Acting::kProxy);
    auto r = conn.QueryOne(
        "SELECT id, status, queue_no FROM shuttle_reservations WHERE trip_id = ? AND resident_id = ? AND status IN "
        "('confirmed', 'waitlisted')",
        trip_id, rid);
    if (!r) throw AppError(ErrorCode::kNotFound, "not_found");
    conn.Exec("UPDATE shuttle_reservations SET status = 'cancelled' WHERE id = ?", r->Int(0));
    if (r->Str(1) == "waitlisted") {
        conn.Exec("INSERT INTO shuttle_queue_exits (trip_id, queue_no) VALUES (?, ?)", trip_id, r->Int(2));
    }
    json::object out{{"status", "cancelled"}, {"promoted", nullptr}};
    if (r->Str(1) == "confirmed") {
        conn.Exec("UPDATE shuttle_trips SET booked_count = booked_count - 1 WHERE id = ?", trip_id);
        auto next = conn.QueryOne(
            "SELECT x.id, x.resident_id, rs.name, x.queue_no FROM shuttle_reservations x JOIN residents rs ON rs.id = "
            "x.resident_id WHERE x.trip_id = ? AND x.status = 'waitlisted' ORDER BY x.queue_no LIMIT 1",
            trip_id);
        if (next) {
            conn.Exec("UPDATE shuttle_reservations SET status = 'confirmed', promoted_at = ? WHERE id = ?",
                      time::NowUnix(), next->Int(0));
            conn.Exec("INSERT INTO shuttle_queue_exits (trip_id, queue_no) VALUES (?, ?)", trip_id, next->Int(3));
            conn.Exec("UPDATE shuttle_trips SET booked_count = booked_count + 1 WHERE id = ?", trip_id);
            out["promoted"] = {{"resident_id", next->Int(1)}, {"name", next->Str(2)}};
        }
    }
    audit::Append(conn, actor,
                  {"shuttle.reservation.cancelled",
                   "shuttle_trip",
                   std::to_string(trip_id),
                   true,
                   {{"resident_id", rid}, {"promoted", out["promoted"]}}});
    tx.Commit();
    return out;
}

json::object ShuttleService::Reservations(const auth::Principal& p, int64_t trip_id) {
    db::Connection& conn = db_.Local();
    Trip t = LoadTrip(conn, p, trip_id, false);
    db::SqlWhere where;
    where.Add("x.trip_id = ?", t.id);
    // Staff see everyone with full names; the trip's volunteers see everyone by masked name (to
    // find them at the stop); a group leader sees the residents of their group.
    const bool staff = p.Can("shuttle.read");
    const bool volunteer = !staff && DutyOf(conn, p, t.id).has_value();
    if (!staff && !volunteer) {
        auto scope = auth::ResidentScope(p);
        where.AddScope(scope.clause, scope.value);
    }
    json::array items;
    const std::vector<int64_t> exits = QueueExits(conn, t.id);
    for (const auto& r : conn.Run(
             "SELECT x.id, x.resident_id, r.name, r.phone_masked, s.name, s.stop_time, x.status, u.display_name, "
             "x.boarded_at, x.queue_no, (SELECT min(g.display_name) FROM users g WHERE g.role = 'group_leader' AND "
             "g.disabled = 0 AND g.scope_place_id IN (r.grid_id, r.building_id)), x.declared_at, x.promoted_at FROM "
             "shuttle_reservations x JOIN residents r ON r.id = x.resident_id JOIN shuttle_stops s ON s.id = x.stop_id "
             "LEFT JOIN users u ON u.id = x.booked_by" +
                 where.Sql() +
                 " ORDER BY s.seq, CASE x.status WHEN 'waitlisted' THEN 1 WHEN 'cancelled' THEN 2 ELSE 0 END, "
                 "x.queue_no, x.booked_at, x.id",
             where.values())) {
        json::object o{{"id", r.Int(0)},
                       {"name_masked", text::MaskName(r.Str(2))},
                       {"stop", r.Str(4)},
                       {"stop_time", r.Str(5)},
                       {"status", r.Str(6)},
                       {"group_leader", r.IsNull(10) ? json::value(nullptr) : json::value(r.Str(10))},
                       {"promoted", !r.IsNull(12)},
                       {"boarded_at", r.IsNull(8) ? json::value(nullptr) : json::value(time::ToRfc3339(r.Int(8)))}};
        if (!volunteer) {
            o["resident_id"] = r.Int(1);
            o["name"] = r.Str(2);
            o["phone_masked"] = r.Str(3);
            o["booked_by"] = r.IsNull(7) ? json::value(nullptr) : json::value(r.Str(7));
        }
        // Whether the declaration was confirmed: for those who organise the trip only.
        if (p.Can("shuttle.write") && !t.declaration.empty()) o["declared"] = !r.IsNull(11);
        if (r.Str(6) == "waitlisted") o["position"] = PositionOf(r.Int(9), exits);
        items.push_back(std::move(o));
    }
    int64_t total = static_cast<int64_t>(items.size());
    return {{"items", std::move(items)}, {"total", total}};
}

json::object ShuttleService::Pass(const auth::Principal& p, int64_t trip_id, std::optional<int64_t> resident_id) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    Trip t = LoadTrip(conn, p, trip_id, false);
    int64_t rid = residents::ResidentForAction(conn, p, resident_id, "shuttle.write", residents::Acting::kProxy);
    auto r = conn.QueryOne(
        "SELECT x.id, x.status, x.pass_code, s.name, s.stop_time, rs.name FROM shuttle_reservations x JOIN "
        "shuttle_stops s ON s.id = x.stop_id JOIN residents rs ON rs.id = x.resident_id WHERE x.trip_id = ? AND "
        "x.resident_id = ?",
        trip_id, rid);
    if (!r) throw AppError(ErrorCode::kNotFound, "not_found");
    if (r->Str(1) != "confirmed" && r->Str(1) != "boarded") throw AppError(ErrorCode::kConflict, "seat_not_confirmed");
    std::string code = r->IsNull(2) ? "" : r->Str(2);
    if (code.empty()) {  // booked before passes existed
        code = NewPassCode();
        conn.Exec("UPDATE shuttle_reservations SET pass_code = ? WHERE id = ?", code, r->Int(0));
    }
    tx.Commit();
    return {{"reservation_id", r->Int(0)}, {"code", code},
            {"status", r->Str(1)},         {"name_masked", text::MaskName(r->Str(5))},
            {"stop", r->Str(3)},           {"stop_time", r->Str(4)},
            {"trip_date", t.trip_date},    {"departs_at", time::ToRfc3339(t.departs_at)},
            {"service", t.service}};
}

json::object ShuttleService::Board(const auth::Principal& p, int64_t trip_id, std::optional<int64_t> reservation_id,
                                   const std::optional<std::string>& pass, const audit::Actor& actor) {
    if (!reservation_id && !pass) {
        throw AppError(ErrorCode::kUnprocessable, "validation_failed", {{"fields", {{"reservation_id", "required"}}}});
    }
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    Trip t = LoadTrip(conn, p, trip_id, false);
    if (!p.Can("shuttle.board") && !DutyOf(conn, p, t.id)) throw AppError(ErrorCode::kForbidden, "forbidden");
    if (t.status != "open") throw AppError(ErrorCode::kConflict, "trip_closed");
    const std::string by = reservation_id ? "x.id = ?" : "x.pass_code = ?";
    auto rows = conn.Run(
        "SELECT x.id, x.status, rs.name, s.name FROM shuttle_reservations x JOIN residents rs ON rs.id = "
        "x.resident_id JOIN shuttle_stops s ON s.id = x.stop_id WHERE x.trip_id = ? AND " +
            by,
        {trip_id, reservation_id ? db::Value(*reservation_id) : db::Value(*pass)});
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, reservation_id ? "not_found" : "pass_not_found");
    const auto& r = rows.front();
    bool already = r.Str(1) == "boarded";
    if (!already && r.Str(1) != "confirmed") throw AppError(ErrorCode::kConflict, "seat_not_confirmed");
    if (!already) {
        conn.Exec("UPDATE shuttle_reservations SET status = 'boarded', boarded_at = ? WHERE id = ?", time::NowUnix(),
                  r.Int(0));
        audit::Append(conn, actor,
                      {"shuttle.boarded",
                       "shuttle_trip",
                       std::to_string(trip_id),
                       true,
                       {{"reservation_id", r.Int(0)}, {"by", pass ? "pass" : "list"}}});
    }
    tx.Commit();
    return {{"status", "boarded"},
            {"already", already},
            {"reservation_id", r.Int(0)},
            {"name_masked", text::MaskName(r.Str(2))},
            {"stop", r.Str(3)}};
}

void ShuttleService::Close(const auth::Principal& p, int64_t trip_id, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    Trip t = LoadTrip(conn, p, trip_id, true);
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
        volunteer::RecordInput in{v.Int(1), std::nullopt,     t.trip_date,
                                  v.Int(2), "social_service", "社区接驳车志愿服务：" + t.service + " " + t.trip_date};
        int64_t h = volunteer::VolunteerService::AppendRecord(conn, in, t.street_id, t.community_id, p.user_id);
        conn.Exec("UPDATE shuttle_volunteers SET hours_id = ? WHERE id = ?", h, v.Int(0));
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
    Trip t = LoadTrip(conn, p, trip_id, true);
    if (t.status != "open") throw AppError(ErrorCode::kConflict, "trip_closed");
    FieldErrors errors;
    auto person = conn.QueryOne("SELECT community_id, moved_out FROM residents WHERE id = ?", resident_id);
    if (!person || person->Int(0) != t.community_id || !person->IsNull(1))
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
        "INSERT INTO shuttle_volunteers (trip_id, resident_id, stop_id, minutes, assigned_by, created_at) VALUES (?, "
        "?, "
        "?, ?, ?, ?)",
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
    if (!v->IsNull(1)) throw AppError(ErrorCode::kConflict, "hours_recorded");
    conn.Exec("DELETE FROM shuttle_volunteers WHERE id = ?", assignment_id);
    audit::Append(
        conn, actor,
        {"shuttle.volunteer.removed", "shuttle_trip", std::to_string(trip_id), true, {{"resident_id", v->Int(0)}}});
    tx.Commit();
}

json::object ShuttleService::Volunteers(const auth::Principal& p, int64_t trip_id) {
    db::Connection& conn = db_.Local();
    Trip t = LoadTrip(conn, p, trip_id, false);
    json::array items;
    for (const auto& r : conn.Query(
             "SELECT v.id, v.resident_id, r.name, s.name, s.stop_time, v.minutes, v.hours_id FROM shuttle_volunteers v "
             "JOIN residents r ON r.id = v.resident_id LEFT JOIN shuttle_stops s ON s.id = v.stop_id WHERE v.trip_id = "
             "? ORDER BY s.seq, r.pinyin, v.id",
             t.id)) {
        items.push_back({{"id", r.Int(0)},
                         {"resident_id", r.Int(1)},
                         {"name", r.Str(2)},
                         {"stop", r.IsNull(3) ? json::value(nullptr) : json::value(r.Str(3))},
                         {"stop_time", r.IsNull(4) ? json::value(nullptr) : json::value(r.Str(4))},
                         {"minutes", r.Int(5)},
                         {"hours_id", r.IsNull(6) ? json::value(nullptr) : json::value(r.Int(6))}});
    }
    int64_t total = static_cast<int64_t>(items.size());
    return {{"items", std::move(items)}, {"total", total}};
}

json::object ShuttleService::Figures(const auth::Principal& p, int64_t trip_id) {
    db::Connection& conn = db_.Local();
    Trip t = LoadTrip(conn, p, trip_id, false);
    json::array stops;
    std::map<std::string, int64_t> all;
    for (const auto& r : conn.Query(
             "SELECT s.name, s.stop_time, sum(CASE WHEN x.status IN ('confirmed', 'boarded', 'no_show') THEN 1 ELSE 0 "
             "END), "
             "sum(CASE WHEN x.status = 'boarded' THEN 1 ELSE 0 END), sum(CASE WHEN x.status = 'no_show' THEN 1 ELSE 0 "
             "END), sum(CASE WHEN x.status = 'waitlisted' THEN 1 ELSE 0 END) FROM shuttle_stops s LEFT JOIN "
             "shuttle_reservations x ON x.stop_id = s.id WHERE s.trip_id = ? GROUP BY s.id, s.seq, s.name, s.stop_time "
             "ORDER BY s.seq",
             trip_id)) {
        auto n = [&](int c) { return r.IsNull(c) ? int64_t{0} : r.Int(c); };
        stops.push_back({{"stop", r.Str(0)},
                         {"time", r.Str(1)},
                         {"booked", n(2)},
                         {"boarded", n(3)},
                         {"no_shows", n(4)},
                         {"waitlisted", n(5)}});
        all["booked"] += n(2);
        all["boarded"] += n(3);
        all["no_shows"] += n(4);
        all["waitlisted"] += n(5);
    }
    return {{"trip_id", t.id},
            {"seats", t.seats},
            {"booked", all["booked"]},
            {"boarded", all["boarded"]},
            {"no_shows", all["no_shows"]},
            {"waitlisted", all["waitlisted"]},
            {"by_stop", std::move(stops)}};
}

}  // namespace tongxin::shuttle
