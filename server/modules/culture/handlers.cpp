#include <boost/json.hpp>

#include "core/auth/scope.hpp"
#include "core/http/paging.hpp"
#include "core/media/photo_routes.hpp"
#include "core/time/clock.hpp"
#include "modules/culture/json.hpp"
#include "modules/culture/module.hpp"

namespace tongxin::culture {
namespace json = boost::json;
using http::Access;
using http::Request;

namespace {

std::optional<int64_t> QueryTime(const Request& req, const std::string& name) {
    auto v = http::QueryOptStr(req, name);
    if (!v) return std::nullopt;
    auto t = time::ParseRfc3339(*v);
    if (!t) throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", {{"parameter", name}});
    return t;
}

VenueInput ReadVenue(http::JsonBody& body) {
    VenueInput in;
    in.community_id = body.Int("community_id", true, 1).value_or(0);
    in.name = body.Str("name", true, 100).value_or("");
    in.address = body.Str("address", false, 200).value_or("");
    in.area_m2 = body.Real("area_m2", true).value_or(0);
    in.opened_on = body.Date("opened_on");
    in.closed_on = body.Date("closed_on");
    in.description = body.Str("description", false, 2000).value_or("");
    return in;
}

RoomInput ReadRoom(http::JsonBody& body) {
    RoomInput in;
    in.venue_id = body.Int("venue_id", true, 1).value_or(0);
    in.name = body.Str("name", true, 100).value_or("");
    in.kind = body.Str("kind", true, 20).value_or("");
    in.area_m2 = body.Real("area_m2");
    in.capacity = body.Int("capacity", false, 0, 100000).value_or(0);
    in.opens = body.Str("opens", false, 5).value_or("09:00");
    in.closes = body.Str("closes", false, 5).value_or("21:00");
    in.closed_weekdays = body.Str("closed_weekdays", false, 13).value_or("");
    in.bookable = body.Bool("bookable").value_or(true);
    in.auto_approve = body.Bool("auto_approve").value_or(false);
    return in;
}

ExhibitInput ReadExhibit(http::JsonBody& body) {
    ExhibitInput in;
    in.venue_id = body.Int("venue_id", true, 1).value_or(0);
    in.room_id = body.Int("room_id", false, 1);
    in.number = body.Str("number", true, 40).value_or("");
    in.title = body.Str("title", true, 200).value_or("");
    in.ethnicity = body.Str("ethnicity", true, 2).value_or("");
    in.category = body.Str("category", true, 20).value_or("");
    in.description = body.Str("description", false, 4000).value_or("");
    in.materials = body.Str("materials", false, 200).value_or("");
    in.dimensions = body.Str("dimensions", false, 100).value_or("");
    in.provenance = body.Str("provenance", true, 20).value_or("");
    in.source_name = body.Str("source_name", false, 100).value_or("");
    in.source_resident_id = body.Int("source_resident_id", false, 1);
    in.source_consent = body.Bool("source_consent").value_or(false);
    in.acquired_on = body.Date("acquired_on");
    in.agreement = body.Str("agreement", false, 1000).value_or("");
    in.showcase = body.Str("showcase", false, 40).value_or("");
    in.status = body.Str("status", false, 20).value_or("on_display");
    return in;
}

ExhibitFilter ExhibitQuery(const Request& req) {
    return {.community = http::QueryOptInt(req, "community"),
            .venue = http::QueryOptInt(req, "venue"),
            .ethnicity = http::QueryOptStr(req, "ethnicity").value_or(""),
            .category = http::QueryOptStr(req, "category").value_or(""),
            .status = http::QueryOptStr(req, "status").value_or(""),
            .q = http::QueryOptStr(req, "q").value_or(""),
            .page = http::PageOf(req)};
}

}  // namespace

void Register(http::Router& r, Context& ctx, CultureService& svc, reports::Registry& registry) {
    const auto read = Access::NeedAny({"culture.read", "culture.book"});
    r.Add("GET", "/api/v1/venues", read, "Culture venues with their floor area", [&svc](Request& req) {
        VenueFilter f{.community = http::QueryOptInt(req, "community"), .page = http::PageOf(req)};
        return http::ListResponse(svc.Venues(req.User(), f), [](const Venue& v) { return ToJson(v); });
    });
    r.Add("GET", "/api/v1/venues/{id}", read, "One venue", [&svc](Request& req) {
        VenueFilter f{.id = http::PathId(req), .page = {1, 0}};
        return http::OneOf(svc.Venues(req.User(), f), [](const Venue& v) { return ToJson(v); });
    });
    r.Add("POST", "/api/v1/venues", Access::Need("culture.write"), "Add a venue", [&svc](Request& req) {
        http::JsonBody body(req);
        VenueInput in = ReadVenue(body);
        body.Finish();
        return http::Created(svc.AddVenue(req.User(), in, ActorOf(req)));
    });
    r.Add("PUT", "/api/v1/venues/{id}", Access::Need("culture.write"), "Change a venue", [&svc](Request& req) {
        int64_t id = http::PathId(req);
        http::JsonBody body(req);
        VenueInput in = ReadVenue(body);
        body.Finish();
        svc.UpdateVenue(req.User(), id, in, ActorOf(req));
        return http::Ok();
    });
    r.Add("GET", "/api/v1/venues/{id}/closures", read, "Days the venue is closed", [&svc](Request& req) {
        json::array items;
        for (const auto& [date, reason] : svc.Closures(req.User(), http::PathId(req)))
            items.push_back({{"date", date}, {"reason", reason}});
        const auto total = static_cast<int64_t>(items.size());
        return http::JsonResponse(json::object{{"items", std::move(items)}, {"total", total}});
    });
    r.Add("POST", "/api/v1/venues/{id}/closures", Access::Need("culture.write"),
          "Close the venue on a day (closed: false opens it again)", [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto date = body.Date("date", true);
              auto reason = body.Str("reason", false, 200).value_or("");
              bool closed = body.Bool("closed").value_or(true);
              body.Finish();
              svc.SetClosure(req.User(), id, *date, reason, closed, ActorOf(req));
              return http::Ok();
          });

    r.Add("GET", "/api/v1/rooms", read, "Rooms (?venue=, ?community=)", [&svc](Request& req) {
        RoomFilter f{.community = http::QueryOptInt(req, "community"),
                     .venue = http::QueryOptInt(req, "venue"),
                     .page = http::PageOf(req)};
        return http::ListResponse(svc.Rooms(req.User(), f), [](const Room& x) { return ToJson(x); });
    });
    r.Add("GET", "/api/v1/rooms/{id}", read, "One room", [&svc](Request& req) {
        RoomFilter f{.id = http::PathId(req), .page = {1, 0}};
        return http::OneOf(svc.Rooms(req.User(), f), [](const Room& x) { return ToJson(x); });
    });
    r.Add("POST", "/api/v1/rooms", Access::Need("culture.write"), "Add a room to a venue", [&svc](Request& req) {
        http::JsonBody body(req);
        RoomInput in = ReadRoom(body);
        body.Finish();
        return http::Created(svc.AddRoom(req.User(), in, ActorOf(req)));
    });
    r.Add("PUT", "/api/v1/rooms/{id}", Access::Need("culture.write"), "Change a room", [&svc](Request& req) {
        int64_t id = http::PathId(req);
        http::JsonBody body(req);
        RoomInput in = ReadRoom(body);
        body.Finish();
        svc.UpdateRoom(req.User(), id, in, ActorOf(req));
        return http::Ok();
    });
    r.Add("GET", "/api/v1/rooms/{id}/busy", read,
          "The room's held slots between ?from= and ?to= (default the next 31 days; times only)", [&svc](Request& req) {
              // Default: the next 31 days.
              auto from = QueryTime(req, "from").value_or(time::NowUnix());
              auto to = QueryTime(req, "to").value_or(from + 31 * 86400);
              if (to <= from || to - from > 62 * 86400)
                  throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", {{"parameter", "to"}});
              json::array items;
              for (const auto& [starts, ends] : svc.Busy(req.User(), http::PathId(req), from, to))
                  items.push_back({{"starts_at", time::ToRfc3339(starts)}, {"ends_at", time::ToRfc3339(ends)}});
              const auto total = static_cast<int64_t>(items.size());
              return http::JsonResponse(json::object{{"items", std::move(items)}, {"total", total}});
          });

    r.Add(
        "GET", "/api/v1/room-bookings", read,
        "Room bookings (?venue=, ?room=, ?from=, ?to= as RFC 3339, ?status=holding|requested|…); residents: their own",
        [&svc](Request& req) {
            BookingFilter f{.community = http::QueryOptInt(req, "community"),
                            .room = http::QueryOptInt(req, "room"),
                            .venue = http::QueryOptInt(req, "venue"),
                            .recurrence = http::QueryOptInt(req, "recurrence"),
                            .organization = http::QueryOptInt(req, "organization"),
                            .from = QueryTime(req, "from"),
                            .to = QueryTime(req, "to"),
                            .status = http::QueryOptStr(req, "status").value_or(""),
                            .mine_only = req.Query("mine").value_or("0") == "1",
                            .page = http::PageOf(req)};
            return http::ListResponse(svc.Bookings(req.User(), f), [](const Booking& b) { return ToJson(b); });
        });
    r.Add("GET", "/api/v1/room-bookings/{id}", read, "One booking", [&svc](Request& req) {
        BookingFilter f{.id = http::PathId(req), .page = {1, 0}};
        return http::OneOf(svc.Bookings(req.User(), f), [](const Booking& b) { return ToJson(b); });
    });
    r.Add("POST", "/api/v1/room-bookings", Access::NeedAny({"culture.write", "culture.book"}),
          "Book a room for a time slot, or the same slot weekly (weekly_until, except)", [&svc](Request& req) {
              http::JsonBody body(req);
              BookingInput in;
              in.room_id = body.Int("room_id", true, 1).value_or(0);
              in.starts_at = body.Time("starts_at", true).value_or(0);
              in.ends_at = body.Time("ends_at", true).value_or(0);
              in.purpose = body.Str("purpose", true, 200).value_or("");
              in.booker_kind = body.Str("booker_kind", false, 20).value_or("resident");
              in.booker_name = body.Str("booker_name", false, 100).value_or("");
              in.organization_id = body.Int("organization_id", false, 1);
              in.resident_id = body.Int("resident_id", false, 1);
              in.expected = body.Int("expected", false, 0, 100000).value_or(0);
              in.weekly_until = body.Date("weekly_until");
              for (const std::string& d : body.StrList("except", 60).value_or(std::vector<std::string>{}))
                  in.except.push_back(d);
              body.Finish();
              BookingResult made = svc.Book(req.User(), in, ActorOf(req));
              json::array ids, skipped;
              for (int64_t id : made.ids) ids.push_back(id);
              for (const std::string& d : made.skipped) skipped.push_back(json::value(d));
              return http::JsonResponse(
                  json::object{{"id", made.ids.front()}, {"ids", std::move(ids)}, {"skipped", std::move(skipped)}},
                  201);
          });
    r.Add("POST", "/api/v1/room-bookings/{id}/decision", Access::NeedAny({"culture.write", "culture.book"}),
          "Approve, reject, mark used or no-show (staff), or cancel (staff or the booker; following: the later weeks "
          "too)",
          [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto decision = body.Str("decision", true, 20);
              auto note = body.Str("note", false, 500).value_or("");
              bool following = body.Bool("following").value_or(false);
              body.Finish();
              svc.Decide(req.User(), id, *decision, note, following, ActorOf(req));
              return http::Ok();
          });

    r.Add("GET", "/api/v1/series", Access::Need("culture.read"),
          "Branded series with their events in ?year=", [&svc](Request& req) {
              SeriesFilter f{.community = http::QueryOptInt(req, "community"),
                             .year = http::QueryOptYear(req).value_or(""),
                             .page = http::PageOf(req)};
              return http::ListResponse(svc.SeriesList(req.User(), f), [](const Series& s) { return ToJson(s); });
          });
    r.Add("GET", "/api/v1/series/{id}", Access::Need("culture.read"), "One series", [&svc](Request& req) {
        SeriesFilter f{.id = http::PathId(req), .year = http::QueryOptYear(req).value_or(""), .page = {1, 0}};
        return http::OneOf(svc.SeriesList(req.User(), f), [](const Series& s) { return ToJson(s); });
    });
    r.Add("POST", "/api/v1/series", Access::Need("culture.write"), "Start a branded series", [&svc](Request& req) {
        http::JsonBody body(req);
        SeriesInput in;
        in.community_id = body.Int("community_id", true, 1).value_or(0);
        in.name = body.Str("name", true, 100).value_or("");
        in.description = body.Str("description", false, 2000).value_or("");
        in.started_on = body.Date("started_on", true).value_or("");
        in.ended_on = body.Date("ended_on");
        body.Finish();
        return http::Created(svc.AddSeries(req.User(), in, ActorOf(req)));
    });
    r.Add("GET", "/api/v1/culture-events", Access::Need("culture.read"),
          "Events of the branded series (?series=, ?year=)", [&svc](Request& req) {
              EventFilter f{.community = http::QueryOptInt(req, "community"),
                            .series = http::QueryOptInt(req, "series"),
                            .year = http::QueryOptYear(req).value_or(""),
                            .page = http::PageOf(req)};
              return http::ListResponse(svc.Events(req.User(), f), [](const Event& e) { return ToJson(e); });
          });
    r.Add("GET", "/api/v1/culture-events/{id}", Access::Need("culture.read"), "One event", [&svc](Request& req) {
        EventFilter f{.id = http::PathId(req), .page = {1, 0}};
        return http::OneOf(svc.Events(req.User(), f), [](const Event& e) { return ToJson(e); });
    });
    r.Add("POST", "/api/v1/culture-events", Access::Need("culture.write"),
          "Record an event of a series with its performers and audience", [&svc](Request& req) {
              http::JsonBody body(req);
              EventInput in;
              in.series_id = body.Int("series_id", true, 1).value_or(0);
              in.title = body.Str("title", true, 200).value_or("");
              in.held_on = body.Date("held_on", true).value_or("");
              in.room_id = body.Int("room_id", false, 1);
              in.booking_id = body.Int("booking_id", false, 1);
              in.place = body.Str("place", false, 200).value_or("");
              in.audience = body.Int("audience", false, 0, 1000000).value_or(0);
              in.description = body.Str("description", false, 2000).value_or("");
              in.performers = body.IntList("performers", 50).value_or(std::vector<int64_t>{});
              body.Finish();
              return http::Created(svc.AddEvent(req.User(), in, ActorOf(req)));
          });
    r.Add("GET", "/api/v1/museum-visits", Access::Need("culture.read"), "Museum visits by day (?from=, ?to=)",
          [&svc](Request& req) {
              VisitFilter f{.community = http::QueryOptInt(req, "community"),
                            .venue = http::QueryOptInt(req, "venue"),
                            .from = http::QueryOptDate(req, "from").value_or(""),
                            .to = http::QueryOptDate(req, "to").value_or(""),
                            .page = http::PageOf(req)};
              return http::ListResponse(svc.Visits(req.User(), f), [](const Visit& v) { return ToJson(v); });
          });
    r.Add("GET", "/api/v1/museum-visits/{id}", Access::Need("culture.read"), "One visit record", [&svc](Request& req) {
        VisitFilter f{.id = http::PathId(req), .page = {1, 0}};
        return http::OneOf(svc.Visits(req.User(), f), [](const Visit& v) { return ToJson(v); });
    });
    r.Add("POST", "/api/v1/museum-visits", Access::Need("culture.write"), "Count a group or individuals at the door",
          [&svc](Request& req) {
              http::JsonBody body(req);
              VisitInput in;
              in.venue_id = body.Int("venue_id", true, 1).value_or(0);
              in.visited_on = body.Date("visited_on").value_or(time::Today());
              in.kind = body.Str("kind", true, 20).value_or("");
              in.group_name = body.Str("group_name", false, 100).value_or("");
              in.people = body.Int("people", true, 1, 10000).value_or(0);
              body.Finish();
              return http::Created(svc.AddVisit(req.User(), in, ActorOf(req)));
          });

    r.Add("GET", "/api/v1/exhibits", Access::Need("culture.read"),
          "The museum's catalogue (?ethnicity=, ?category=, ?status=, ?q=)", [&svc](Request& req) {
              return http::ListResponse(svc.Exhibits(req.User(), ExhibitQuery(req)),
                                        [](const Exhibit& e) { return ToJson(e); });
          });
    r.Add("GET", "/api/v1/exhibits/{id}", Access::Need("culture.read"), "One exhibit with its checks and loans",
          [&svc](Request& req) {
              ExhibitFilter f{.id = http::PathId(req), .page = {1, 0}};
              return http::OneOf(svc.Exhibits(req.User(), f), [](const Exhibit& e) { return ToJson(e); });
          });
    r.Add("POST", "/api/v1/exhibits", Access::Need("culture.write"), "Catalogue an exhibit", [&svc](Request& req) {
        http::JsonBody body(req);
        ExhibitInput in = ReadExhibit(body);
        body.Finish();
        return http::Created(svc.AddExhibit(req.User(), in, ActorOf(req)));
    });
    r.Add("PUT", "/api/v1/exhibits/{id}", Access::Need("culture.write"), "Change an exhibit's record",
          [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              ExhibitInput in = ReadExhibit(body);
              body.Finish();
              svc.UpdateExhibit(req.User(), id, in, ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/exhibits/{id}/checks", Access::Need("culture.write"), "Record a condition check",
          [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              CheckInput in;
              in.checked_on = body.Date("checked_on").value_or(time::Today());
              in.condition = body.Str("condition", true, 20).value_or("");
              in.note = body.Str("note", false, 1000).value_or("");
              body.Finish();
              return http::Created(svc.AddCheck(req.User(), id, in, ActorOf(req)));
          });
    r.Add("POST", "/api/v1/exhibits/{id}/loans", Access::Need("culture.write"),
          "Lend an exhibit out, or record one lent in", [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              LoanInput in;
              in.direction = body.Str("direction", true, 10).value_or("");
              in.party = body.Str("party", true, 100).value_or("");
              in.from_date = body.Date("from_date").value_or(time::Today());
              in.due_on = body.Date("due_on", true).value_or("");
              in.note = body.Str("note", false, 500).value_or("");
              body.Finish();
              return http::Created(svc.AddLoan(req.User(), id, in, ActorOf(req)));
          });
    r.Add("POST", "/api/v1/exhibits/{id}/loans/{loan}/return", Access::Need("culture.write"), "A loan came back",
          [&svc](Request& req) {
              int64_t id = http::PathId(req);
              int64_t loan = http::PathId(req, "loan");
              http::JsonBody body(req);
              auto date = body.Date("date").value_or(time::Today());
              body.Finish();
              svc.ReturnLoan(req.User(), id, loan, date, ActorOf(req));
              return http::Ok();
          });
    r.Add("GET", "/api/v1/public/exhibits", Access::Public(),
          "The public museum catalogue of ?community= (no login; lenders named only with their consent)",
          [&svc](Request& req) {
              const int64_t community = http::QueryRequiredInt(req, "community");
              return http::ListResponse(svc.PublicExhibits(community, ExhibitQuery(req)),
                                        [](const Exhibit& e) { return PublicJson(e); });
          });
    // Photos of exhibits and of series events: the catalogue's and the events' own pages.
    const auto in_scope = [](const char* table) {
        return [table](db::Connection& c, const auth::Principal& p, int64_t id, bool) {
            return media::OwnerWhere(c, table, id, auth::WhereIn(auth::CommunityRecordScope(p)));
        };
    };
    media::RegisterPhotoRoutes(r, ctx.db,
                               {kExhibitPhotos, "/api/v1/exhibits", Access::Need("culture.read"),
                                Access::Need("culture.write"), in_scope("exhibits")});
    media::RegisterPhotoRoutes(r, ctx.db,
                               {kEventPhotos, "/api/v1/culture-events", Access::Need("culture.read"),
                                Access::Need("culture.write"), in_scope("culture_events")});
    r.Add("GET", "/api/v1/public/exhibits/{id}/photos/{photo}", Access::Public(),
          "A photo of an exhibit in the public catalogue as JPEG (?size=thumb: its thumbnail)", [&ctx](Request& req) {
              const bool thumb = http::QueryOptChoice(req, "size", {"thumb", "full"}).value_or("full") == "thumb";
              db::Connection& conn = ctx.db.Local();
              db::SqlWhere shown;
              shown.Add(kPublicExhibits);
              auto exhibit = media::OwnerWhere(conn, "exhibits", http::PathId(req), shown);
              auto bytes = exhibit
                               ? media::PhotoBytes(conn, kExhibitPhotos, exhibit->id, http::PathId(req, "photo"), thumb)
                               : std::nullopt;
              if (!bytes) throw AppError(ErrorCode::kNotFound, "not_found");
              return media::PhotoResponse(std::move(*bytes));
          });
    RegisterIndicators(registry);
}

}  // namespace tongxin::culture
