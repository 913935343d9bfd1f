#include <boost/json.hpp>

#include "core/http/paging.hpp"
#include "modules/notices/module.hpp"

namespace tongxin::notices {
namespace json = boost::json;
using http::Access;
using http::Request;

void Register(http::Router& r, Context& ctx, NoticeService& svc) {
    (void)ctx;
    r.Add("GET", "/api/v1/notices", Access::LoggedIn(),
          "The notice board: your community's notices, newest first (?community=, ?withdrawn=1 for staff)",
          [&svc](Request& req) {
              auto page = http::PageOf(req, 20, 100);
              bool withdrawn = http::QueryOptStr(req, "withdrawn").value_or("") == "1";
              return http::JsonResponse(
                  svc.List(req.User(), http::QueryOptInt(req, "community"), withdrawn, page.limit, page.offset));
          });
    r.Add("GET", "/api/v1/notices/{id}", Access::LoggedIn(), "One notice", [&svc](Request& req) {
        return http::OneOf(svc.List(req.User(), std::nullopt, true, 1, 0, http::PathId(req)));
    });
    r.Add("POST", "/api/v1/notices", Access::Need("notices.write"), "Publish a notice to a community's board",
          [&svc](Request& req) {
              http::JsonBody body(req);
              NoticeInput in;
              in.community_id = body.Int("community_id", true, 1).value_or(0);
              in.title = body.Str("title", true, 400).value_or("");
              in.body = body.Str("body", true, 16000).value_or("");
              in.link = body.Str("link", false, 500).value_or("");
              body.Finish();
              int64_t id = svc.Create(req.User(), in, ActorOf(req));
              return http::JsonResponse(json::object{{"id", id}}, 201);
          });
    r.Add("POST", "/api/v1/notices/{id}/withdraw", Access::Need("notices.write"),
          "Withdraw a notice (it stays in the record)", [&svc](Request& req) {
              svc.Withdraw(req.User(), http::PathId(req), ActorOf(req));
              return http::JsonResponse(json::object{{"ok", true}});
          });
}

}  // namespace tongxin::notices
