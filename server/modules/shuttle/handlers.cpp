#include <boost/json.hpp>
#include <chrono>
#include <deque>
#include <map>
#include <mutex>

#include "core/http/paging.hpp"
#include "core/io/qr.hpp"
#include "core/time/clock.hpp"
#include "modules/shuttle/json.hpp"
#include "modules/shuttle/module.hpp"

namespace tongxin::shuttle {
namespace json = boost::json;
using http::Access;
using http::Request;

namespace {

// A sliding window of attempts per account; 429 with the seconds to wait beyond the limit.
class AttemptLimiter {
  public:
    AttemptLimiter(size_t limit, std::chrono::seconds window) : limit_(limit), window_(window) {}
    void Check(int64_t account) {
        auto now = std::chrono::steady_clock::now();
        std::lock_guard<std::mutex> lock(mu_);
        auto& times = attempts_[account];
        while (!times.empty() && now - times.front() >= window_) times.pop_front();
        if (times.size() >= limit_) {
            auto wait = std::chrono::duration_cast<std::chrono::seconds>(window_ - (now - times.front())).count() + 1;
            throw AppError::TooManyRequests("too_many_requests", wait);
        }
        times.push_back(now);
    }

  private:
    size_t limit_;
    std::chrono::seconds window_;
    std::mutex mu_;
    std::map<int64_t, std::deque<std::chrono::steady_clock::time_point>> attempts_;
};

Announcement AnnouncementOf(ShuttleService& svc, const Context& ctx, const Request& req) {
    Trip trip = svc.GetTrip(req.User(), http::PathId(req));
    std::string path = "/m/shuttle?trip=" + std::to_string(trip.id);
    return BookingAnnouncement(trip, path, ctx.Link(path));
}

}  // namespace

void Register(http::Router& r, Context& ctx, ShuttleService& svc, reports::Registry& registry) {
    RegisterIndicators(registry);
    static AttemptLimiter limiter(60, std::chrono::seconds(60));
    r.Add("GET", "/api/v1/shuttle/trips", Access::NeedAny({"shuttle.write", "shuttle.book", "shuttle.board"}),
          "Shuttle trips with stops (your booking included)", [&svc](Request& req) {
              return http::ListResponse(svc.Trips(req.User(), http::QueryOptInt(req, "community")),
                                        [](const Trip& t) { return ToJson(t); });
          });
    r.Add("GET", "/api/v1/shuttle/trips/{id}", Access::NeedAny({"shuttle.write", "shuttle.book", "shuttle.board"}),
          "One trip with its stops",
          [&svc](Request& req) { return http::JsonResponse(ToJson(svc.GetTrip(req.User(), http::PathId(req)))); });
    r.Add("GET", "/api/v1/shuttle/services", Access::Need("shuttle.read"), "Shuttle services (?community=)",
          [&svc](Request& req) {
              return http::ListResponse(svc.Services(req.User(), http::QueryOptInt(req, "community")),
                                        [](const Service& x) { return ToJson(x); });
          });
    r.Add("GET", "/api/v1/shuttle/services/{id}", Access::Need("shuttle.read"), "One shuttle service",
          [&svc](Request& req) {
              return http::OneOf(svc.Services(req.User(), std::nullopt, http::PathId(req)),
                                 [](const Service& x) { return ToJson(x); });
          });
    r.Add("POST", "/api/v1/shuttle/services", Access::Need("shuttle.write"), "Create a shuttle service",
          [&svc](Request& req) {
              http::JsonBody body(req);
              ServiceInput in = ParseServiceInput(body);
              body.Finish();
              int64_t id = svc.CreateService(req.User(), in, ActorOf(req));
              return http::Created(id);
          });
    r.Add("POST", "/api/v1/shuttle/trips", Access::Need("shuttle.write"), "Create a trip with its stops",
          [&svc](Request& req) {
              http::JsonBody body(req);
              TripInput in = ParseTripInput(body);
              body.Finish();
              int64_t id = svc.CreateTrip(req.User(), in, ActorOf(req));
              return http::Created(id);
          });
    r.Add("GET", "/api/v1/shuttle/trips/{id}/reservations",
          Access::NeedAny({"shuttle.write", "shuttle.book", "shuttle.board"}),
          "Reservations of a trip by stop (staff: all; group leaders: their group's)", [&svc](Request& req) {
              ReservationList list = svc.Reservations(req.User(), http::PathId(req));
              json::array items;
              for (const Reservation& x : list.items) items.push_back(ToJson(x, list));
              return http::ListResponse(std::move(items), static_cast<int64_t>(list.items.size()));
          });
    r.Add("POST", "/api/v1/shuttle/trips/{id}/reservations", Access::NeedAny({"shuttle.write", "shuttle.book"}),
          "Book a seat (yourself, or resident_id of your group) at a stop; a full trip puts you on the waitlist",
          [&svc](Request& req) {
              // Staff entering bookings at the desk are not limited; residents and leaders are.
              if (!req.User().Can("shuttle.write")) limiter.Check(req.User().user_id);
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto resident = body.Int("resident_id", false, 1);
              auto stop = body.Int("stop_id", true, 1);
              bool declared = body.Bool("declared").value_or(false);
              body.Finish();
              return http::JsonResponse(ToJson(svc.Reserve(req.User(), id, resident, *stop, declared, ActorOf(req))),
                                        201);
          });
    r.Add("POST", "/api/v1/shuttle/trips/{id}/reservations/cancel", Access::NeedAny({"shuttle.write", "shuttle.book"}),
          "Cancel before the deadline; the first on the waitlist takes the seat", [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto resident = body.Int("resident_id", false, 1);
              body.Finish();
              return http::JsonResponse(ToJson(svc.Cancel(req.User(), id, resident, ActorOf(req))));
          });
    r.Add("GET", "/api/v1/shuttle/trips/{id}/pass", Access::NeedAny({"shuttle.write", "shuttle.book"}),
          "Boarding pass of a confirmed seat (yours, or ?resident_id= of your group) with its QR code (SVG)",
          [&svc, &ctx](Request& req) {
              int64_t id = http::PathId(req);
              Pass p = svc.Pass(req.User(), id, http::QueryOptInt(req, "resident_id"));
              std::string link = ctx.Link("/m/shuttle/board?trip=" + std::to_string(id) + "&pass=" + p.code);
              json::object pass = ToJson(p);
              pass["link"] = link;
              pass["qr_svg"] = io::QrSvg(link);
              return http::JsonResponse(pass);
          });
    r.Add("POST", "/api/v1/shuttle/trips/{id}/boarding", Access::NeedAny({"shuttle.board", "shuttle.book"}),
          "Mark a reservation boarded: reservation_id (ticked on the list) or pass (scanned); staff and the trip's "
          "volunteers",
          [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto reservation = body.Int("reservation_id", false, 1);
              auto pass = body.Str("pass", false, 64);
              body.Finish();
              return http::JsonResponse(ToJson(svc.Board(req.User(), id, reservation, pass, ActorOf(req))));
          });
    r.Add("GET", "/api/v1/shuttle/trips/{id}/volunteers", Access::Need("shuttle.read"),
          "Volunteers on the trip, by stop, with their minutes and ledger entries", [&svc](Request& req) {
              auto list = svc.Volunteers(req.User(), http::PathId(req));
              json::array items;
              for (const TripVolunteer& v : list) items.push_back(ToJson(v));
              return http::ListResponse(std::move(items), static_cast<int64_t>(list.size()));
          });
    r.Add("POST", "/api/v1/shuttle/trips/{id}/volunteers", Access::Need("shuttle.write"),
          "Assign a volunteer to the trip (a stop, or the bus); their minutes go to the ledger at closing",
          [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto resident = body.Int("resident_id", true, 1);
              auto stop = body.Int("stop_id", false, 1);
              auto minutes = body.Int("minutes", false, 1, 720).value_or(120);
              body.Finish();
              int64_t vid = svc.AssignVolunteer(req.User(), id, *resident, stop, minutes, ActorOf(req));
              return http::Created(vid);
          });
    r.Add("DELETE", "/api/v1/shuttle/trips/{id}/volunteers/{vid}", Access::Need("shuttle.write"),
          "Remove a volunteer before their hours are recorded", [&svc](Request& req) {
              svc.RemoveVolunteer(req.User(), http::PathId(req), http::PathId(req, "vid"), ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/shuttle/trips/{id}/close", Access::Need("shuttle.board"),
          "Close boarding: confirmed but not boarded become no-shows", [&svc](Request& req) {
              svc.Close(req.User(), http::PathId(req), ActorOf(req));
              return http::Ok();
          });
    r.Add("GET", "/api/v1/shuttle/trips/{id}/notice", Access::Need("shuttle.write"),
          "Copy-ready announcement for owners' groups and building heads, with the booking link and its QR code (SVG)",
          [&svc, &ctx](Request& req) {
              Announcement a = AnnouncementOf(svc, ctx, req);
              return http::JsonResponse(
                  json::object{{"title", a.title}, {"text", a.text}, {"link", a.link}, {"qr_svg", io::QrSvg(a.link)}});
          });
    r.Add("POST", "/api/v1/shuttle/trips/{id}/notice/publish", Access::Need("shuttle.write"),
          "Publish the announcement to the community's notice board in the app", [&svc, &ctx](Request& req) {
              Announcement a = AnnouncementOf(svc, ctx, req);
              notices::NoticeInput in{a.community_id, a.title, a.text, a.path, "shuttle_trip", a.trip_id};
              int64_t id = notices::NoticeService::PublishOnce(ctx.db, req.User(), in, ActorOf(req));
              return http::Created(id);
          });
    r.Add("GET", "/api/v1/shuttle/trips/{id}/figures", Access::Need("shuttle.read"),
          "Seats offered, booked, boarded, no-shows, by stop",
          [&svc](Request& req) { return http::JsonResponse(ToJson(svc.Figures(req.User(), http::PathId(req)))); });
}

}  // namespace tongxin::shuttle
