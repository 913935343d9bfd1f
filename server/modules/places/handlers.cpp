#include <boost/json.hpp>

#include "core/db/database.hpp"
#include "core/error/app_error.hpp"
#include "core/http/paging.hpp"
#include "modules/places/json.hpp"
#include "modules/places/module.hpp"
#include "modules/places/service.hpp"

namespace tongxin::places {
namespace json = boost::json;
using http::Access;
using http::Request;
using http::Response;

namespace {

// On update (`current` set) a building's compound, floors and units stay as they are unless the
// body names them; JSON null clears them.
PlaceInput ParsePlace(const Request& req, const std::string& kind, const Place* current) {
    const bool creating = current == nullptr;
    http::JsonBody body(req);
    PlaceInput in;
    in.kind = kind;
    if (creating) in.parent_id = body.Int("parent_id", true, 1);
    in.name = body.Str("name", true, 60).value_or("");
    in.code = body.Str("code", false, 40).value_or("");
    in.address = body.Str("address", false, 120).value_or("");
    in.lat = body.Real("lat");
    in.lng = body.Real("lng");
    if (kind == "building") {
        auto keep = [&](const char* key, std::optional<int64_t> now, int64_t max) {
            auto v = body.Int(key, false, 1, max);
            return creating || body.Has(key) ? v : now;
        };
        in.compound_id = keep("compound_id", current ? current->compound_id : std::nullopt, INT64_MAX);
        in.floors = keep("floors", current ? current->floors : std::nullopt, 200);
        in.units = keep("units", current ? current->units : std::nullopt, 50);
    }
    body.Finish();
    return in;
}

CompoundInput ParseCompound(const Request& req, bool creating) {
    http::JsonBody body(req);
    CompoundInput in;
    if (creating) in.community_id = body.Int("community_id", true, 1).value_or(0);
    in.name = body.Str("name", true, 60).value_or("");
    in.address = body.Str("address", false, 120).value_or("");
    in.lat = body.Real("lat");
    in.lng = body.Real("lng");
    body.Finish();
    return in;
}

void RegisterCompounds(http::Router& r, Context& ctx) {
    r.Add("GET", "/api/v1/compounds", Access::Need("places.read"), "List compounds (小区) with their counts",
          [&ctx](Request& req) {
              auto items = ListCompounds(ctx.db.Local(), req.User(), http::QueryOptInt(req, "community"));
              json::array arr;
              for (const auto& c : items) arr.push_back(ToJson(c));
              return http::ListResponse(std::move(arr), static_cast<int64_t>(items.size()));
          });
    r.Add("GET", "/api/v1/compounds/{id}", Access::Need("places.read"), "Get a compound", [&ctx](Request& req) {
        return http::JsonResponse(ToJson(GetCompound(ctx.db.Local(), req.User(), http::PathId(req))));
    });
    r.Add("POST", "/api/v1/compounds", Access::Need("places.write"), "Create a compound", [&ctx](Request& req) {
        CompoundInput in = ParseCompound(req, true);
        db::Connection& conn = ctx.db.Local();
        db::Transaction tx(conn, db::Transaction::Mode::kWrite);
        int64_t id = CreateCompound(conn, req.User(), in, ActorOf(req));
        Compound c = GetCompound(conn, req.User(), id);
        tx.Commit();
        return http::JsonResponse(ToJson(c), 201);
    });
    r.Add("PATCH", "/api/v1/compounds/{id}", Access::Need("places.write"), "Update a compound", [&ctx](Request& req) {
        int64_t id = http::PathId(req);
        db::Connection& conn = ctx.db.Local();
        db::Transaction tx(conn, db::Transaction::Mode::kWrite);
        GetCompound(conn, req.User(), id);
        CompoundInput in = ParseCompound(req, false);
        UpdateCompound(conn, req.User(), id, in, ActorOf(req));
        Compound c = GetCompound(conn, req.User(), id);
        tx.Commit();
        return http::JsonResponse(ToJson(c));
    });
}

int64_t ActiveResidentsUnder(db::Connection& conn, const Place& p) {
    if (p.kind == "street")
        return conn.QueryInt("SELECT count(*) FROM residents WHERE street_id = ? AND moved_out IS NULL", p.id);
    if (p.kind == "community")
        return conn.QueryInt("SELECT count(*) FROM residents WHERE community_id = ? AND moved_out IS NULL", p.id);
    if (p.kind == "grid")
        return conn.QueryInt("SELECT count(*) FROM residents WHERE grid_id = ? AND moved_out IS NULL", p.id);
    return conn.QueryInt("SELECT count(*) FROM residents WHERE building_id = ? AND moved_out IS NULL", p.id);
}

void RegisterKind(http::Router& r, Context& ctx, const std::string& kind, const std::string& plural) {
    const std::string base = "/api/v1/" + plural;
    r.Add("GET", base, Access::Need("places.read"), "List " + plural + " in scope", [&ctx, kind](Request& req) {
        auto items = ListPlaces(ctx.db.Local(), req.User(), kind, http::QueryOptInt(req, "parent"),
                                http::QueryOptInt(req, "community"), http::QueryOptInt(req, "compound"));
        json::array arr;
        for (const auto& p : items) arr.push_back(ToJson(p));
        return http::ListResponse(std::move(arr), static_cast<int64_t>(items.size()));
    });
    r.Add("GET", base + "/{id}", Access::Need("places.read"), "Get one " + kind, [&ctx, kind](Request& req) {
        Place p = GetPlace(ctx.db.Local(), req.User(), http::PathId(req));
        if (p.kind != kind) throw AppError(ErrorCode::kNotFound, "not_found");
        return http::JsonResponse(ToJson(p));
    });
    if (kind == "street") return;
    r.Add("POST", base, Access::Need("places.write"), "Create a " + kind, [&ctx, kind](Request& req) {
        PlaceInput in = ParsePlace(req, kind, nullptr);
        db::Connection& conn = ctx.db.Local();
        db::Transaction tx(conn, db::Transaction::Mode::kWrite);
        int64_t id = CreatePlace(conn, req.User(), in, ActorOf(req));
        Place p = GetPlace(conn, req.User(), id);
        tx.Commit();
        return http::JsonResponse(ToJson(p), 201);
    });
    r.Add("PATCH", base + "/{id}", Access::Need("places.write"), "Update a " + kind, [&ctx, kind](Request& req) {
        int64_t id = http::PathId(req);
        db::Connection& conn = ctx.db.Local();
        db::Transaction tx(conn, db::Transaction::Mode::kWrite);
        Place current = GetPlace(conn, req.User(), id);
        if (current.kind != kind) throw AppError(ErrorCode::kNotFound, "not_found");
        PlaceInput in = ParsePlace(req, kind, &current);
        UpdatePlace(conn, req.User(), id, in, ActorOf(req));
        Place p = GetPlace(conn, req.User(), id);
        tx.Commit();
        return http::JsonResponse(ToJson(p));
    });
}

}  // namespace

void Register(http::Router& r, Context& ctx) {
    r.Add("GET", "/api/v1/places/roots", Access::Need("places.read"), "Top places of my scope", [&ctx](Request& req) {
        db::Connection& conn = ctx.db.Local();
        json::array arr;
        for (const auto& p : ScopeRoots(conn, req.User())) {
            json::object o = ToJson(p);
            o["residents"] = ActiveResidentsUnder(conn, p);
            arr.push_back(std::move(o));
        }
        return http::ListResponse(std::move(arr));
    });
    r.Add("GET", "/api/v1/places/{id}/children", Access::Need("places.read"), "Child places with resident counts",
          [&ctx](Request& req) {
              db::Connection& conn = ctx.db.Local();
              Place parent = GetPlace(conn, req.User(), http::PathId(req));
              json::array arr;
              for (const auto& p : ListPlaces(conn, req.User(), "", parent.id, std::nullopt)) {
                  json::object o = ToJson(p);
                  o["residents"] = ActiveResidentsUnder(conn, p);
                  arr.push_back(std::move(o));
              }
              return http::ListResponse(std::move(arr));
          });
    RegisterKind(r, ctx, "street", "streets");
    RegisterKind(r, ctx, "community", "communities");
    RegisterKind(r, ctx, "grid", "grids");
    RegisterKind(r, ctx, "building", "buildings");
    RegisterCompounds(r, ctx);
    r.Add("GET", "/api/v1/buildings/{id}/grid", Access::Need("places.read"),
          "A building's households by unit and floor with head-counts", [&ctx](Request& req) {
              return http::JsonResponse(ToJson(GridOf(ctx.db.Local(), req.User(), http::PathId(req))));
          });

    r.Add("GET", "/api/v1/households", Access::Need("places.read"), "List households", [&ctx](Request& req) {
        auto page = http::PageOf(req);
        int64_t total = 0;
        auto items = ListHouseholds(ctx.db.Local(), req.User(), http::QueryOptInt(req, "building"),
                                    http::QueryOptInt(req, "community"), page.limit, page.offset, &total);
        json::array arr;
        for (const auto& h : items) arr.push_back(ToJson(h));
        return http::ListResponse(std::move(arr), total);
    });
    r.Add("GET", "/api/v1/households/{id}", Access::Need("places.read"), "Get a household", [&ctx](Request& req) {
        auto h = FindHousehold(ctx.db.Local(), req.User(), http::PathId(req));
        if (!h) throw AppError(ErrorCode::kNotFound, "not_found");
        return http::JsonResponse(ToJson(*h));
    });
    r.Add("POST", "/api/v1/households", Access::Need("places.write"), "Create a household", [&ctx](Request& req) {
        http::JsonBody body(req);
        auto building = body.Int("building_id", true, 1);
        auto unit = body.Str("unit", false, 10).value_or("");
        auto room = body.Str("room", true, 20).value_or("");
        body.Finish();
        db::Connection& conn = ctx.db.Local();
        db::Transaction tx(conn, db::Transaction::Mode::kWrite);
        int64_t id = CreateHousehold(conn, req.User(), *building, unit, room, ActorOf(req));
        auto h = FindHousehold(conn, req.User(), id);
        tx.Commit();
        return http::JsonResponse(ToJson(*h), 201);
    });
}

}  // namespace tongxin::places
