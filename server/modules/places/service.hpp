#pragma once
// Places: street -> community -> grid -> building, and households in buildings. Every read and
// write is limited to the principal's place scope; a place outside it is "not found".
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/db/database.hpp"

namespace tongxin::places {

struct Place {
    int64_t id = 0;
    std::string kind;  // street | community | grid | building
    std::optional<int64_t> parent_id;
    std::string name;
    std::string code;
    std::string address;
    std::optional<double> lat;
    std::optional<double> lng;
    std::optional<int64_t> street_id, community_id, grid_id;
};

struct PlaceInput {
    std::string kind;
    std::optional<int64_t> parent_id;
    std::string name;
    std::string code;
    std::string address;
    std::optional<double> lat;
    std::optional<double> lng;
};

struct Household {
    int64_t id = 0;
    int64_t building_id = 0;
    std::string unit;
    std::string room;
    std::string address;
    int64_t street_id = 0, community_id = 0, grid_id = 0;
};

// The parent kind each kind must hang under.
std::optional<std::string> ParentKindOf(const std::string& kind);

std::vector<Place> ListPlaces(db::Connection& conn, const auth::Principal& p, const std::string& kind,
                              std::optional<int64_t> parent_id, std::optional<int64_t> community_id);
// The top places of the principal's scope (tree roots).
std::vector<Place> ScopeRoots(db::Connection& conn, const auth::Principal& p);
Place GetPlace(db::Connection& conn, const auth::Principal& p, int64_t id);
std::optional<Place> FindPlace(db::Connection& conn, const auth::Principal& p, int64_t id);
// The community a record is written for (its `community_id` field): 422 community_id not_found
// unless it is a community in the principal's scope.
Place CommunityField(db::Connection& conn, const auth::Principal& p, int64_t id);
// Validates and writes the place and its audit entry; call inside a write transaction.
int64_t CreatePlace(db::Connection& conn, const auth::Principal& p, const PlaceInput& in, const audit::Actor& actor);
void UpdatePlace(db::Connection& conn, const auth::Principal& p, int64_t id, const PlaceInput& in,
                 const audit::Actor& actor);
// Creates a place with no scope check (demo and data generation).
int64_t InsertPlace(db::Connection& conn, const PlaceInput& in);

std::vector<Household> ListHouseholds(db::Connection& conn, const auth::Principal& p,
                                      std::optional<int64_t> building_id, std::optional<int64_t> community_id,
                                      int64_t limit, int64_t offset, int64_t* total);
std::optional<Household> FindHousehold(db::Connection& conn, const auth::Principal& p, int64_t id);
int64_t CreateHousehold(db::Connection& conn, const auth::Principal& p, int64_t building_id, const std::string& unit,
                        const std::string& room, const audit::Actor& actor);
// Finds the household at (building, unit, room), creating it if missing; no scope check.
Household FindOrCreateHousehold(db::Connection& conn, const Place& building, const std::string& unit,
                                const std::string& room);
std::string HouseholdAddress(const Place& building, const std::string& unit, const std::string& room);

}  // namespace tongxin::places
