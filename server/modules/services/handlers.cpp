#include <algorithm>
#include <boost/json.hpp>

#include "core/http/json_fields.hpp"
#include "core/http/paging.hpp"
#include "core/time/clock.hpp"
#include "modules/services/json.hpp"
#include "modules/services/module.hpp"

namespace tongxin::services {
namespace json = boost::json;
using http::Access;
using http::Request;

namespace {

PointInput PointOf(http::JsonBody& body) {
    PointInput in;
    in.community_id = body.Int("community_id", true, 1).value_or(0);
    in.name = body.Str("name", true, 100).value_or("");
    in.kind = body.Str("kind", true, 40).value_or("");
    in.address = body.Str("address", false, 200).value_or("");
    in.lat = body.Real("lat", true).value_or(0);
    in.lng = body.Real("lng", true).value_or(0);
    in.opening_hours = body.Str("opening_hours", false, 200).value_or("");
    in.services = body.Str("services", false, 1000).value_or("");
    in.age_groups = body.StrList("age_groups", 4).value_or(std::vector<std::string>{});
    in.active = body.Bool("active").value_or(true);
    return in;
}

}  // namespace

void Register(http::Router& r, Context& ctx, ServiceLineService& svc, reports::Registry& registry) {
    (void)ctx;
    RegisterIndicators(registry);
    r.Add("GET", "/api/v1/service-points", Access::NeedAny({"services.read", "volunteer.self"}),
          "Service points of the 15-minute service circle (?community=, ?kind=)", [&svc](Request& req) {
              json::array items;
              for (const Point& p :
                   svc.Points(req.User(), http::QueryOptInt(req, "community"), http::QueryOptStr(req, "kind"))) {
                  items.push_back(ToJson(p));
              }
              return http::ListResponse(std::move(items));
          });
    r.Add("GET", "/api/v1/service-points/{id}", Access::NeedAny({"services.read", "volunteer.self"}),
          "One service point", [&svc](Request& req) {
              auto points = svc.Points(req.User(), std::nullopt, std::nullopt, http::PathId(req));
              if (points.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
              return http::JsonResponse(ToJson(points.front()));
          });
    r.Add("POST", "/api/v1/service-points", Access::Need("services.write"), "Add a service point",
          [&svc](Request& req) {
              http::JsonBody body(req);
              PointInput in = PointOf(body);
              body.Finish();
              int64_t id = svc.CreatePoint(req.User(), in, ActorOf(req));
              return http::Created(id);
          });
    r.Add("PUT", "/api/v1/service-points/{id}", Access::Need("services.write"), "Change a service point",
          [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              PointInput in = PointOf(body);
              body.Finish();
              svc.UpdatePoint(req.User(), id, in, ActorOf(req));
              return http::Ok();
          });
    r.Add("GET", "/api/v1/service-points/coverage", Access::Need("services.read"),
          "Buildings within ?metres= (default 1000, a 15-minute walk) of each kind of service, with the gaps "
          "(?community=, ?age_group=)",
          [&svc](Request& req) {
              const int64_t community = http::QueryRequiredInt(req, "community");
              double metres = static_cast<double>(http::QueryInt(req, "metres", 1000, 50, 20000));
              return http::JsonResponse(
                  ToJson(svc.Coverage(req.User(), community, metres, http::QueryOptStr(req, "age_group"))));
          });

    r.Add("GET", "/api/v1/mutual-aid", Access::NeedAny({"services.read", "volunteer.self"}),
          "Mutual-aid requests and offers (?community=, ?kind=, ?status=, ?mine=1)", [&svc](Request& req) {
              AidFilter f{.community = http::QueryOptInt(req, "community"),
                          .kind = http::QueryOptStr(req, "kind"),
                          .status = http::QueryOptStr(req, "status"),
                          .mine = req.Query("mine").value_or("") == "1",
                          .page = http::PageOf(req)};
              return http::ListResponse(svc.Aid(req.User(), f), [](const Aid& a) { return ToJson(a); });
          });
    r.Add("GET", "/api/v1/mutual-aid/{id}", Access::NeedAny({"services.read", "volunteer.self"}),
          "One mutual-aid request or offer", [&svc](Request& req) {
              AidFilter f{.id = http::PathId(req), .page = {1, 0}};
              return http::OneOf(svc.Aid(req.User(), f), [](const Aid& a) { return ToJson(a); });
          });
    r.Add("POST", "/api/v1/mutual-aid", Access::NeedAny({"services.write", "volunteer.self"}),
          "Post a request for help or an offer (yourself, or resident_id for a neighbour in your scope)",
          [&svc](Request& req) {
              http::JsonBody body(req);
              AidInput in;
              in.kind = body.Str("kind", true, 10).value_or("");
              in.resident_id = body.Int("resident_id", false, 1);
              in.age_group = body.Str("age_group", true, 10).value_or("");
              in.title = body.Str("title", true, 100).value_or("");
              in.detail = body.Str("detail", false, 1000).value_or("");
              // Every field's problem in one answer.
              if (!in.kind.empty() && in.kind != "request" && in.kind != "offer") body.Fail("kind", "invalid_choice");
              const auto& groups = AgeGroups();
              if (!in.age_group.empty() && std::find(groups.begin(), groups.end(), in.age_group) == groups.end()) {
                  body.Fail("age_group", "invalid_choice");
              }
              body.Finish();
              int64_t id = svc.Post(req.User(), in, ActorOf(req));
              return http::Created(id);
          });
    r.Add("POST", "/api/v1/mutual-aid/{id}/match", Access::NeedAny({"services.write", "volunteer.self"}),
          "Match a request with an offer (offer_id) or a helper (helper_resident_id); a resident may take one up",
          [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto offer = body.Int("offer_id", false, 1);
              auto helper = body.Int("helper_resident_id", false, 1);
              bool self = body.Bool("self").value_or(false);
              body.Finish();
              if (self && !offer && !helper) {
                  if (!req.User().resident_id) throw AppError(ErrorCode::kUnprocessable, "no_resident_record");
                  helper = req.User().resident_id;
              }
              svc.Match(req.User(), id, offer, helper, ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/mutual-aid/{id}/complete", Access::Need("services.write"),
          "Complete a matched request with the minutes given (as_volunteer_hours: into the volunteer ledger)",
          [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto minutes = body.Int("minutes", true, 1, 24 * 60);
              auto on = body.Date("completed_on").value_or(time::Today());
              bool as_hours = body.Bool("as_volunteer_hours").value_or(false);
              body.Finish();
              auto hours_id = svc.Complete(req.User(), id, *minutes, on, as_hours, ActorOf(req));
              return http::JsonResponse(json::object{{"hours_id", http::OrNull(hours_id)}});
          });
    r.Add("POST", "/api/v1/mutual-aid/{id}/cancel", Access::NeedAny({"services.write", "volunteer.self"}),
          "Withdraw a request or offer", [&svc](Request& req) {
              int64_t id = http::PathId(req);
              std::string reason = http::OneText(req, "reason", false, 200);
              svc.Cancel(req.User(), id, reason, ActorOf(req));
              return http::Ok();
          });
}

}  // namespace tongxin::services
