#include <boost/json.hpp>

#include "core/auth/scope.hpp"
#include "core/http/paging.hpp"
#include "core/media/photo_routes.hpp"
#include "core/time/clock.hpp"
#include "modules/committee/json.hpp"
#include "modules/committee/module.hpp"
#include "modules/committee/rules.hpp"

namespace tongxin::committee {
namespace json = boost::json;
using http::Access;
using http::Request;

namespace {

std::string AsOf(const Request& req) { return http::QueryOptDate(req, "as_of").value_or(time::Today()); }

// ?community=, or the caller's own community.
int64_t CommunityOf(const Request& req) {
    auto community = http::QueryOptInt(req, "community");
    if (community) return *community;
    if (req.User().scope_kind != auth::ScopeKind::kCommunity || !req.User().scope_place_id) {
        throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", {{"parameter", "community"}});
    }
    return *req.User().scope_place_id;
}

}  // namespace

void Register(http::Router& r, Context& ctx, CommitteeService& svc, reports::Registry& registry) {
    r.Add("GET", "/api/v1/committee/officers", Access::Need("committee.read"),
          "The committee's liaison officers (?all=1: every member), with their households and contacts in ?year=",
          [&svc](Request& req) {
              OfficerFilter f{.community = http::QueryOptInt(req, "community"),
                              .year = http::QueryOptYear(req).value_or(""),
                              .officers_only = req.Query("all").value_or("0") != "1",
                              .active_only = req.Query("active").value_or("1") != "0",
                              .page = http::PageOf(req)};
              return http::ListResponse(svc.Officers(req.User(), f), [](const Officer& o) { return ToJson(o); });
          });
    r.Add(
        "GET", "/api/v1/committee/officers/{id}", Access::Need("committee.read"), "One committee post",
        [&svc](Request& req) {
            OfficerFilter f{.post_id = http::PathId(req), .officers_only = false, .active_only = false, .page = {1, 0}};
            return http::OneOf(svc.Officers(req.User(), f), [](const Officer& o) { return ToJson(o); });
        });
    r.Add("GET", "/api/v1/committee/assignments", Access::Need("committee.read"),
          "Households each officer is responsible for (?officer=, ?household=, ?active=0 for history)",
          [&svc](Request& req) {
              AssignmentFilter f{.community = http::QueryOptInt(req, "community"),
                                 .officer = http::QueryOptInt(req, "officer"),
                                 .household = http::QueryOptInt(req, "household"),
                                 .active_only = req.Query("active").value_or("1") != "0",
                                 .page = http::PageOf(req)};
              return http::ListResponse(svc.Assignments(req.User(), f), [](const Assignment& a) { return ToJson(a); });
          });
    r.Add("GET", "/api/v1/committee/assignments/{id}", Access::Need("committee.read"), "One assignment",
          [&svc](Request& req) {
              AssignmentFilter f{.id = http::PathId(req), .active_only = false, .page = {1, 0}};
              return http::OneOf(svc.Assignments(req.User(), f), [](const Assignment& a) { return ToJson(a); });
          });
    r.Add("POST", "/api/v1/committee/assignments", Access::Need("committee.write"),
          "Make an officer responsible for a household (an active assignment ends that day)", [&svc](Request& req) {
              http::JsonBody body(req);
              auto household = body.Int("household_id", true, 1);
              auto officer = body.Int("officer_resident_id", true, 1);
              auto date = body.Date("from_date").value_or(time::Today());
              auto reason = body.Str("reason", false, 200).value_or("");
              body.Finish();
              return http::Created(svc.Assign(req.User(), *household, *officer, date, reason, ActorOf(req)));
          });
    r.Add("POST", "/api/v1/committee/assignments/{id}/end", Access::Need("committee.write"), "End an assignment",
          [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto date = body.Date("date", true);
              auto reason = body.Str("reason", false, 200).value_or("");
              body.Finish();
              svc.EndAssignment(req.User(), id, *date, reason, ActorOf(req));
              return http::Ok();
          });
    r.Add("GET", "/api/v1/committee/coverage", Access::Need("committee.read"),
          "Minority households with an officer on ?as_of=, by building, and those without", [&svc](Request& req) {
              return http::JsonResponse(ToJson(svc.Coverage(req.User(), CommunityOf(req), AsOf(req))));
          });
    r.Add(
        "GET", "/api/v1/committee/home", Access::Need("committee.write"),
        "The committee's home: officers, coverage, needs in hand and overdue, proposals to decide",
        [&svc](Request& req) { return http::JsonResponse(ToJson(svc.Home(req.User(), CommunityOf(req), AsOf(req)))); });

    r.Add("GET", "/api/v1/committee/contacts", Access::Need("committee.read"),
          "The officers' log (?officer=, ?household=, ?purpose=, ?from=, ?to=)", [&svc](Request& req) {
              ContactFilter f{
                  .community = http::QueryOptInt(req, "community"),
                  .officer = http::QueryOptInt(req, "officer"),
                  .household = http::QueryOptInt(req, "household"),
                  .purpose = http::QueryOptChoice(req, "purpose", {"contact", "education", "care"}).value_or(""),
                  .from = http::QueryOptDate(req, "from").value_or(""),
                  .to = http::QueryOptDate(req, "to").value_or(""),
                  .page = http::PageOf(req)};
              return http::ListResponse(svc.Contacts(req.User(), f), [](const Contact& c) { return ToJson(c); });
          });
    r.Add("GET", "/api/v1/committee/contacts/{id}", Access::Need("committee.read"), "One log entry",
          [&svc](Request& req) {
              ContactFilter f{.id = http::PathId(req), .page = {1, 0}};
              return http::OneOf(svc.Contacts(req.User(), f), [](const Contact& c) { return ToJson(c); });
          });
    r.Add("POST", "/api/v1/committee/contacts", Access::Need("committee.log"),
          "Log a contact, an education or policy service, or care and help given to a household", [&svc](Request& req) {
              http::JsonBody body(req);
              ContactInput in;
              in.household_id = body.Int("household_id", true, 1).value_or(0);
              in.resident_id = body.Int("resident_id", false, 1);
              in.officer_resident_id = body.Int("officer_resident_id", false, 1);
              in.contacted_on = body.Date("contacted_on").value_or(time::Today());
              in.channel = body.Str("channel", true, 20).value_or("");
              in.purpose = body.Str("purpose", false, 20).value_or("contact");
              in.summary = body.Str("summary", false, 1000).value_or("");
              in.care_what = body.Str("care_what", false, 500).value_or("");
              in.value_fen = body.Int("value_fen", false, 0, 100'000'000'00);
              in.helpers = body.Str("helpers", false, 200).value_or("");
              body.Finish();
              return http::Created(svc.AddContact(req.User(), in, ActorOf(req)));
          });

    r.Add("GET", "/api/v1/committee/needs", Access::Need("committee.read"),
          "Needs raised and their follow-up (?status=active|open|referred|solved|closed, ?overdue=1, ?as_of=)",
          [&svc](Request& req) {
              NeedFilter f{
                  .community = http::QueryOptInt(req, "community"),
                  .household = http::QueryOptInt(req, "household"),
                  .status = http::QueryOptChoice(req, "status", {"active", "open", "referred", "solved", "closed"})
                                .value_or(""),
                  .overdue_only = req.Query("overdue").value_or("0") == "1",
                  .as_of = AsOf(req),
                  .page = http::PageOf(req)};
              return http::ListResponse(svc.Needs(req.User(), f), [](const Need& n) { return ToJson(n); });
          });
    r.Add("GET", "/api/v1/committee/needs/{id}", Access::Need("committee.read"), "One need", [&svc](Request& req) {
        NeedFilter f{.id = http::PathId(req), .page = {1, 0}};
        return http::OneOf(svc.Needs(req.User(), f), [](const Need& n) { return ToJson(n); });
    });
    r.Add("POST", "/api/v1/committee/needs", Access::Need("committee.log"),
          "Record a need a household raised (due in 14 days unless ?due_on=)", [&svc](Request& req) {
              http::JsonBody body(req);
              NeedInput in;
              in.household_id = body.Int("household_id", true, 1).value_or(0);
              in.resident_id = body.Int("resident_id", false, 1);
              in.officer_resident_id = body.Int("officer_resident_id", false, 1);
              in.raised_on = body.Date("raised_on").value_or(time::Today());
              in.kind = body.Str("kind", true, 20).value_or("");
              in.description = body.Str("description", true, 1000).value_or("");
              in.due_on = body.Date("due_on");
              body.Finish();
              return http::Created(svc.RaiseNeed(req.User(), in, ActorOf(req)));
          });
    r.Add("PATCH", "/api/v1/committee/needs/{id}", Access::Need("committee.log"),
          "Refer a need (handler, linked_id), move its due date, or solve or close it with an outcome",
          [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              NeedUpdate in;
              in.status = body.Str("status", false, 20);
              in.handler = body.Str("handler", false, 30);
              in.linked_id = body.Int("linked_id", false, 1);
              in.clear_link = body.IsNull("linked_id");
              in.due_on = body.Date("due_on");
              in.outcome = body.Str("outcome", false, 1000);
              in.solved_on = body.Date("solved_on");
              body.Finish();
              svc.UpdateNeed(req.User(), id, in, ActorOf(req));
              return http::Ok();
          });

    r.Add("GET", "/api/v1/selfhelp/activities", Access::NeedAny({"committee.read", "selfhelp.propose"}),
          "Activities residents organise themselves (staff: their place's; residents: their own)",
          [&svc](Request& req) {
              ActivityFilter f{
                  .community = http::QueryOptInt(req, "community"),
                  .organiser = http::QueryOptInt(req, "organiser"),
                  .status = http::QueryOptChoice(req, "status", {"proposed", "registered", "declined", "withdrawn"})
                                .value_or(""),
                  .year = http::QueryOptYear(req).value_or(""),
                  .q = http::QueryOptStr(req, "q").value_or(""),
                  .page = http::PageOf(req)};
              return http::ListResponse(svc.Activities(req.User(), f), [](const Activity& a) { return ToJson(a); });
          });
    r.Add("GET", "/api/v1/selfhelp/activities/{id}", Access::NeedAny({"committee.read", "selfhelp.propose"}),
          "One activity with who took part", [&svc](Request& req) {
              ActivityFilter f{.id = http::PathId(req), .page = {1, 0}};
              return http::OneOf(svc.Activities(req.User(), f), [](const Activity& a) { return ToJson(a); });
          });
    r.Add("POST", "/api/v1/selfhelp/activities", Access::NeedAny({"committee.write", "selfhelp.propose"}),
          "Propose an activity (a resident for themselves; staff for an organiser)", [&svc](Request& req) {
              http::JsonBody body(req);
              ActivityInput in;
              in.community_id = body.Int("community_id", false, 1);
              in.organiser_resident_id = body.Int("organiser_resident_id", false, 1);
              in.title = body.Str("title", true, 100).value_or("");
              in.description = body.Str("description", false, 2000).value_or("");
              in.place = body.Str("place", true, 200).value_or("");
              in.held_on = body.Date("held_on", true).value_or("");
              in.expected = body.Int("expected", false, 0, 100000).value_or(0);
              body.Finish();
              return http::Created(svc.ProposeActivity(req.User(), in, ActorOf(req)));
          });
    r.Add("POST", "/api/v1/selfhelp/activities/{id}/decision", Access::NeedAny({"committee.write", "selfhelp.propose"}),
          "Register or decline a proposal (the committee), or withdraw it (its organiser)", [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto decision = body.Str("decision", true, 20);
              auto note = body.Str("note", false, 500).value_or("");
              body.Finish();
              svc.DecideActivity(req.User(), id, *decision, note, ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/selfhelp/activities/{id}/participants", Access::Need("committee.write"),
          "Record who took part in a registered activity", [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto ids = body.IntList("resident_ids", 1000);
              if (!ids) body.Fail("resident_ids", "required");
              body.Finish();
              int64_t added = svc.AddParticipants(req.User(), id, *ids, ActorOf(req));
              return http::JsonResponse(json::object{{"added", added}});
          });
    RegisterIndicators(registry);
    // Photos of a self-organised activity: the committee adds and sees them in its community; the
    // resident who organised or proposed it sees them and adds some until it is declined.
    media::RegisterPhotoRoutes(
        r, ctx.db,
        {kActivityPhotos, "/api/v1/selfhelp/activities", Access::NeedAny({"committee.read", "selfhelp.propose"}),
         Access::NeedAny({"committee.write", "selfhelp.propose"}),
         [](db::Connection& c, const auth::Principal& p, int64_t id, bool write) -> std::optional<media::PhotoOwner> {
             if (write && IsStaff(p) && !p.Can("committee.write")) return std::nullopt;
             db::SqlWhere where = VisibleActivities(p);
             if (write && !IsStaff(p)) where.Add("o.status IN ('proposed', 'registered')");
             return media::OwnerWhere(c, "selfhelp_activities", id, where);
         }});
}

}  // namespace tongxin::committee
