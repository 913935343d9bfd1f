#include <boost/json.hpp>
#include <chrono>
#include <deque>
#include <map>
#include <mutex>

#include "core/http/paging.hpp"
#include "core/io/qr.hpp"
#include "core/time/clock.hpp"
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

struct Announcement {
    int64_t trip_id, community_id;
    std::string title, text, link, path;
};

// The booking announcement of a trip: where and when the bus stops, how to book, and that
// neighbours without a smartphone book through their group leader or building head.
Announcement AnnouncementOf(ShuttleService& svc, const Context& ctx, const Request& req) {
    int64_t id = http::PathId(req);
    auto trips = svc.Trips(req.User(), std::nullopt, id);
    if (trips["items"].as_array().empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const json::object* trip = &trips["items"].as_array().front().as_object();
    auto str = [&](const char* key) { return std::string(trip->at(key).as_string()); };
    Announcement a;
    a.trip_id = id;
    a.community_id = trip->at("community_id").as_int64();
    a.path = "/m/shuttle?trip=" + std::to_string(id);
    a.link = ctx.Link(a.path);
    a.title = str("trip_date") + " " + str("service");
    std::string stops;
    for (const auto& s : trip->at("stops").as_array()) {
        stops += std::string(s.as_object().at("time").as_string()) + " " +
                 std::string(s.as_object().at("name").as_string()) + "\n";
    }
    a.text = "【" + str("service") + "】" + str("trip_date") + " 免费接驳车开往" + str("destination") + "（" +
             str("operator") + "，" + std::to_string(trip->at("seats").as_int64()) + " 座）。\n上车站点和时间：\n" +
             stops + (str("declaration").empty() ? "" : "预约时请确认：" + str("declaration") + "\n") +
             "请在手机上预约：" + a.link +
             "\n没有智能手机的邻居，请联系本小组组长或楼栋长代为预约。名额有限，约满后自动候补。";
    return a;
}

}  // namespace

