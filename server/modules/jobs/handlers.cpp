#include <boost/json.hpp>

#include "core/http/paging.hpp"
#include "core/time/clock.hpp"
#include "modules/jobs/json.hpp"
#include "modules/jobs/module.hpp"

namespace tongxin::jobs {
namespace json = boost::json;
using http::Access;
using http::Request;

namespace {

// ?community=, or the caller's own community.
int64_t CommunityOf(const Request& req) {
    if (auto community = http::QueryOptInt(req, "community")) return *community;
    if (req.User().scope_kind != auth::ScopeKind::kCommunity || !req.User().scope_place_id)
        throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", {{"parameter", "community"}});
    return *req.User().scope_place_id;
}

std::string YearOr(const Request& req) { return http::QueryOptYear(req).value_or(time::Today().substr(0, 4)); }

}  // namespace

void Register(http::Router& r, Context& /*ctx*/, JobsService& svc, reports::Registry& registry) {
    const Access reading = Access::NeedAny({"jobs.read", "jobs.register"});

    r.Add(
        "GET", "/api/v1/jobs/seekers", reading,
        "Job seekers (?q=, ?status=, ?year= registered in it, or ?reached=<step>&year= a step dated in it); a "
        "resident sees their own",
        [&svc](Request& req) {
            SeekerFilter f{
                .community = http::QueryOptInt(req, "community"),
                .resident = http::QueryOptInt(req, "resident"),
                .status = http::QueryOptChoice(req, "status", {"active", "placed", "business", "closed"}).value_or(""),
                .q = http::QueryOptStr(req, "q").value_or(""),
                .reached = http::QueryOptChoice(req, "reached",
                                                {"registered", "trained", "practical_training", "internship", "placed",
                                                 "incubation", "business_registered"})
                               .value_or(""),
                .year = http::QueryOptYear(req).value_or(""),
                .page = http::PageOf(req)};
            return http::ListResponse(svc.Seekers(req.User(), f), [](const Seeker& s) { return ToJson(s); });
        });
    r.Add("GET", "/api/v1/jobs/seekers/{id}", reading, "One seeker with the steps of their path", [&svc](Request& req) {
        SeekerFilter f{.id = http::PathId(req), .page = {1, 0}};
        return http::OneOf(svc.Seekers(req.User(), f), [](const Seeker& s) { return ToJson(s); });
    });
    r.Add("POST", "/api/v1/jobs/seekers", Access::NeedAny({"jobs.write", "jobs.register"}),
          "Register a job seeker (the centre for a resident; a resident for themselves; need_id: a need referred "
          "by a liaison officer)",
          [&svc](Request& req) {
              http::JsonBody body(req);
              SeekerInput in;
              in.resident_id = body.Int("resident_id", false, 1);
              in.need_id = body.Int("need_id", false, 1);
              in.registered_on = body.Date("registered_on").value_or(time::Today());
              in.skills = body.Str("skills", false, 500).value_or("");
              in.education = body.Str("education", true, 20).value_or("");
              in.languages = body.StrList("languages", 10).value_or(std::vector<std::string>{});
              in.wishes = body.Str("wishes", false, 500).value_or("");
              in.availability = body.Str("availability", false, 200).value_or("");
              in.constraints = body.Str("constraints", false, 500).value_or("");
              in.consent_to_share = body.Bool("consent_to_share").value_or(false);
              body.Finish();
              return http::Created(svc.Register(req.User(), in, ActorOf(req)));
          });
    r.Add("POST", "/api/v1/jobs/seekers/{id}/steps", Access::Need("jobs.write"),
          "Record a step of a seeker's path: trained, practical_training, internship or incubation",
          [&svc](Request& req) {
              const int64_t id = http::PathId(req);
              http::JsonBody body(req);
              StepInput in{.step = body.Str("step", true, 30).value_or(""),
                           .on_date = body.Date("on_date", true).value_or(""),
                           .helper = body.Str("helper", false, 200).value_or(""),
                           .note = body.Str("note", false, 500).value_or("")};
              body.Finish();
              return http::Created(svc.AddStep(req.User(), id, in, ActorOf(req)));
          });
    r.Add("GET", "/api/v1/jobs/funnel", Access::Need("jobs.read"),
          "The year's funnel: people at each step, share of the registered, conversion from the step before, "
          "median days (from registering and from the step before), by ethnic group and age band (groups under 5 "
          "as 其他)",
          [&svc](Request& req) {
              return http::JsonResponse(ToJson(svc.Funnel(req.User(), CommunityOf(req), YearOr(req))));
          });

    r.Add("GET", "/api/v1/jobs/certificates", reading, "Professional certificates (?year= issued, ?q=)",
          [&svc](Request& req) {
              CertificateFilter f{.community = http::QueryOptInt(req, "community"),
                                  .resident = http::QueryOptInt(req, "resident"),
                                  .year = http::QueryOptYear(req).value_or(""),
                                  .q = http::QueryOptStr(req, "q").value_or(""),
                                  .page = http::PageOf(req)};
              return http::ListResponse(svc.Certificates(req.User(), f),
                                        [](const Certificate& c) { return ToJson(c); });
          });
    r.Add("GET", "/api/v1/jobs/certificates/{id}", reading, "One certificate", [&svc](Request& req) {
        CertificateFilter f{.id = http::PathId(req), .page = {1, 0}};
        return http::OneOf(svc.Certificates(req.User(), f), [](const Certificate& c) { return ToJson(c); });
    });
    r.Add("POST", "/api/v1/jobs/certificates", Access::Need("jobs.write"),
          "Record a certificate a resident obtained (kind, number, issuing body, date)", [&svc](Request& req) {
              http::JsonBody body(req);
              CertificateInput in{.resident_id = body.Int("resident_id", true, 1).value_or(0),
                                  .seeker_id = body.Int("seeker_id", false, 1),
                                  .kind = body.Str("kind", true, 100).value_or(""),
                                  .number = body.Str("number", true, 60).value_or(""),
                                  .issuer = body.Str("issuer", true, 200).value_or(""),
                                  .issued_on = body.Date("issued_on", true).value_or("")};
              body.Finish();
              return http::Created(svc.AddCertificate(req.User(), in, ActorOf(req)));
          });
    r.Add("POST", "/api/v1/jobs/certificates/{id}/verify", Access::Need("jobs.write"),
          "Mark a certificate as seen and checked by the worker", [&svc](Request& req) {
              svc.VerifyCertificate(req.User(), http::PathId(req), ActorOf(req));
              return http::Ok();
          });

    r.Add("GET", "/api/v1/jobs/employers", Access::Need("jobs.read"), "Employers, with their placements",
          [&svc](Request& req) {
              return http::ListResponse(
                  svc.Employers(req.User(), http::QueryOptInt(req, "community"), http::PageOf(req)),
                  [](const Employer& e) { return ToJson(e); });
          });
    r.Add("POST", "/api/v1/jobs/employers", Access::Need("jobs.write"),
          "Add an employer (organization_id: the partner organisation it is)", [&svc](Request& req) {
              http::JsonBody body(req);
              EmployerInput in{.community_id = body.Int("community_id", true, 1).value_or(0),
                               .organization_id = body.Int("organization_id", false, 1),
                               .name = body.Str("name", true, 200).value_or(""),
                               .contact = body.Str("contact", false, 200).value_or("")};
              body.Finish();
              return http::Created(svc.AddEmployer(req.User(), in, ActorOf(req)));
          });

    r.Add("GET", "/api/v1/jobs/placements", reading,
          "Placements with their 3- and 6-month follow-ups (?year= started, ?due=1: a follow-up is due)",
          [&svc](Request& req) {
              PlacementFilter f{.community = http::QueryOptInt(req, "community"),
                                .seeker = http::QueryOptInt(req, "seeker"),
                                .employer = http::QueryOptInt(req, "employer"),
                                .year = http::QueryOptYear(req).value_or(""),
                                .followup_due = req.Query("due").value_or("0") == "1",
                                .page = http::PageOf(req)};
              return http::ListResponse(svc.Placements(req.User(), f), [](const Placement& x) { return ToJson(x); });
          });
    r.Add("GET", "/api/v1/jobs/placements/{id}", reading, "One placement", [&svc](Request& req) {
        PlacementFilter f{.id = http::PathId(req), .page = {1, 0}};
        return http::OneOf(svc.Placements(req.User(), f), [](const Placement& x) { return ToJson(x); });
    });
    r.Add("POST", "/api/v1/jobs/placements", Access::Need("jobs.write"),
          "Record a seeker's placement with an employer (the path's step 'placed')", [&svc](Request& req) {
              http::JsonBody body(req);
              PlacementInput in{.seeker_id = body.Int("seeker_id", true, 1).value_or(0),
                                .employer_id = body.Int("employer_id", true, 1).value_or(0),
                                .position = body.Str("position", true, 100).value_or(""),
                                .started_on = body.Date("started_on", true).value_or(""),
                                .helper = body.Str("helper", false, 200).value_or(""),
                                .wage_fen = body.Int("wage_fen", false, 0),
                                .match_id = body.Int("match_id", false, 1)};
              body.Finish();
              return http::Created(svc.Place(req.User(), in, ActorOf(req)));
          });
    r.Add("POST", "/api/v1/jobs/placements/{id}/followups", Access::Need("jobs.write"),
          "Record whether the resident is still employed 3 or 6 months after starting", [&svc](Request& req) {
              const int64_t id = http::PathId(req);
              http::JsonBody body(req);
              FollowupInput in{.months = static_cast<int>(body.Int("months", true, 1, 12).value_or(0)),
                               .checked_on = body.Date("checked_on", true).value_or(""),
                               .note = body.Str("note", false, 500).value_or(""),
                               .employed = body.Bool("employed", true).value_or(false)};
              body.Finish();
              svc.FollowUp(req.User(), id, in, ActorOf(req));
              return http::Ok();
          });

    r.Add("GET", "/api/v1/jobs/businesses", reading,
          "Businesses residents founded (?year= registered, ?operating=1, ?q=)", [&svc](Request& req) {
              BusinessFilter f{.community = http::QueryOptInt(req, "community"),
                               .year = http::QueryOptYear(req).value_or(""),
                               .q = http::QueryOptStr(req, "q").value_or(""),
                               .operating_only = req.Query("operating").value_or("0") == "1",
                               .page = http::PageOf(req)};
              return http::ListResponse(svc.Businesses(req.User(), f), [](const Business& b) { return ToJson(b); });
          });
    r.Add("GET", "/api/v1/jobs/businesses/{id}", reading, "One business", [&svc](Request& req) {
        BusinessFilter f{.id = http::PathId(req), .page = {1, 0}};
        return http::OneOf(svc.Businesses(req.User(), f), [](const Business& b) { return ToJson(b); });
    });
    r.Add("POST", "/api/v1/jobs/businesses", Access::Need("jobs.write"),
          "Record a business a resident registered (company or 个体工商户, 统一社会信用代码 checked)",
          [&svc](Request& req) {
              http::JsonBody body(req);
              BusinessInput in{.resident_id = body.Int("resident_id", true, 1).value_or(0),
                               .seeker_id = body.Int("seeker_id", false, 1),
                               .name = body.Str("name", true, 200).value_or(""),
                               .kind = body.Str("kind", true, 20).value_or(""),
                               .credit_code = body.Str("credit_code", true, 30).value_or(""),
                               .registered_on = body.Date("registered_on", true).value_or(""),
                               .brand = body.Str("brand", false, 100).value_or(""),
                               .helper = body.Str("helper", false, 200).value_or("")};
              body.Finish();
              return http::Created(svc.AddBusiness(req.User(), in, ActorOf(req)));
          });
    r.Add("POST", "/api/v1/jobs/businesses/{id}/close", Access::Need("jobs.write"),
          "Record that a business stopped operating", [&svc](Request& req) {
              const int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto closed_on = body.Date("closed_on", true).value_or("");
              body.Finish();
              svc.CloseBusiness(req.User(), id, closed_on, ActorOf(req));
              return http::Ok();
          });
    RegisterProgrammes(r, svc);
    RegisterIndicators(registry);
}

}  // namespace tongxin::jobs
