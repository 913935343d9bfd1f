#include <boost/json.hpp>

#include "core/auth/scope.hpp"
#include "core/http/paging.hpp"
#include "core/media/photo_routes.hpp"
#include "core/time/clock.hpp"
#include "modules/linkage/json.hpp"
#include "modules/linkage/module.hpp"

namespace tongxin::linkage {
namespace json = boost::json;
using http::Access;
using http::Request;

void Register(http::Router& r, Context& ctx, LinkageService& svc, reports::Registry& registry) {
    r.Add("GET", "/api/v1/linkage/partners", Access::Need("linkage.read"),
          "Partner organisations with their agreement in force on ?as_of= (?renewal=1: ending within 60 days, not "
          "yet renewed)",
          [&svc](Request& req) {
              PartnerFilter f{.community = http::QueryOptInt(req, "community"),
                              .q = http::QueryOptStr(req, "q").value_or(""),
                              .as_of = http::QueryOptDate(req, "as_of").value_or(""),
                              .renewal_due_only = req.Query("renewal").value_or("0") == "1",
                              .page = http::PageOf(req)};
              return http::ListResponse(svc.Partners(req.User(), f), [](const Partner& x) { return ToJson(x); });
          });
    r.Add("GET", "/api/v1/linkage/partners/{id}", Access::Need("linkage.read"), "One partner with its agreements",
          [&svc](Request& req) {
              PartnerFilter f{.id = http::PathId(req), .page = {1, 0}};
              return http::OneOf(svc.Partners(req.User(), f), [](const Partner& x) { return ToJson(x); });
          });
    r.Add("POST", "/api/v1/linkage/partners", Access::Need("linkage.write"),
          "Add a partner organisation (also an organisation of kind 'partner')", [&svc](Request& req) {
              http::JsonBody body(req);
              PartnerInput in{.community_id = body.Int("community_id", true, 1).value_or(0),
                              .name = body.Str("name", true, 200).value_or(""),
                              .kind = body.Str("kind", true, 30).value_or(""),
                              .contact = body.Str("contact", false, 200).value_or(""),
                              .description = body.Str("description", false, 2000).value_or("")};
              body.Finish();
              return http::Created(svc.AddPartner(req.User(), in, ActorOf(req)));
          });
    r.Add("POST", "/api/v1/linkage/partners/{id}/agreements", Access::Need("linkage.write"),
          "Record a co-building agreement (signed_on, ends_on)", [&svc](Request& req) {
              const int64_t id = http::PathId(req);
              http::JsonBody body(req);
              AgreementInput in{.title = body.Str("title", true, 200).value_or(""),
                                .signed_on = body.Date("signed_on", true).value_or(""),
                                .note = body.Str("note", false, 1000).value_or(""),
                                .ends_on = body.Date("ends_on")};
              body.Finish();
              return http::Created(svc.AddAgreement(req.User(), id, in, ActorOf(req)));
          });

    r.Add("GET", "/api/v1/linkage/projects", Access::Need("linkage.read"),
          "Brand projects with their partners and what they contributed (?year= running in it, ?partner=, ?status=)",
          [&svc](Request& req) {
              ProjectFilter f{
                  .community = http::QueryOptInt(req, "community"),
                  .partner = http::QueryOptInt(req, "partner"),
                  .status = http::QueryOptChoice(req, "status", {"planned", "running", "finished"}).value_or(""),
                  .year = http::QueryOptYear(req).value_or(""),
                  .q = http::QueryOptStr(req, "q").value_or(""),
                  .page = http::PageOf(req)};
              return http::ListResponse(svc.Projects(req.User(), f), [](const Project& x) { return ToJson(x); });
          });
    r.Add("GET", "/api/v1/linkage/projects/{id}", Access::Need("linkage.read"),
          "One brand project: partners, the records it ran, contributions and outcomes", [&svc](Request& req) {
              ProjectFilter f{.id = http::PathId(req), .page = {1, 0}};
              return http::OneOf(svc.Projects(req.User(), f), [](const Project& x) { return ToJson(x); });
          });
    r.Add("POST", "/api/v1/linkage/projects", Access::Need("linkage.write"), "Start a brand project with its partners",
          [&svc](Request& req) {
              http::JsonBody body(req);
              ProjectInput in{.community_id = body.Int("community_id", true, 1).value_or(0),
                              .name = body.Str("name", true, 200).value_or(""),
                              .goals = body.Str("goals", false, 2000).value_or(""),
                              .started_on = body.Date("started_on", true).value_or(""),
                              .status = body.Str("status", false, 20).value_or("running"),
                              .description = body.Str("description", false, 4000).value_or(""),
                              .ended_on = body.Date("ended_on"),
                              .partner_ids = body.IntList("partner_ids", 50).value_or(std::vector<int64_t>{})};
              body.Finish();
              return http::Created(svc.AddProject(req.User(), in, ActorOf(req)));
          });
    r.Add("POST", "/api/v1/linkage/projects/{id}/status", Access::Need("linkage.write"),
          "Change a project's status (finished needs ended_on)", [&svc](Request& req) {
              const int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto status = body.Str("status", true, 20).value_or("");
              auto ended_on = body.Date("ended_on");
              body.Finish();
              svc.SetStatus(req.User(), id, status, ended_on, ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/linkage/projects/{id}/partners", Access::Need("linkage.write"), "Add a partner to a project",
          [&svc](Request& req) {
              const int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto partner = body.Int("partner_id", true, 1).value_or(0);
              auto role = body.Str("role", false, 100).value_or("");
              body.Finish();
              svc.AddProjectPartner(req.User(), id, partner, role, ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/linkage/projects/{id}/links", Access::Need("linkage.write"),
          "Link a record the project ran: a culture event, a room booking or a fund project", [&svc](Request& req) {
              const int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto kind = body.Str("kind", true, 30).value_or("");
              auto record = body.Int("record_id", true, 1).value_or(0);
              body.Finish();
              svc.Link(req.User(), id, kind, record, ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/linkage/projects/{id}/contributions", Access::Need("linkage.write"),
          "Record what a partner contributed: money (a fund donation's id), in kind (with its value) or volunteer "
          "hours (a ledger entry's id)",
          [&svc](Request& req) {
              const int64_t id = http::PathId(req);
              http::JsonBody body(req);
              ContributionInput in{.partner_id = body.Int("partner_id", true, 1).value_or(0),
                                   .kind = body.Str("kind", true, 20).value_or(""),
                                   .what = body.Str("what", false, 500).value_or(""),
                                   .on_date = body.Date("on_date", true).value_or(""),
                                   .donation_id = body.Int("donation_id", false, 1),
                                   .volunteer_record_id = body.Int("volunteer_record_id", false, 1),
                                   .value_fen = body.Int("value_fen", false, 1)};
              body.Finish();
              return http::Created(svc.Contribute(req.User(), id, in, ActorOf(req)));
          });
    r.Add("POST", "/api/v1/linkage/projects/{id}/outcomes", Access::Need("linkage.write"),
          "Record an outcome of the project; measure names the figure computed from the project's records",
          [&svc](Request& req) {
              const int64_t id = http::PathId(req);
              http::JsonBody body(req);
              Outcome in{.on_date = body.Date("on_date", true).value_or(""),
                         .what = body.Str("what", true, 1000).value_or("")};
              in.measure = body.Str("measure", false, 30);
              body.Finish();
              return http::Created(svc.AddOutcome(req.User(), id, in, ActorOf(req)));
          });
    // Photos of a project: the evidence of its outcomes.
    media::RegisterPhotoRoutes(
        r, ctx.db,
        {kProjectPhotos, "/api/v1/linkage/projects", Access::Need("linkage.read"), Access::Need("linkage.write"),
         [](db::Connection& c, const auth::Principal& p, int64_t id, bool) {
             return media::OwnerWhere(c, "brand_projects", id, auth::WhereIn(auth::CommunityRecordScope(p)));
         }});
    RegisterIndicators(registry);
}

}  // namespace tongxin::linkage