void Register(http::Router& r, Context& ctx, ShuttleService& svc, reports::Registry& registry) {
    RegisterIndicators(registry);
    static AttemptLimiter limiter(60, std::chrono::seconds(60));
    r.Add("GET", "/api/v1/shuttle/trips", Access::NeedAny({"shuttle.write", "shuttle.book"}),
          "Shuttle trips with stops (your booking included)", [&svc](Request& req) {
              return http::JsonResponse(svc.Trips(req.User(), http::QueryOptInt(req, "community")));
          });
    r.Add("GET", "/api/v1/shuttle/trips/{id}", Access::NeedAny({"shuttle.write", "shuttle.book"}),
          "One trip with its stops",
          [&svc](Request& req) { return http::OneOf(svc.Trips(req.User(), std::nullopt, http::PathId(req))); });
    r.Add("GET", "/api/v1/shuttle/services", Access::Need("shuttle.read"), "Shuttle services (?community=)",
          [&svc](Request& req) {
              return http::JsonResponse(svc.Services(req.User(), http::QueryOptInt(req, "community")));
          });
    r.Add("GET", "/api/v1/shuttle/services/{id}", Access::Need("shuttle.read"), "One shuttle service",
          [&svc](Request& req) { return http::OneOf(svc.Services(req.User(), std::nullopt, http::PathId(req))); });
    r.Add("POST", "/api/v1/shuttle/services", Access::Need("shuttle.write"), "Create a shuttle service",
          [&svc](Request& req) {
              http::JsonBody body(req);
              auto community = body.Int("community_id", true, 1);
              auto name = body.Str("name", true, 100);
              auto destination = body.Str("destination", true, 200);
              auto op = body.Str("operator", false, 100).value_or("");
              auto min_age = body.Int("min_age", false, 0, 150);
              auto max_age = body.Int("max_age", false, 0, 150);
              auto declaration = body.Str("declaration", false, 300).value_or("");
              body.Finish();
              int64_t id = svc.CreateService(req.User(), *community, *name, *destination, op, min_age, max_age,
                                             declaration, ActorOf(req));
              return http::JsonResponse(json::object{{"id", id}}, 201);
          });
    r.Add("POST", "/api/v1/shuttle/trips", Access::Need("shuttle.write"), "Create a trip with its stops",
          [&svc](Request& req) {
              http::JsonBody body(req);
              TripInput in;
              in.service_id = body.Int("service_id", true, 1).value_or(0);
              in.trip_date = body.Date("trip_date", true).value_or("");
              in.departs_at = body.Time("departs_at", true).value_or(0);
              in.booking_deadline = body.Time("booking_deadline", true).value_or(0);
              in.vehicle = body.Str("vehicle", true, 100).value_or("");
              in.seats = body.Int("seats", true, 1, 1000).value_or(0);
              const json::value* stops = body.Raw("stops");
              body.Finish();
              if (stops && stops->is_array()) {
                  for (const auto& s : stops->as_array()) {
                      if (!s.is_object() || !s.as_object().contains("name") || !s.as_object().at("name").is_string() ||
                          !s.as_object().contains("time") || !s.as_object().at("time").is_string()) {
                          throw AppError(ErrorCode::kUnprocessable, "validation_failed",
                                         {{"fields", {{"stops", "wrong_type"}}}});
                      }
                      in.stops.emplace_back(std::string(s.as_object().at("name").as_string()),
                                            std::string(s.as_object().at("time").as_string()));
                  }
              }
              int64_t id = svc.CreateTrip(req.User(), in, ActorOf(req));
              return http::JsonResponse(json::object{{"id", id}}, 201);
          });
    r.Add("GET", "/api/v1/shuttle/trips/{id}/reservations", Access::NeedAny({"shuttle.write", "shuttle.book"}),
          "Reservations of a trip by stop (staff: all; group leaders: their group's)",
          [&svc](Request& req) { return http::JsonResponse(svc.Reservations(req.User(), http::PathId(req))); });
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
              return http::JsonResponse(svc.Reserve(req.User(), id, resident, *stop, declared, ActorOf(req)), 201);
          });
    r.Add("POST", "/api/v1/shuttle/trips/{id}/reservations/cancel", Access::NeedAny({"shuttle.write", "shuttle.book"}),
          "Cancel before the deadline; the first on the waitlist takes the seat", [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto resident = body.Int("resident_id", false, 1);
              body.Finish();
              return http::JsonResponse(svc.Cancel(req.User(), id, resident, ActorOf(req)));
          });
    r.Add("GET", "/api/v1/shuttle/trips/{id}/pass", Access::NeedAny({"shuttle.write", "shuttle.book"}),
          "Boarding pass of a confirmed seat (yours, or ?resident_id= of your group) with its QR code (SVG)",
          [&svc, &ctx](Request& req) {
              int64_t id = http::PathId(req);
              json::object pass = svc.Pass(req.User(), id, http::QueryOptInt(req, "resident_id"));
              std::string link = ctx.Link("/m/shuttle/board?trip=" + std::to_string(id) +
                                          "&pass=" + std::string(pass.at("code").as_string()));
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
              return http::JsonResponse(svc.Board(req.User(), id, reservation, pass, ActorOf(req)));
          });
    r.Add("GET", "/api/v1/shuttle/trips/{id}/volunteers", Access::Need("shuttle.read"),
          "Volunteers on the trip, by stop, with their minutes and ledger entries",
          [&svc](Request& req) { return http::JsonResponse(svc.Volunteers(req.User(), http::PathId(req))); });
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
              return http::JsonResponse(json::object{{"id", vid}}, 201);
          });
    r.Add("DELETE", "/api/v1/shuttle/trips/{id}/volunteers/{vid}", Access::Need("shuttle.write"),
          "Remove a volunteer before their hours are recorded", [&svc](Request& req) {
              svc.RemoveVolunteer(req.User(), http::PathId(req), http::PathId(req, "vid"), ActorOf(req));
              return http::JsonResponse(json::object{{"ok", true}});
          });
    r.Add("POST", "/api/v1/shuttle/trips/{id}/close", Access::Need("shuttle.board"),
          "Close boarding: confirmed but not boarded become no-shows", [&svc](Request& req) {
              svc.Close(req.User(), http::PathId(req), ActorOf(req));
              return http::JsonResponse(json::object{{"ok", true}});
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
              return http::JsonResponse(json::object{{"id", id}}, 201);
          });
    r.Add("GET", "/api/v1/shuttle/trips/{id}/figures", Access::Need("shuttle.read"),
          "Seats offered, booked, boarded, no-shows, by stop",
          [&svc](Request& req) { return http::JsonResponse(svc.Figures(req.User(), http::PathId(req))); });
}

}  // namespace tongxin::shuttle
