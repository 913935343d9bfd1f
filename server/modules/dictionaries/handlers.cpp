#include <boost/json.hpp>

#include "core/http/paging.hpp"
#include "modules/dictionaries/json.hpp"
#include "modules/dictionaries/module.hpp"
#include "modules/dictionaries/service.hpp"

namespace tongxin::dictionaries {
namespace json = boost::json;
using http::Access;
using http::Request;

void Register(http::Router& r, Context& ctx) {
    r.Add("GET", "/api/v1/dictionaries", Access::LoggedIn(),
          "Every dictionary with its entries (retired ones marked), for pickers and labels", [&ctx](Request&) {
              db::Connection& conn = ctx.db.Local();
              json::array items;
              for (const std::string& name : Names()) {
                  json::array entries;
                  for (const Entry& e : Entries(conn, name)) entries.push_back(ToJson(e));
                  items.push_back({{"name", name}, {"entries", std::move(entries)}});
              }
              return http::ListResponse(std::move(items));
          });
    r.Add("POST", "/api/v1/dictionaries/{name}/entries", Access::Need("dictionaries.write"),
          "Add an entry to a dictionary", [&ctx](Request& req) {
              http::JsonBody body(req);
              EntryInput in = ParseEntry(body, true);
              body.Finish();
              db::Connection& conn = ctx.db.Local();
              db::Transaction tx(conn, db::Transaction::Mode::kWrite);
              Entry e = AddEntry(conn, req.params.at("name"), in, ActorOf(req));
              tx.Commit();
              return http::JsonResponse(ToJson(e), 201);
          });
    r.Add("PATCH", "/api/v1/dictionaries/{name}/entries/{code}", Access::Need("dictionaries.write"),
          "Rename, reorder, retire or bring back an entry", [&ctx](Request& req) {
              http::JsonBody body(req);
              EntryInput in = ParseEntry(body, false);
              body.Finish();
              db::Connection& conn = ctx.db.Local();
              db::Transaction tx(conn, db::Transaction::Mode::kWrite);
              Entry e = UpdateEntry(conn, req.params.at("name"), req.params.at("code"), in, ActorOf(req));
              tx.Commit();
              return http::JsonResponse(ToJson(e));
          });
}

}  // namespace tongxin::dictionaries
