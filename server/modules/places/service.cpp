#include "modules/places/service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <map>
#include <set>

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/http/json_fields.hpp"
#include "core/text/chinese.hpp"
#include "core/time/clock.hpp"

namespace tongxin::places {
namespace json = boost::json;
using http::OrNull;
namespace {

constexpr const char* kPlaceCols =
    "SELECT p.id, p.kind, p.parent_id, p.name, p.code, p.address, p.lat, p.lng, p.street_id, p.community_id, "
    "p.grid_id, p.compound_id, p.floors, p.units, c.name AS compound_name FROM places p "
    "LEFT JOIN compounds c ON c.id = p.compound_id";
constexpr const char* kHouseholdCols =
    "SELECT h.id, h.building_id, h.unit, h.room, h.address, h.street_id, h.community_id, h.grid_id FROM households h";

Place PlaceOf(const db::Row& r) {
    Place p;
    p.id = r.Int("id");
    p.kind = r.Str("kind");
    p.parent_id = r.OptInt("parent_id");
    p.name = r.Str("name");
    p.code = r.Str("code");
    p.address = r.Str("address");
    if (!r.IsNull("lat")) p.lat = r.Real("lat");
    if (!r.IsNull("lng")) p.lng = r.Real("lng");
    p.street_id = r.OptInt("street_id");
    p.community_id = r.OptInt("community_id");
    p.grid_id = r.OptInt("grid_id");
    p.compound_id = r.OptInt("compound_id");
    p.compound_name = r.OptStr("compound_name").value_or("");
    p.floors = r.OptInt("floors");
    p.units = r.OptInt("units");
    return p;
}

Household HouseholdOf(const db::Row& r) {
    return {r.Int("id"),      r.Int("building_id"), r.Str("unit"),         r.Str("room"),
            r.Str("address"), r.Int("street_id"),   r.Int("community_id"), r.Int("grid_id")};
}

std::vector<Place> QueryPlaces(db::Connection& conn, const db::SqlWhere& where, const char* order) {
    std::vector<Place> out;
    for (const auto& r : conn.Run(std::string(kPlaceCols) + where.Sql() + order, where.values())) {
        out.push_back(PlaceOf(r));
    }
    return out;
}

json::object PlaceFields(const PlaceInput& in) {
    json::object o{{"name", in.name},
                   {"code", in.code},
                   {"address", in.address},
                   {"lat", OrNull(in.lat)},
                   {"lng", OrNull(in.lng)}};
    if (in.kind == "building") {
        o["compound_id"] = OrNull(in.compound_id);
        o["floors"] = OrNull(in.floors);
        o["units"] = OrNull(in.units);
    }
    return o;
}

void CheckCoordinates(const std::optional<double>& lat, const std::optional<double>& lng, FieldErrors& errors) {
    if (lat && (*lat < -90 || *lat > 90)) errors.Add("lat", "out_of_range");
    if (lng && (*lng < -180 || *lng > 180)) errors.Add("lng", "out_of_range");
}

// `community_id` is the community the place lies in (the parent's community on create).
void Validate(db::Connection& conn, const PlaceInput& in, std::optional<int64_t> community_id) {
    FieldErrors errors;
    if (in.name.empty()) errors.Add("name", "required");
    CheckCoordinates(in.lat, in.lng, errors);
    if (in.floors && (*in.floors < 1 || *in.floors > 200)) errors.Add("floors", "out_of_range");
    if (in.units && (*in.units < 1 || *in.units > 50)) errors.Add("units", "out_of_range");
    if (in.compound_id && (!community_id || conn.QueryInt("SELECT count(*) FROM compounds WHERE id = ? AND "
                                                          "community_id = ?",
                                                          *in.compound_id, *community_id) == 0)) {
        errors.Add("compound_id", "not_found");
    }
    errors.ThrowIfAny();
}

constexpr const char* kCompoundCols = R"sql(
SELECT o.id, o.street_id, o.community_id, o.name, o.address, o.lat, o.lng,
       (SELECT count(*) FROM places b WHERE b.compound_id = o.id) AS buildings,
       (SELECT count(*) FROM households h JOIN places b ON b.id = h.building_id WHERE b.compound_id = o.id)
           AS households,
       (SELECT count(*) FROM residents r JOIN places b ON b.id = r.building_id
         WHERE b.compound_id = o.id AND r.moved_out IS NULL) AS residents
FROM compounds o)sql";

Compound CompoundOf(const db::Row& r) {
    Compound c;
    c.id = r.Int("id");
    c.street_id = r.Int("street_id");
    c.community_id = r.Int("community_id");
    c.name = r.Str("name");
    c.address = r.Str("address");
    if (!r.IsNull("lat")) c.lat = r.Real("lat");
    if (!r.IsNull("lng")) c.lng = r.Real("lng");
    c.buildings = r.Int("buildings");
    c.households = r.Int("households");
    c.residents = r.Int("residents");
    return c;
}

json::object CompoundFields(const CompoundInput& in) {
    return {{"name", in.name}, {"address", in.address}, {"lat", OrNull(in.lat)}, {"lng", OrNull(in.lng)}};
}

void ValidateCompound(const CompoundInput& in) {
    FieldErrors errors;
    if (in.name.empty()) errors.Add("name", "required");
    CheckCoordinates(in.lat, in.lng, errors);
    errors.ThrowIfAny();
}

// The floor a room number names: 1203 -> 12, 301 -> 3, 3-301 -> 3; 0 when it names none (or
// names a floor above any building's, 200).
int64_t FloorOf(const std::string& room) {
    size_t end = room.size();
    size_t start = end;
    while (start > 0 && std::isdigit(static_cast<unsigned char>(room[start - 1]))) --start;
    if (end - start < 3 || end - start > 5) return 0;
    int64_t floor = std::stoll(room.substr(start, end - start - 2));
    return floor <= 200 ? floor : 0;
}

}  // namespace

