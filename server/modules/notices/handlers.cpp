#include <boost/json.hpp>

#include "core/http/paging.hpp"
#include "modules/notices/json.hpp"
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
              NoticeFilter f;
              f.page = http::PageOf(req, 20, 100);
              f.withdrawn = http::QueryOptStr(req, "withdrawn").value_or("") == "1";
              f.community = http::QueryOptInt(req, "community");
              return http::ListResponse(svc.List(req.User(), f), ToJson);
          });
    r.Add("GET", "/api/v1/notices/{id}", Access::LoggedIn(), "One notice", [&svc](Request& req) {
        NoticeFilter f{.id = http::PathId(req), .withdrawn = true, .page = {1, 0}};
        return http::OneOf(svc.List(req.User(), f), ToJson);
    });
    r.Add("POST", "/api/v1/notices", Access::Need("notices.write"), "Publish a notice to a community's board",
          [&svc](Request& req) {
              http::JsonBody body(req);
              NoticeInput in = ParseNoticeInput(body);
              body.Finish();
              int64_t id = svc.Create(req.User(), in, ActorOf(req));
              return http::Created(id);
          });
    r.Add("POST", "/api/v1/notices/{id}/withdraw", Access::Need("notices.write"),
          "Withdraw a notice (it stays in the record)", [&svc](Request& req) {
              svc.Withdraw(req.User(), http::PathId(req), ActorOf(req));
              return http::Ok();
          });
}

}  // namespace tongxin::notices
