#include <boost/json.hpp>

#include "core/auth/scope.hpp"
#include "core/error/app_error.hpp"
#include "core/http/paging.hpp"
#include "core/time/clock.hpp"
#include "modules/places/service.hpp"
#include "modules/reports/module.hpp"

namespace tongxin::reports {
namespace json = boost::json;
using http::Access;
using http::Request;

namespace {

// Resolves ?community= / ?street= (default: the principal's scope root) and ?year= into a
// KpiScope, checking that the place is in the principal's scope.
KpiScope ScopeOf(db::Connection& conn, const Request& req) {
    const auth::Principal& p = req.User();
    KpiScope s;
    int current_year = std::stoi(time::Today().substr(0, 4));
    s.year = static_cast<int>(http::QueryInt(req, "year", current_year, 1990, 2100));
    std::optional<int64_t> community = http::QueryOptInt(req, "community");
    std::optional<int64_t> street = http::QueryOptInt(req, "street");
    if (!community && !street) {
        if (p.scope_kind == auth::ScopeKind::kStreet) street = p.scope_place_id;
        else if (p.scope_kind == auth::ScopeKind::kCommunity) community = p.scope_place_id;
        else throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", {{"parameter", "community"}});
    }
    int64_t id = community ? *community : *street;
    auto place = places::FindPlace(conn, p, id);
    if (!place || place->kind != (community ? "community" : "street")) throw AppError(ErrorCode::kNotFound, "not_found");
    // Scope narrower than a community (grid, building) cannot see community-wide figures.
    if (p.scope_kind != auth::ScopeKind::kStreet && p.scope_kind != auth::ScopeKind::kCommunity) {
        throw AppError(ErrorCode::kForbidden, "forbidden");
    }
    s.place_column = community ? "community_id" : "street_id";
    s.place_id = id;
    return s;
}

json::object ItemOf(const Indicator& ind, double value, const Request& req, const KpiScope& s) {
    bool en = req.lang == "en";
    json::value v = value == static_cast<double>(static_cast<int64_t>(value)) ? json::value(static_cast<int64_t>(value))
                                                                              : json::value(value);
    return {{"id", ind.id},
            {"label", en ? ind.label_en : ind.label_zh},
            {"value", v},
            {"unit", en ? ind.unit_en : ind.unit_zh},
            {"as_of", s.year_end()},
            {"year", s.year}};
}

const Indicator& Lookup(const Registry& registry, const Request& req) {
    const Indicator* ind = registry.Find(req.params.at("id"));
    if (!ind || !req.User().Can(ind->permission)) throw AppError(ErrorCode::kNotFound, "not_found");
    return *ind;
}

}  // namespace

void Register(http::Router& r, Context& ctx, Registry& registry) {
    r.Add("GET", "/api/v1/reports/kpis", Access::Need("reports.read"),
          "Indicators for a community or street and year (?community=|?street=, ?year=)",
          [&ctx, &registry](Request& req) {
              db::Connection& conn = ctx.db.Local();
              KpiScope s = ScopeOf(conn, req);
              json::array items;
              for (const auto& ind : registry.all()) {
                  if (!req.User().Can(ind.permission)) continue;
                  items.push_back(ItemOf(ind, ind.value(conn, s), req, s));
              }
              return http::JsonResponse(json::object{{"items", std::move(items)}});
          });
    r.Add("GET", "/api/v1/reports/kpis/{id}/records", Access::Need("reports.read"),
          "The records behind one indicator", [&ctx, &registry](Request& req) {
              db::Connection& conn = ctx.db.Local();
              const Indicator& ind = Lookup(registry, req);
              KpiScope s = ScopeOf(conn, req);
              auto page = http::PageOf(req, 50, 1000);
              KpiRecords rec = ind.records(conn, s, page.limit, page.offset);
              json::object body{{"items", std::move(rec.items)},
                                {"total", rec.total},
                                {"columns", json::value_from(rec.columns)},
                                {"indicator", ItemOf(ind, ind.value(conn, s), req, s)}};
              return http::JsonResponse(body);
          });
    r.Add("GET", "/api/v1/reports/kpis/{id}/by-community", Access::Need("reports.read"),
          "One indicator for every community of a street, side by side", [&ctx, &registry](Request& req) {
              db::Connection& conn = ctx.db.Local();
              const Indicator& ind = Lookup(registry, req);
              KpiScope street = ScopeOf(conn, req);
              if (street.place_column != "street_id") throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", {{"parameter", "street"}});
              json::array items;
              for (const auto& c : places::ListPlaces(conn, req.User(), "community", street.place_id, std::nullopt)) {
                  KpiScope s{"community_id", c.id, street.year};
                  json::object item = ItemOf(ind, ind.value(conn, s), req, s);
                  item["community_id"] = c.id;
                  item["community"] = c.name;
                  items.push_back(std::move(item));
              }
              return http::JsonResponse(json::object{{"items", std::move(items)}});
          });
}

}  // namespace tongxin::reports
