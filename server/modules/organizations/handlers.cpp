#include <boost/json.hpp>

#include "core/http/paging.hpp"
#include "modules/organizations/json.hpp"
#include "modules/organizations/module.hpp"

namespace tongxin::organizations {
namespace json = boost::json;
using http::Access;
using http::Request;

namespace {

// An organization with its current and past posts.
json::object WithPosts(const Organization& o, const std::string& lang) {
    json::object out = ToJson(o, lang);
    json::array current, past;
    for (const Post& p : o.posts) current.push_back(ToJson(p, lang));
    for (const Post& p : o.past_posts) past.push_back(ToJson(p, lang));
    out["posts"] = std::move(current);
    out["past_posts"] = std::move(past);
    return out;
}

OrgInput ParseOrg(const Request& req, bool creating) {
    http::JsonBody body(req);
    OrgInput in;
    if (creating) {
        in.kind = body.Str("kind", true, 40).value_or("");
        in.community_id = body.Int("community_id", true, 1);
        in.parent_id = body.Int("parent_id", false, 1);
    }
    in.name = body.Str("name", true, 60).value_or("");
    in.ethnic_work = body.Bool("ethnic_work").value_or(false);
    in.founded_on = body.Date("founded_on");
    in.dissolved_on = body.Date("dissolved_on");
    in.description = body.Str("description", false, 500).value_or("");
    body.Finish();
    return in;
}

}  // namespace

void Register(http::Router& r, Context& ctx, OrganizationService& svc, reports::Registry& registry) {
    r.Add("GET", "/api/v1/organizations/kinds", Access::LoggedIn(), "Organization kinds and posts", [](Request& req) {
        bool en = req.lang == "en";
        json::array kinds, posts;
        for (const auto& k : Kinds()) kinds.push_back({{"key", k.key}, {"name", en ? k.en : k.zh}});
        for (const auto& p : Posts()) posts.push_back({{"key", p.key}, {"name", en ? p.en : p.zh}});
        return http::JsonResponse(json::object{{"kinds", kinds}, {"posts", posts}});
    });
    r.Add("GET", "/api/v1/organizations", Access::Need("organizations.read"),
          "Organizations (?kind=, ?community=, ?q=, ?resident=: where they hold a post)", [&svc](Request& req) {
              OrgFilter f{.community = http::QueryOptInt(req, "community"),
                          .q = req.Query("q").value_or(""),
                          .page = http::PageOf(req),
                          .resident = http::QueryOptInt(req, "resident")};
              if (auto k = req.Query("kind"); k && !k->empty()) f.kind = *k;
              return http::ListResponse(svc.List(req.User(), f),
                                        [&req](const Organization& o) { return ToJson(o, req.lang); });
          });
    r.Add("GET", "/api/v1/organizations/{id}", Access::Need("organizations.read"),
          "An organization with its current and past posts", [&svc](Request& req) {
              return http::JsonResponse(WithPosts(svc.Get(req.User(), http::PathId(req)), req.lang));
          });
    r.Add("POST", "/api/v1/organizations", Access::Need("organizations.write"), "Create an organization",
          [&svc](Request& req) {
              int64_t id = svc.Create(req.User(), ParseOrg(req, true), ActorOf(req));
              return http::JsonResponse(WithPosts(svc.Get(req.User(), id), req.lang), 201);
          });
    r.Add("PATCH", "/api/v1/organizations/{id}", Access::Need("organizations.write"), "Update an organization",
          [&svc](Request& req) {
              int64_t id = http::PathId(req);
              svc.Update(req.User(), id, ParseOrg(req, false), ActorOf(req));
              return http::JsonResponse(WithPosts(svc.Get(req.User(), id), req.lang));
          });
    r.Add("GET", "/api/v1/organizations/{id}/members", Access::Need("organizations.read"),
          "Posts of an organization (current and past)", [&svc](Request& req) {
              json::object org = WithPosts(svc.Get(req.User(), http::PathId(req)), req.lang);
              return http::JsonResponse(json::object{{"items", org["posts"]}, {"past", org["past_posts"]}});
          });
    r.Add("POST", "/api/v1/organizations/{id}/members", Access::Need("organizations.write"),
          "Give a resident a post (member, leader, building head...) from a date", [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              PostInput in;
              in.resident_id = body.Int("resident_id", true, 1).value_or(0);
              in.post = body.Str("post", false, 40).value_or("member");
              in.term_from = body.Date("term_from", true).value_or("");
              in.term_to = body.Date("term_to");
              body.Finish();
              svc.AddPost(req.User(), id, in, ActorOf(req));
              return http::JsonResponse(WithPosts(svc.Get(req.User(), id), req.lang), 201);
          });
    r.Add("GET", "/api/v1/organizations/members/import/template", Access::Need("organizations.write"),
          "The sheet to fill in for an import of members", [](Request&) {
              return http::Response::File(OrganizationService::ImportTemplate(),
                                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                          "成员导入模板.xlsx");
          });
    r.Add("POST", "/api/v1/organizations/{id}/members/import", Access::Need("organizations.write"),
          "Import members from .xlsx/.csv (?commit=1; without commit: dry run)",
          [&svc, &ctx](Request& req) {
              bool commit = req.Query("commit").value_or("") == "1";
              auto report = svc.ImportPosts(req.User(), ctx.vault, http::PathId(req), req.body, commit, ActorOf(req));
              return http::JsonResponse(io::ReportJson(report, req.lang), commit ? 201 : 200);
          })
        .body_limit = 20u << 20;
    r.Add("POST", "/api/v1/organizations/{id}/members/{post}/end", Access::Need("organizations.write"),
          "End a post on a date; it stays visible as past", [&svc](Request& req) {
              int64_t id = http::PathId(req);
              int64_t post = http::PathId(req, "post");
              http::JsonBody body(req);
              auto date = body.Date("date", true);
              auto reason = body.Str("reason", false, 200).value_or("");
              body.Finish();
              svc.EndPost(req.User(), id, post, *date, reason, ActorOf(req));
              return http::JsonResponse(WithPosts(svc.Get(req.User(), id), req.lang));
          });
    r.Add("GET", "/api/v1/organizations/{id}/meetings", Access::Need("organizations.read"),
          "Deliberation meetings of a self-governance body, with resolutions", [&svc](Request& req) {
              return http::ListResponse(svc.Meetings(req.User(), http::PathId(req), http::PageOf(req)),
                                        [](const Meeting& m) { return ToJson(m); });
          });
    r.Add("POST", "/api/v1/organizations/{id}/meetings", Access::Need("organizations.write"),
          "Record a deliberation meeting: agenda, attendees, resolutions", [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              MeetingInput in;
              in.held_on = body.Date("held_on", true).value_or("");
              in.place = body.Str("place", false, 100).value_or("");
              in.agenda = body.Str("agenda", true, 2000).value_or("");
              in.attendees = body.IntList("attendees").value_or(std::vector<int64_t>{});
              const json::value* list = body.Raw("resolutions");
              body.Finish();
              if (list && list->is_array()) {
                  for (auto& item : list->as_array()) {
                      if (!item.is_object()) {
                          throw AppError::Field("resolutions", "wrong_type");
                      }
                      http::JsonBody one(item.as_object());
                      ResolutionInput res;
                      res.content = one.Str("content", true, 1000).value_or("");
                      res.owner = one.Str("owner", false, 60).value_or("");
                      res.due_on = one.Date("due_on");
                      one.Finish();
                      in.resolutions.push_back(std::move(res));
                  }
              }
              int64_t meeting = svc.AddMeeting(req.User(), id, in, ActorOf(req));
              return http::Created(meeting);
          });
    r.Add("PATCH", "/api/v1/resolutions/{id}", Access::Need("organizations.write"),
          "Move a resolution's follow-up on (open, in_progress, done, dropped)", [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto status = body.Str("status", true, 20);
              auto note = body.Str("status_note", false, 500).value_or("");
              body.Finish();
              svc.SetResolutionStatus(req.User(), id, *status, note, ActorOf(req));
              return http::Ok();
          });
    r.Add("GET", "/api/v1/events", Access::Need("organizations.read"),
          "Performances and events (?community=, ?organization=, ?year=)", [&svc](Request& req) {
              EventFilter f{.community = http::QueryOptInt(req, "community"),
                            .organization = http::QueryOptInt(req, "organization"),
                            .page = http::PageOf(req)};
              if (auto y = http::QueryOptInt(req, "year")) f.year = static_cast<int>(*y);
              return http::ListResponse(svc.Events(req.User(), f), [](const Event& e) { return ToJson(e); });
          });
    r.Add("GET", "/api/v1/events/{id}", Access::Need("organizations.read"), "One event", [&svc](Request& req) {
        EventFilter f{.id = http::PathId(req), .page = {1, 0}};
        return http::OneOf(svc.Events(req.User(), f), [](const Event& e) { return ToJson(e); });
    });
    r.Add("POST", "/api/v1/events", Access::Need("organizations.write"), "Record a performance or event",
          [&svc](Request& req) {
              http::JsonBody body(req);
              EventInput in;
              in.organization_id = body.Int("organization_id", true, 1).value_or(0);
              in.held_on = body.Date("held_on", true).value_or("");
              in.title = body.Str("title", true, 100).value_or("");
              in.kind = body.Str("kind", false, 20).value_or("performance");
              in.place = body.Str("place", false, 100).value_or("");
              in.audience = body.Int("audience", false, 0, 1000000).value_or(0);
              in.participants = body.IntList("participants").value_or(std::vector<int64_t>{});
              body.Finish();
              int64_t id = svc.AddEvent(req.User(), in, ActorOf(req));
              return http::Created(id);
          });
    RegisterIndicators(registry);
}

}  // namespace tongxin::organizations
