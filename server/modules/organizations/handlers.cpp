#include <boost/json.hpp>

#include "core/http/paging.hpp"
#include "modules/organizations/module.hpp"

namespace tongxin::organizations {
namespace json = boost::json;
using http::Access;
using http::Request;

namespace {

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
          "Organizations (?kind=, ?community=, ?q=)", [&svc](Request& req) {
              auto page = http::PageOf(req);
              std::optional<std::string> kind;
              if (auto k = req.Query("kind"); k && !k->empty()) kind = *k;
              return http::JsonResponse(svc.List(req.User(), kind, http::QueryOptInt(req, "community"),
                                                 req.Query("q").value_or(""), page.limit, page.offset, req.lang));
          });
    r.Add("GET", "/api/v1/organizations/{id}", Access::Need("organizations.read"),
          "An organization with its current and past posts", [&svc](Request& req) {
              return http::JsonResponse(svc.Get(req.User(), http::PathId(req), req.lang));
          });
    r.Add("POST", "/api/v1/organizations", Access::Need("organizations.write"), "Create an organization",
          [&svc](Request& req) {
              int64_t id = svc.Create(req.User(), ParseOrg(req, true), ActorOf(req));
              return http::JsonResponse(svc.Get(req.User(), id, req.lang), 201);
          });
    r.Add("PATCH", "/api/v1/organizations/{id}", Access::Need("organizations.write"), "Update an organization",
          [&svc](Request& req) {
              int64_t id = http::PathId(req);
              svc.Update(req.User(), id, ParseOrg(req, false), ActorOf(req));
              return http::JsonResponse(svc.Get(req.User(), id, req.lang));
          });
    r.Add("GET", "/api/v1/organizations/{id}/members", Access::Need("organizations.read"),
          "Posts of an organization (current and past)", [&svc](Request& req) {
              json::object org = svc.Get(req.User(), http::PathId(req), req.lang);
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
              return http::JsonResponse(svc.Get(req.User(), id, req.lang), 201);
          });
    r.Add("POST", "/api/v1/organizations/{id}/members/{post}/end", Access::Need("organizations.write"),
          "End a post on a date; it stays visible as past", [&svc](Request& req) {
              int64_t id = http::PathId(req);
              int64_t post = http::PathId(req, "post");
              http::JsonBody body(req);
              auto date = body.Date("date", true);
              auto reason = body.Str("reason", false, 200).value_or("");
              body.Finish();
              svc.EndPost(req.User(), id, post, *date, reason, ActorOf(req));
              return http::JsonResponse(svc.Get(req.User(), id, req.lang));
          });
    RegisterIndicators(registry);
}

}  // namespace tongxin::organizations