std::optional<std::string> ParentKindOf(const std::string& kind) {
    if (kind == "community") return "street";
    if (kind == "grid") return "community";
    if (kind == "building") return "grid";
    return std::nullopt;
}

std::vector<Place> ListPlaces(db::Connection& conn, const auth::Principal& p, const std::string& kind,
                              std::optional<int64_t> parent_id, std::optional<int64_t> community_id,
                              std::optional<int64_t> compound_id) {
    db::SqlWhere where = auth::WhereIn(auth::PlaceScope(p));
    if (compound_id) where.Add("p.compound_id = ?", *compound_id);
    if (!kind.empty()) where.Add("p.kind = ?", kind);
    if (parent_id) where.Add("p.parent_id = ?", *parent_id);
    if (community_id) where.Add("p.community_id = ?", *community_id);
    std::vector<Place> out = QueryPlaces(conn, where, " ORDER BY p.kind, p.name");
    // 安公小区2栋 before 安公小区10栋.
    std::stable_sort(out.begin(), out.end(), [](const Place& x, const Place& y) {
        return x.kind != y.kind ? x.kind < y.kind : text::NaturalLess(x.name, y.name);
    });
    return out;
}

std::vector<Place> ScopeRoots(db::Connection& conn, const auth::Principal& p) {
    if (!p.scope_place_id || p.scope_kind == auth::ScopeKind::kSelf) return {};
    db::SqlWhere where;
    where.Add("p.id = ?", *p.scope_place_id);
    return QueryPlaces(conn, where, "");
}

