#include <boost/json.hpp>

#include "core/auth/scope.hpp"
#include "core/error/app_error.hpp"
#include "core/http/paging.hpp"
#include "core/text/codes.hpp"
#include "core/time/clock.hpp"
#include "modules/places/service.hpp"
#include "modules/reports/memo.hpp"
#include "modules/reports/module.hpp"

namespace tongxin::reports {
namespace json = boost::json;
using http::Access;
using http::Request;

namespace {

// Published statistics never show a group smaller than this (DESIGN: sensitive data).
constexpr int64_t kMinPublishedGroup = 5;

}  // namespace

KpiScope ScopeOf(db::Connection& conn, const Request& req) {
    const auth::Principal& p = req.User();
    KpiScope s;
    int current_year = std::stoi(time::Today().substr(0, 4));
    s.year = static_cast<int>(http::QueryInt(req, "year", current_year, 1990, 2100));
    std::optional<int64_t> community = http::QueryOptInt(req, "community");
    std::optional<int64_t> street = http::QueryOptInt(req, "street");
    if (!community && !street) {
        if (p.scope_kind == auth::ScopeKind::kStreet)
            street = p.scope_place_id;
        else if (p.scope_kind == auth::ScopeKind::kCommunity)
            community = p.scope_place_id;
        else
            throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", {{"parameter", "community"}});
    }
    int64_t id = community ? *community : *street;
    auto place = places::FindPlace(conn, p, id);
    if (!place || place->kind != (community ? "community" : "street"))
        throw AppError(ErrorCode::kNotFound, "not_found");
    // Scope narrower than a community (grid, building) cannot see community-wide figures.
    if (p.scope_kind != auth::ScopeKind::kStreet && p.scope_kind != auth::ScopeKind::kCommunity) {
        throw AppError(ErrorCode::kForbidden, "forbidden");
    }
    s.place_column = community ? "community_id" : "street_id";
    s.place_id = id;
    return s;
}

json::value NumberOf(double value) {
    return value == static_cast<double>(static_cast<int64_t>(value)) ? json::value(static_cast<int64_t>(value))
                                                                     : json::value(value);
}

namespace {

json::object ItemOf(const Indicator& ind, double value, const Request& req, const KpiScope& s) {
    bool en = req.lang == "en";
    return {{"id", ind.id},
            {"section", SectionOf(ind.id)},
            {"label", en ? ind.label_en : ind.label_zh},
            {"definition", en ? ind.definition_en : ind.definition_zh},
            {"value", NumberOf(value)},
            {"unit", en ? ind.unit_en : ind.unit_zh},
            {"as_of", s.year_end()},
            {"year", s.year},
            {"aggregate", ind.aggregate},
            {"sum_field", ind.sum_field.empty() ? json::value(nullptr) : json::value(ind.sum_field)},
            {"share_field", ind.share_field.empty() ? json::value(nullptr) : json::value(ind.share_field)},
            {"sum_scale", ind.sum_scale},
            {"records_allowed", req.User().Can(ind.records_permission)}};
}

const Indicator& Lookup(const Registry& registry, const Request& req) {
    const Indicator* ind = registry.Find(req.params.at("id"));
    if (!ind || !req.User().Can(ind->permission)) throw AppError(ErrorCode::kNotFound, "not_found");
    return *ind;
}

// The records behind a figure need the records' own permission (names, addresses, ethnicity).
const Indicator& LookupRecords(const Registry& registry, const Request& req) {
    const Indicator& ind = Lookup(registry, req);
    if (!req.User().Can(ind.records_permission)) throw AppError(ErrorCode::kForbidden, "forbidden");
    return ind;
}

}  // namespace

void Register(http::Router& r, Context& ctx, Registry& registry) {
    r.Add("GET", "/api/v1/reports/years", Access::Need("reports.read"),
          "Years that have records, and the latest one (pages start there)", [&ctx](Request& req) {
              db::Connection& conn = ctx.db.Local();
              KpiScope s = ScopeOf(conn, req);
              // Residents moving in or out are the registry's dated records; later modules'
              // activity dates extend the range through the same query shape.
              auto row = conn.Run(
                                 "SELECT min(substr(moved_in, 1, 4)) AS first_in, max(substr(moved_in, 1, 4)) AS "
                                 "last_in, max(substr(moved_out, 1, 4)) AS last_out FROM residents r WHERE r." +
                                     s.place_column + " = ?",
                                 {s.place_id})
                             .front();
              int current = std::stoi(time::Today().substr(0, 4));
              auto year_of = [&row](const char* column) -> std::optional<int> {
                  auto v = row.OptStr(column);
                  return v ? std::optional<int>(std::stoi(*v)) : std::nullopt;
              };
              int latest = std::max(year_of("last_in").value_or(current), year_of("last_out").value_or(0));
              int first = std::max(year_of("first_in").value_or(latest), latest - 15);
              json::array years;
              for (int y = current; y >= first; --y) years.push_back(y);
              return http::JsonResponse(json::object{{"latest", latest}, {"years", std::move(years)}});
          });
    r.Add("GET", "/api/v1/reports/ethnicity", Access::Need("reports.read"),
          "Residents by ethnicity at the year's end; groups under 5 people are merged", [&ctx](Request& req) {
              db::Connection& conn = ctx.db.Local();
              KpiScope s = ScopeOf(conn, req);
              json::array items;
              int64_t small = 0;
              for (const auto& row :
                   conn.Run("SELECT r.ethnicity, count(*) AS n FROM residents r WHERE r." + s.place_column +
                                " = ? AND (r.moved_in IS NULL OR r.moved_in <= ?) AND (r.moved_out IS NULL OR "
                                "r.moved_out > ?) GROUP BY r.ethnicity ORDER BY count(*) DESC",
                            {s.place_id, s.year_end(), s.year_end()})) {
                  const int64_t n = row.Int("n");
                  if (n < kMinPublishedGroup) {
                      small += n;
                      continue;
                  }
                  const std::string ethnicity = row.Str("ethnicity");
                  const auto* code = text::FindCode(text::Ethnicities(), ethnicity);
                  items.push_back({{"code", ethnicity},
                                   {"name", code ? (req.lang == "en" ? code->en : code->zh) : ethnicity},
                                   {"count", n}});
              }
              if (small > 0) {
                  items.push_back({{"code", "small"},
                                   {"name", req.lang == "en" ? "Smaller groups" : "其他（人数少于5的民族合并）"},
                                   {"count", small}});
              }
              return http::JsonResponse(json::object{{"items", std::move(items)}, {"as_of", s.year_end()}});
          });
    r.Add("GET", "/api/v1/reports/kpis", Access::Need("reports.read"),
          "Indicators for a community or street and year (?community=|?street=, ?year=)",
          [&ctx, &registry](Request& req) {
              db::Connection& conn = ctx.db.Local();
              KpiScope s = ScopeOf(conn, req);
              json::array items;
              for (const auto& ind : registry.all()) {
                  if (!req.User().Can(ind.permission)) continue;
                  items.push_back(ItemOf(ind, ValueOf(conn, ind, s), req, s));
              }
              return http::JsonResponse(json::object{{"items", std::move(items)}});
          });
    r.Add("GET", "/api/v1/reports/kpis/history", Access::Need("reports.read"),
          "Every indicator over the last ?years= years to ?year=, side by side, with the change from the year before",
          [&ctx, &registry](Request& req) {
              db::Connection& conn = ctx.db.Local();
              KpiScope last = ScopeOf(conn, req);
              const int count = static_cast<int>(http::QueryInt(req, "years", 5, 2, 10));
              json::array years;
              for (int y = last.year - count + 1; y <= last.year; ++y) years.push_back(y);
              json::array items;
              for (const auto& ind : registry.all()) {
                  if (!req.User().Can(ind.permission)) continue;
                  json::array values;
                  double previous = 0;
                  double latest = 0;
                  for (int y = last.year - count + 1; y <= last.year; ++y) {
                      KpiScope s = last;
                      s.year = y;
                      previous = latest;
                      latest = ValueOf(conn, ind, s);
                      values.push_back(NumberOf(latest));
                  }
                  json::object item = ItemOf(ind, latest, req, last);
                  item["values"] = std::move(values);
                  item["change"] = NumberOf(latest - previous);
                  // The change as a share of the year before; none when that year had nothing.
                  item["change_share"] =
                      previous == 0 ? json::value(nullptr) : json::value((latest - previous) / previous);
                  items.push_back(std::move(item));
              }
              return http::JsonResponse(json::object{{"years", std::move(years)}, {"items", std::move(items)}});
          });
    r.Add("GET", "/api/v1/reports/kpis/{id}/records", Access::Need("reports.read"), "The records behind one indicator",
          [&ctx, &registry](Request& req) {
              db::Connection& conn = ctx.db.Local();
              const Indicator& ind = LookupRecords(registry, req);
              KpiScope s = ScopeOf(conn, req);
              auto page = http::PageOf(req, 50, 1000);
              KpiRecords rec = RecordsOf(conn, ind, s, page.limit, page.offset);
              json::object body{{"items", std::move(rec.items)},
                                {"total", rec.total},
                                {"columns", json::value_from(rec.columns)},
                                {"indicator", ItemOf(ind, ValueOf(conn, ind, s), req, s)}};
              return http::JsonResponse(body);
          });
    r.Add("GET", "/api/v1/reports/kpis/{id}/by-community", Access::Need("reports.read"),
          "One indicator for every community of a street, side by side", [&ctx, &registry](Request& req) {
              db::Connection& conn = ctx.db.Local();
              const Indicator& ind = Lookup(registry, req);
              KpiScope street = ScopeOf(conn, req);
              if (street.place_column != "street_id")
                  throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", {{"parameter", "street"}});
              json::array items;
              for (const auto& c : places::ListPlaces(conn, req.User(), "community", street.place_id, std::nullopt)) {
                  KpiScope s{"community_id", c.id, street.year};
                  json::object item = ItemOf(ind, ValueOf(conn, ind, s), req, s);
                  item["community_id"] = c.id;
                  item["community"] = c.name;
                  items.push_back(std::move(item));
              }
              return http::JsonResponse(json::object{{"items", std::move(items)}});
          });
}

}  // namespace tongxin::reports
