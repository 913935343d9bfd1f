#include <boost/json.hpp>

#include "core/http/paging.hpp"
#include "core/time/clock.hpp"
#include "modules/party/json.hpp"
#include "modules/party/module.hpp"

namespace tongxin::party {
namespace json = boost::json;
using http::Access;
using http::Request;

namespace {

std::string AsOf(const Request& req) {
    auto d = req.Query("as_of").value_or("");
    if (d.empty()) return time::Today();
    if (!time::IsValidDate(d)) throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", {{"parameter", "as_of"}});
    return d;
}

}  // namespace

void Register(http::Router& r, Context& ctx, PartyService& svc, reports::Registry& registry) {
    r.Add("GET", "/api/v1/party-members", Access::Need("party.read"), "Party members who can act as liaisons",
          [&svc](Request& req) {
              MemberFilter f{http::QueryOptInt(req, "community"), req.Query("q").value_or(""), http::PageOf(req)};
              return http::ListResponse(svc.Members(req.User(), f), [](const Member& m) { return ToJson(m); });
          });
    r.Add("GET", "/api/v1/liaisons", Access::Need("party.read"),
          "One-to-one pairings (?community=, ?liaison=, ?resident=, ?active=0 for history too)", [&svc](Request& req) {
              PairingFilter f{.community = http::QueryOptInt(req, "community"),
                              .liaison = http::QueryOptInt(req, "liaison"),
                              .resident = http::QueryOptInt(req, "resident"),
                              .active_only = req.Query("active").value_or("1") != "0",
                              .page = http::PageOf(req)};
              return http::ListResponse(svc.Pairings(req.User(), f), [](const Pairing& x) { return ToJson(x); });
          });
    r.Add("GET", "/api/v1/liaisons/{id}", Access::Need("party.read"), "One pairing (current or ended)",
          [&svc](Request& req) {
              PairingFilter f{.id = http::PathId(req), .active_only = false, .page = {1, 0}};
              return http::OneOf(svc.Pairings(req.User(), f), [](const Pairing& x) { return ToJson(x); });
          });
    r.Add("POST", "/api/v1/liaisons", Access::Need("party.write"),
          "Pair a minority resident with a party-member liaison (re-pairing ends the old pairing)",
          [&svc](Request& req) {
              http::JsonBody body(req);
              auto resident = body.Int("resident_id", true, 1);
              auto liaison = body.Int("liaison_resident_id", true, 1);
              auto date = body.Date("from_date").value_or(time::Today());
              auto reason = body.Str("reason", false, 200).value_or("");
              body.Finish();
              int64_t id = svc.Pair(req.User(), *resident, *liaison, date, reason, ActorOf(req));
              return http::Created(id);
          });
    r.Add("POST", "/api/v1/liaisons/{id}/end", Access::Need("party.write"), "End a pairing", [&svc](Request& req) {
        int64_t id = http::PathId(req);
        http::JsonBody body(req);
        auto date = body.Date("date", true);
        auto reason = body.Str("reason", false, 200).value_or("");
        body.Finish();
        svc.EndPairing(req.User(), id, *date, reason, ActorOf(req));
        return http::Ok();
    });
    r.Add("GET", "/api/v1/liaisons/coverage", Access::Need("party.read"),
          "Share of minority residents with an active liaison, by grid and building, with the unpaired",
          [&svc](Request& req) {
              auto community = http::QueryOptInt(req, "community");
              if (!community) {
                  if (req.User().scope_kind != auth::ScopeKind::kCommunity) {
                      throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", {{"parameter", "community"}});
                  }
                  community = req.User().scope_place_id;
              }
              return http::JsonResponse(ToJson(svc.Coverage(req.User(), *community, AsOf(req))));
          });
    r.Add("GET", "/api/v1/visits", Access::Need("party.read"), "Visits (?community=, ?household=)",
          [&svc](Request& req) {
              VisitFilter f{.community = http::QueryOptInt(req, "community"),
                            .household = http::QueryOptInt(req, "household"),
                            .page = http::PageOf(req)};
              return http::ListResponse(svc.Visits(req.User(), f), [](const Visit& v) { return ToJson(v); });
          });
    r.Add("GET", "/api/v1/visits/{id}", Access::Need("party.read"), "One visit", [&svc](Request& req) {
        VisitFilter f{.id = http::PathId(req), .page = {1, 0}};
        return http::OneOf(svc.Visits(req.User(), f), [](const Visit& v) { return ToJson(v); });
    });
    r.Add("GET", "/api/v1/visits/overdue", Access::Need("party.read"),
          "Paired households not visited in ?days= (default 90) before ?as_of=", [&svc](Request& req) {
              int days = static_cast<int>(http::QueryInt(req, "days", 90, 1, 3650));
              return http::JsonResponse(
                  ToJson(svc.Overdue(req.User(), http::QueryOptInt(req, "community"), days, AsOf(req))));
          });
    r.Add("POST", "/api/v1/visits", Access::Need("party.visit"), "Record a visit to a household", [&svc](Request& req) {
        http::JsonBody body(req);
        VisitInput in;
        in.household_id = body.Int("household_id", true, 1).value_or(0);
        in.liaison_resident_id = body.Int("liaison_resident_id", false, 1);
        in.visit_date = body.Date("visit_date").value_or(time::Today());
        in.kind = body.Str("kind", false, 20).value_or("home");
        in.findings = body.Str("findings", false, 1000).value_or("");
        in.needs = body.Str("needs", false, 1000).value_or("");
        in.follow_up = body.Str("follow_up", false, 1000).value_or("");
        in.follow_up_status = body.Str("follow_up_status", false, 10).value_or(in.needs.empty() ? "none" : "open");
        body.Finish();
        int64_t id = svc.AddVisit(req.User(), in, ActorOf(req));
        return http::Created(id);
    });
    r.Add("PATCH", "/api/v1/visits/{id}", Access::Need("party.visit"), "Update a visit's follow-up",
          [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto status = body.Str("follow_up_status", true, 10);
              auto follow_up = body.Str("follow_up", false, 1000).value_or("");
              body.Finish();
              svc.SetFollowUp(req.User(), id, *status, follow_up, ActorOf(req));
              return http::Ok();
          });
    r.Add("GET", "/api/v1/study-sessions", Access::Need("party.read"), "Study sessions (三会一课)",
          [&svc](Request& req) {
              StudyFilter f{.community = http::QueryOptInt(req, "community"), .page = http::PageOf(req)};
              return http::ListResponse(svc.StudySessions(req.User(), f),
                                        [](const StudySession& x) { return ToJson(x); });
          });
    r.Add("GET", "/api/v1/study-sessions/{id}", Access::Need("party.read"), "One study session", [&svc](Request& req) {
        StudyFilter f{.id = http::PathId(req), .page = {1, 0}};
        return http::OneOf(svc.StudySessions(req.User(), f), [](const StudySession& x) { return ToJson(x); });
    });
    r.Add("POST", "/api/v1/study-sessions", Access::Need("party.write"), "Record a study session with attendance",
          [&svc](Request& req) {
              http::JsonBody body(req);
              StudyInput in;
              in.community_id = body.Int("community_id", true, 1).value_or(0);
              in.organization_id = body.Int("organization_id", false, 1);
              in.kind = body.Str("kind", true, 30).value_or("");
              in.held_on = body.Date("held_on", true).value_or("");
              in.topic = body.Str("topic", true, 200).value_or("");
              in.ethnic_policy = body.Bool("ethnic_policy").value_or(false);
              in.minutes = body.Str("minutes", false, 5000).value_or("");
              in.attendees = body.IntList("attendees").value_or(std::vector<int64_t>{});
              body.Finish();
              int64_t id = svc.AddStudySession(req.User(), in, ActorOf(req));
              return http::Created(id);
          });
    RegisterIndicators(registry);
}

}  // namespace tongxin::party
