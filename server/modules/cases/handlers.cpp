#include <boost/json.hpp>

#include "core/http/paging.hpp"
#include "core/time/clock.hpp"
#include "modules/cases/json.hpp"
#include "modules/cases/module.hpp"

namespace tongxin::cases {
namespace json = boost::json;
using http::Access;
using http::Request;

void Register(http::Router& r, Context& ctx, CaseService& svc, reports::Registry& registry) {
    (void)ctx;
    RegisterIndicators(registry);
    r.Add("GET", "/api/v1/cases", Access::Need("cases.handle"),
          "Cases assigned to you (all of the community for the centre's head) (?community=, ?kind=, ?status=)",
          [&svc](Request& req) {
              CaseFilter f{http::QueryOptInt(req, "community"), http::QueryOptStr(req, "kind"),
                           http::QueryOptStr(req, "status"), http::PageOf(req)};
              return http::ListResponse(svc.List(req.User(), f, ActorOf(req)),
                                        [](const CaseSummary& c) { return ToJson(c); });
          });
    r.Add("GET", "/api/v1/cases/stats", Access::Need("cases.count"),
          "Counts only: by kind, disputes resolved by month and in all, days to resolution (?community=, ?year=)",
          [&svc](Request& req) {
              const int64_t community = http::QueryRequiredInt(req, "community");
              int year =
                  static_cast<int>(http::QueryInt(req, "year", std::stoi(time::Today().substr(0, 4)), 2000, 2100));
              return http::JsonResponse(ToJson(svc.Stats(req.User(), community, year)));
          });
    r.Add("POST", "/api/v1/cases", Access::Need("cases.intake"), "Register a case (intake)", [&svc](Request& req) {
        http::JsonBody body(req);
        CaseInput in = ParseCaseInput(body);
        body.Finish();
        int64_t id = svc.Register(req.User(), in, ActorOf(req));
        return http::Created(id);
    });
    r.Add("GET", "/api/v1/cases/{id}", Access::Need("cases.handle"), "One case with its sessions (the read is audited)",
          [&svc](Request& req) {
              return http::JsonResponse(ToJson(svc.Get(req.User(), http::PathId(req), ActorOf(req))));
          });
    r.Add("GET", "/api/v1/cases/staff", Access::Need("cases.head"),
          "Who a case of the community may be assigned to (?community=)", [&svc](Request& req) {
              json::array items;
              for (const CaseStaff& s : svc.Staff(req.User(), http::QueryInt(req, "community", 0, 1, INT64_MAX)))
                  items.push_back(ToJson(s));
              return http::ListResponse(std::move(items));
          });
    r.Add("POST", "/api/v1/cases/{id}/assign", Access::Need("cases.head"), "Assign a case to staff",
          [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto user = body.Int("user_id", true, 1);
              auto role = body.Str("staff_role", true, 30);
              body.Finish();
              svc.Assign(req.User(), id, *user, *role, ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/cases/{id}/sessions", Access::Need("cases.handle"), "Record a session with notes",
          [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto held = body.Date("held_on").value_or(time::Today());
              auto notes = body.Str("notes", true, 5000);
              body.Finish();
              return http::JsonResponse(
                  json::object{{"id", svc.AddSession(req.User(), id, held, *notes, ActorOf(req))}}, 201);
          });
    r.Add("POST", "/api/v1/cases/{id}/agreement", Access::Need("cases.handle"),
          "Record the mediation agreement (written, or a verbal one recorded)", [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto form = body.Str("form", true, 10);
              auto parties = body.Str("parties", true, 500);
              auto content = body.Str("content", true, 5000);
              auto signed_on = body.Date("signed_on").value_or(time::Today());
              body.Finish();
              svc.RecordAgreement(req.User(), id, *form, *parties, *content, signed_on, ActorOf(req));
              return http::JsonResponse(json::object{{"ok", true}}, 201);
          });
    r.Add("POST", "/api/v1/cases/{id}/fulfilment", Access::Need("cases.handle"), "Record the fulfilment check",
          [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto fulfilment = body.Str("fulfilment", true, 20);
              auto note = body.Str("note", false, 1000).value_or("");
              auto on = body.Date("checked_on").value_or(time::Today());
              body.Finish();
              svc.CheckFulfilment(req.User(), id, *fulfilment, note, on, ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/cases/{id}/close", Access::Need("cases.handle"),
          "Close and archive a case with its outcome (read-only afterwards)", [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto outcome = body.Str("outcome", true, 20);
              auto on = body.Date("resolved_on").value_or(time::Today());
              body.Finish();
              svc.Close(req.User(), id, *outcome, on, ActorOf(req));
              return http::Ok();
          });
}

}  // namespace tongxin::cases
