#include "modules/shuttle/json.hpp"

#include <boost/json.hpp>

#include "core/error/app_error.hpp"
#include "core/http/json_fields.hpp"
#include "core/time/clock.hpp"

namespace tongxin::shuttle {
namespace json = boost::json;
using http::OrNull;
using http::TimeOrNull;

json::object ToJson(const Service& s) {
    return {{"id", s.id},
            {"community_id", s.community_id},
            {"name", s.name},
            {"destination", s.destination},
            {"operator", s.op},
            {"min_age", OrNull(s.min_age)},
            {"max_age", OrNull(s.max_age)},
            {"declaration", s.declaration}};
}

json::object ToJson(const Booking& b) {
    json::object o{{"id", b.id},
                   {"status", b.status},
                   {"stop", b.stop},
                   {"stop_time", b.stop_time},
                   {"promoted_at", TimeOrNull(b.promoted_at)},
                   {"acted_by", OrNull(b.acted_by)}};
    if (b.position) o["position"] = *b.position;
    return o;
}

json::object ToJson(const Trip& t) {
    json::array stops;
    for (const Stop& s : t.stops)
        stops.push_back(
            {{"id", s.id}, {"name", s.name}, {"time", s.time}, {"compound_id", http::OrNull(s.compound_id)}});
    json::object o{{"id", t.id},
                   {"service_id", t.service_id},
                   {"community_id", t.community_id},
                   {"service", t.service},
                   {"destination", t.destination},
                   {"operator", t.op},
                   {"trip_date", t.trip_date},
                   {"departs_at", time::ToRfc3339(t.departs_at)},
                   {"booking_deadline", time::ToRfc3339(t.booking_deadline)},
                   {"vehicle", t.vehicle},
                   {"seats", t.seats},
                   {"booked", t.booked},
                   {"status", t.status},
                   {"waitlisted", t.waitlisted},
                   {"declaration", t.declaration},
                   {"volunteers", t.volunteers},
                   {"stops", std::move(stops)}};
    if (t.duty) {
        o["duty"] = {
            {"minutes", t.duty->minutes}, {"stop", OrNull(t.duty->stop)}, {"stop_time", OrNull(t.duty->stop_time)}};
    }
    if (t.mine) o["mine"] = ToJson(*t.mine);
    return o;
}

json::object ToJson(const Reservation& r, const ReservationList& view) {
    json::object o{{"id", r.id},
                   {"name_masked", r.name_masked},
                   {"stop", r.stop},
                   {"stop_time", r.stop_time},
                   {"status", r.status},
                   {"group_leader", OrNull(r.group_leader)},
                   {"promoted", r.promoted_at.has_value()},
                   {"boarded_at", TimeOrNull(r.boarded_at)}};
    if (!view.names_masked) {
        o["resident_id"] = r.resident_id;
        o["name"] = r.name;
        o["phone_masked"] = r.phone_masked;
        o["booked_by"] = OrNull(r.booked_by);
    }
    if (view.show_declared) o["declared"] = r.declared_at.has_value();
    if (r.position) o["position"] = *r.position;
    return o;
}

json::object ToJson(const Cancellation& c) {
    json::value promoted = nullptr;
    if (c.promoted) promoted = json::object{{"resident_id", c.promoted->resident_id}, {"name", c.promoted->name}};
    return {{"status", "cancelled"}, {"promoted", std::move(promoted)}};
}

json::object ToJson(const Pass& p) {
    return {{"reservation_id", p.reservation_id},
            {"code", p.code},
            {"status", p.status},
            {"name_masked", p.name_masked},
            {"stop", p.stop},
            {"stop_time", p.stop_time},
            {"trip_date", p.trip_date},
            {"departs_at", time::ToRfc3339(p.departs_at)},
            {"service", p.service}};
}

json::object ToJson(const Boarding& b) {
    return {{"status", "boarded"},
            {"already", b.already},
            {"reservation_id", b.reservation_id},
            {"name_masked", b.name_masked},
            {"stop", b.stop}};
}

json::object ToJson(const TripVolunteer& v) {
    return {{"id", v.id},
            {"resident_id", v.resident_id},
            {"name", v.name},
            {"stop", OrNull(v.stop)},
            {"stop_time", OrNull(v.stop_time)},
            {"minutes", v.minutes},
            {"hours_id", OrNull(v.hours_id)}};
}

json::object ToJson(const TripFigures& f) {
    json::array stops;
    for (const StopFigures& s : f.by_stop) {
        stops.push_back({{"stop", s.stop},
                         {"time", s.time},
                         {"booked", s.counts.booked},
                         {"boarded", s.counts.boarded},
                         {"no_shows", s.counts.no_shows},
                         {"waitlisted", s.counts.waitlisted}});
    }
    return {{"trip_id", f.trip_id},       {"seats", f.seats},           {"booked", f.all.booked},
            {"boarded", f.all.boarded},   {"no_shows", f.all.no_shows}, {"waitlisted", f.all.waitlisted},
            {"by_stop", std::move(stops)}};
}

ServiceInput ParseServiceInput(http::JsonBody& body) {
    ServiceInput in;
    in.community_id = body.Int("community_id", true, 1).value_or(0);
    in.name = body.Str("name", true, 100).value_or("");
    in.destination = body.Str("destination", true, 200).value_or("");
    in.op = body.Str("operator", false, 100).value_or("");
    in.min_age = body.Int("min_age", false, 0, 150);
    in.max_age = body.Int("max_age", false, 0, 150);
    in.declaration = body.Str("declaration", false, 300).value_or("");
    return in;
}

TripInput ParseTripInput(http::JsonBody& body) {
    TripInput in;
    in.service_id = body.Int("service_id", true, 1).value_or(0);
    in.trip_date = body.Date("trip_date", true).value_or("");
    in.departs_at = body.Time("departs_at", true).value_or(0);
    in.booking_deadline = body.Time("booking_deadline", true).value_or(0);
    in.vehicle = body.Str("vehicle", true, 100).value_or("");
    in.seats = body.Int("seats", true, 1, 1000).value_or(0);
    const json::value* stops = body.Raw("stops");
    if (stops && stops->is_array()) {
        for (const auto& s : stops->as_array()) {
            const json::object* o = s.if_object();
            const json::value* name = o ? o->if_contains("name") : nullptr;
            const json::value* at = o ? o->if_contains("time") : nullptr;
            const json::value* compound = o ? o->if_contains("compound_id") : nullptr;
            bool named = name && name->is_string();
            if ((!named && !(compound && compound->is_int64())) || !at || !at->is_string() ||
                (compound && !compound->is_null() && !compound->is_int64())) {
                throw AppError::Field("stops", "wrong_type");
            }
            StopInput stop{named ? std::string(name->as_string()) : "", std::string(at->as_string()), std::nullopt};
            if (compound && compound->is_int64()) stop.compound_id = compound->as_int64();
            in.stops.push_back(std::move(stop));
        }
    }
    return in;
}

}  // namespace tongxin::shuttle
