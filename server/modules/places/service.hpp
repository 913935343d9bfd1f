#pragma once
// Places: street -> community -> grid -> building, compounds (小区) grouping a community's
// buildings, and households in buildings. Every read and
// write is limited to the principal's place scope; a place outside it is "not found".
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "modules/places/model.hpp"

namespace tongxin::places {

// The parent kind each kind must hang under.
std::optional<std::string> ParentKindOf(const std::string& kind);

std::vector<Place> ListPlaces(db::Connection& conn, const auth::Principal& p, const std::string& kind,
                              std::optional<int64_t> parent_id, std::optional<int64_t> community_id,
                              std::optional<int64_t> compound_id = std::nullopt);
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
// Compounds of the principal's communities (all of them, or one community's), with counts.
std::vector<Compound> ListCompounds(db::Connection& conn, const auth::Principal& p,
                                    std::optional<int64_t> community_id);
std::optional<Compound> FindCompound(db::Connection& conn, const auth::Principal& p, int64_t id);
Compound GetCompound(db::Connection& conn, const auth::Principal& p, int64_t id);
int64_t CreateCompound(db::Connection& conn, const auth::Principal& p, const CompoundInput& in,
                       const audit::Actor& actor);
void UpdateCompound(db::Connection& conn, const auth::Principal& p, int64_t id, const CompoundInput& in,
                    const audit::Actor& actor);
// Creates a compound with no scope check (demo and data generation).
int64_t InsertCompound(db::Connection& conn, int64_t street_id, const CompoundInput& in);
// A building's households by unit and floor with their residents (404 outside scope).
BuildingGrid GridOf(db::Connection& conn, const auth::Principal& p, int64_t building_id);

std::string HouseholdAddress(const Place& building, const std::string& unit, const std::string& room);

}  // namespace tongxin::places