std::optional<Place> FindPlace(db::Connection& conn, const auth::Principal& p, int64_t id) {
    db::SqlWhere where = auth::WhereIn(auth::PlaceScope(p));
    where.Add("p.id = ?", id);
    auto rows = QueryPlaces(conn, where, "");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

Place CommunityField(db::Connection& conn, const auth::Principal& p, int64_t id) {
    auto place = FindPlace(conn, p, id);
    if (!place || place->kind != "community") throw AppError::Field("community_id", "not_found");
    return *place;
}

Place GetPlace(db::Connection& conn, const auth::Principal& p, int64_t id) {
    auto place = FindPlace(conn, p, id);
    if (!place) throw AppError(ErrorCode::kNotFound, "not_found");
    return *place;
}

int64_t InsertPlace(db::Connection& conn, const PlaceInput& in) {
    std::optional<int64_t> street, community, grid;
    if (in.parent_id) {
        auto parent = conn.QueryOne("SELECT street_id, community_id, grid_id FROM places WHERE id = ?", *in.parent_id);
        if (parent) {
            street = parent->OptInt("street_id");
            community = parent->OptInt("community_id");
            grid = parent->OptInt("grid_id");
        }
    }
    int64_t now = time::NowUnix();
    int64_t id = conn.Insert(
        "INSERT INTO places (kind, parent_id, name, code, address, lat, lng, street_id, community_id, grid_id, "
        "compound_id, floors, units, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        in.kind, in.parent_id, in.name, in.code, in.address, in.lat, in.lng, street, community, grid, in.compound_id,
        in.floors, in.units, now, now);
    // A place is its own ancestor of its kind, so that scope filters include it.
    if (in.kind == "street") conn.Exec("UPDATE places SET street_id = id WHERE id = ?", id);
    if (in.kind == "community") conn.Exec("UPDATE places SET community_id = id WHERE id = ?", id);
    if (in.kind == "grid") conn.Exec("UPDATE places SET grid_id = id WHERE id = ?", id);
    return id;
}

int64_t CreatePlace(db::Connection& conn, const auth::Principal& p, const PlaceInput& in, const audit::Actor& actor) {
    auto parent_kind = ParentKindOf(in.kind);
    if (!parent_kind) throw AppError(ErrorCode::kForbidden, "forbidden");
    auto parent = in.parent_id ? FindPlace(conn, p, *in.parent_id) : std::nullopt;
    if (!parent) throw AppError::Field("parent_id", "unknown_place");
    if (parent->kind != *parent_kind) {
        throw AppError::Field("parent_id", "wrong_parent_kind");
    }
    Validate(conn, in, parent->community_id);
    if (conn.QueryInt("SELECT count(*) FROM places WHERE parent_id = ? AND name = ?", parent->id, in.name) > 0) {
        throw AppError(ErrorCode::kConflict, "duplicate_name");
    }
    int64_t id = InsertPlace(conn, in);
    json::object details = PlaceFields(in);
    details["parent_id"] = parent->id;
    audit::Append(conn, actor, {"places." + in.kind + ".created", in.kind, std::to_string(id), true, details});
    return id;
}

void UpdatePlace(db::Connection& conn, const auth::Principal& p, int64_t id, const PlaceInput& in,
                 const audit::Actor& actor) {
    Place before = GetPlace(conn, p, id);
    Validate(conn, in, before.community_id);
    if (before.parent_id && conn.QueryInt("SELECT count(*) FROM places WHERE parent_id = ? AND name = ? AND id <> ?",
                                          *before.parent_id, in.name, id) > 0) {
        throw AppError(ErrorCode::kConflict, "duplicate_name");
    }
    conn.Exec(
        "UPDATE places SET name = ?, code = ?, address = ?, lat = ?, lng = ?, compound_id = ?, floors = ?, units = ?, "
        "updated_at = ? WHERE id = ?",
        in.name, in.code, in.address, in.lat, in.lng, in.compound_id, in.floors, in.units, time::NowUnix(), id);
    PlaceInput old{before.kind, before.parent_id, before.name,        before.code,   before.address,
                   before.lat,  before.lng,       before.compound_id, before.floors, before.units};
    audit::Append(conn, actor,
                  {"places." + before.kind + ".updated", before.kind, std::to_string(id), true,
                   audit::Diff(PlaceFields(old), PlaceFields(in))});
}

std::vector<Household> ListHouseholds(db::Connection& conn, const auth::Principal& p,
                                      std::optional<int64_t> building_id, std::optional<int64_t> community_id,
                                      int64_t limit, int64_t offset, int64_t* total) {
    db::SqlWhere where = auth::WhereIn(auth::HouseholdScope(p));
    if (building_id) where.Add("h.building_id = ?", *building_id);
    if (community_id) where.Add("h.community_id = ?", *community_id);
    if (total) *total = conn.Run("SELECT count(*) FROM households h" + where.Sql(), where.values()).front().Int(0);
    std::vector<Household> out;
    for (const auto& r :
         conn.Run(std::string(kHouseholdCols) + where.Sql() +
                      " ORDER BY h.building_id, length(h.unit), h.unit, length(h.room), h.room, h.id LIMIT ? OFFSET ?",
                  where.With({limit, offset}))) {
        out.push_back(HouseholdOf(r));
    }
    return out;
}

std::optional<Household> FindHousehold(db::Connection& conn, const auth::Principal& p, int64_t id) {
    db::SqlWhere where = auth::WhereIn(auth::HouseholdScope(p));
    where.Add("h.id = ?", id);
    auto rows = conn.Run(std::string(kHouseholdCols) + where.Sql(), where.values());
    if (rows.empty()) return std::nullopt;
    return HouseholdOf(rows.front());
}

std::string HouseholdAddress(const Place& building, const std::string& unit, const std::string& room) {
    std::string a = building.address.empty() ? building.name : building.address + building.name;
    if (!unit.empty()) a += unit + "单元";
    return a + room;
}

Household FindOrCreateHousehold(db::Connection& conn, const Place& building, const std::string& unit,
                                const std::string& room) {
    auto row = conn.QueryOne(std::string(kHouseholdCols) + " WHERE h.building_id = ? AND h.unit = ? AND h.room = ?",
                             building.id, unit, room);
    if (row) return HouseholdOf(*row);
    int64_t now = time::NowUnix();
    std::string address = HouseholdAddress(building, unit, room);
    int64_t id = conn.Insert(
        "INSERT INTO households (building_id, unit, room, address, street_id, community_id, grid_id, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        building.id, unit, room, address, building.street_id, building.community_id, building.grid_id, now, now);
    return {id, building.id, unit, room, address, *building.street_id, *building.community_id, *building.grid_id};
}

int64_t CreateHousehold(db::Connection& conn, const auth::Principal& p, int64_t building_id, const std::string& unit,
                        const std::string& room, const audit::Actor& actor) {
    FieldErrors errors;
    auto building = FindPlace(conn, p, building_id);
    if (!building || building->kind != "building") errors.Add("building_id", "unknown_building");
    if (room.empty()) errors.Add("room", "required");
    errors.ThrowIfAny();
    if (conn.QueryInt("SELECT count(*) FROM households WHERE building_id = ? AND unit = ? AND room = ?", building_id,
                      unit, room) > 0) {
        throw AppError(ErrorCode::kConflict, "conflict");
    }
    Household h = FindOrCreateHousehold(conn, *building, unit, room);
    audit::Append(conn, actor,
                  {"places.household.created",
                   "household",
                   std::to_string(h.id),
                   true,
                   {{"building_id", building_id}, {"unit", unit}, {"room", room}}});
    return h.id;
}

std::vector<Compound> ListCompounds(db::Connection& conn, const auth::Principal& p,
                                    std::optional<int64_t> community_id) {
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    if (community_id) where.Add("o.community_id = ?", *community_id);
    std::vector<Compound> out;
    for (const auto& r : conn.Run(std::string(kCompoundCols) + where.Sql(), where.values()))
        out.push_back(CompoundOf(r));
    std::stable_sort(out.begin(), out.end(), [](const Compound& x, const Compound& y) {
        return x.community_id != y.community_id ? x.community_id < y.community_id : text::NaturalLess(x.name, y.name);
    });
    return out;
}

std::optional<Compound> FindCompound(db::Connection& conn, const auth::Principal& p, int64_t id) {
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", id);
    auto rows = conn.Run(std::string(kCompoundCols) + where.Sql(), where.values());
    if (rows.empty()) return std::nullopt;
    return CompoundOf(rows.front());
}

Compound GetCompound(db::Connection& conn, const auth::Principal& p, int64_t id) {
    auto c = FindCompound(conn, p, id);
    if (!c) throw AppError(ErrorCode::kNotFound, "not_found");
    return *c;
}

int64_t InsertCompound(db::Connection& conn, int64_t street_id, const CompoundInput& in) {
    int64_t now = time::NowUnix();
    return conn.Insert(
        "INSERT INTO compounds (street_id, community_id, name, address, lat, lng, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        street_id, in.community_id, in.name, in.address, in.lat, in.lng, now, now);
}

int64_t CreateCompound(db::Connection& conn, const auth::Principal& p, const CompoundInput& in,
                       const audit::Actor& actor) {
    Place community = CommunityField(conn, p, in.community_id);
    ValidateCompound(in);
    if (conn.QueryInt("SELECT count(*) FROM compounds WHERE community_id = ? AND name = ?", community.id, in.name) >
        0) {
        throw AppError(ErrorCode::kConflict, "duplicate_name");
    }
    int64_t id = InsertCompound(conn, community.street_id.value_or(0), in);
    json::object details = CompoundFields(in);
    details["community_id"] = community.id;
    audit::Append(conn, actor, {"places.compound.created", "compound", std::to_string(id), true, details});
    return id;
}

void UpdateCompound(db::Connection& conn, const auth::Principal& p, int64_t id, const CompoundInput& in,
                    const audit::Actor& actor) {
    Compound before = GetCompound(conn, p, id);
    ValidateCompound(in);
    if (conn.QueryInt("SELECT count(*) FROM compounds WHERE community_id = ? AND name = ? AND id <> ?",
                      before.community_id, in.name, id) > 0) {
        throw AppError(ErrorCode::kConflict, "duplicate_name");
    }
    conn.Exec("UPDATE compounds SET name = ?, address = ?, lat = ?, lng = ?, updated_at = ? WHERE id = ?", in.name,
              in.address, in.lat, in.lng, time::NowUnix(), id);
    CompoundInput old{before.community_id, before.name, before.address, before.lat, before.lng};
    audit::Append(conn, actor,
                  {"places.compound.updated", "compound", std::to_string(id), true,
                   audit::Diff(CompoundFields(old), CompoundFields(in))});
}

BuildingGrid GridOf(db::Connection& conn, const auth::Principal& p, int64_t building_id) {
    Place building = GetPlace(conn, p, building_id);
    if (building.kind != "building") throw AppError(ErrorCode::kNotFound, "not_found");
    BuildingGrid grid;
    for (const Household& h : ListHouseholds(conn, p, building.id, std::nullopt, 10000, 0, nullptr)) {
        grid.households.push_back({h.id, h.unit, h.room, FloorOf(h.room), 0});
    }
    std::map<int64_t, int64_t> living;
    for (const auto& r : conn.Query("SELECT household_id, count(*) AS n FROM residents WHERE building_id = ? AND "
                                    "moved_out IS NULL GROUP BY household_id",
                                    building.id)) {
        living[r.Int("household_id")] = r.Int("n");
    }
    std::set<std::string> units;
    grid.floors = building.floors.value_or(0);
    for (GridHousehold& h : grid.households) {
        h.residents = living.count(h.id) ? living[h.id] : 0;
        units.insert(h.unit);
        grid.floors = std::max(grid.floors, h.floor);
    }
    for (int64_t u = 1; u <= building.units.value_or(0); ++u) units.insert(std::to_string(u));
    grid.units.assign(units.begin(), units.end());
    std::stable_sort(grid.units.begin(), grid.units.end(), text::NaturalLess);
    return grid;
}

}  // namespace tongxin::places
