#pragma once
// The places module's records and inputs: places in the tree, compounds, households.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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
    // Buildings: the compound they stand in, and their floors and units where known.
    std::optional<int64_t> compound_id;
    std::string compound_name;
    std::optional<int64_t> floors, units;
};

struct PlaceInput {
    std::string kind;
    std::optional<int64_t> parent_id;
    std::string name;
    std::string code;
    std::string address;
    std::optional<double> lat;
    std::optional<double> lng;
    std::optional<int64_t> compound_id;  // buildings only
    std::optional<int64_t> floors, units;
};

struct Household {
    int64_t id = 0;
    int64_t building_id = 0;
    std::string unit;
    std::string room;
    std::string address;
    int64_t street_id = 0, community_id = 0, grid_id = 0;
};

// A compound (小区/院落) of a community, with what stands in it.
struct Compound {
    int64_t id = 0, street_id = 0, community_id = 0;
    std::string name, address;
    std::optional<double> lat, lng;
    int64_t buildings = 0, households = 0, residents = 0;
};

struct CompoundInput {
    int64_t community_id = 0;  // on create
    std::string name, address;
    std::optional<double> lat, lng;
};

// One household of a building's grid: its floor (from the room number: 1203 is on floor 12;
// 0 where the number does not say) and how many residents live there now.
struct GridHousehold {
    int64_t id = 0;
    std::string unit, room;
    int64_t floor = 0, residents = 0;
};

struct BuildingGrid {
    int64_t floors = 0;              // the building's floors, or the highest floor with a household
    std::vector<std::string> units;  // the building's units in order ("" where rooms have no unit)
    std::vector<GridHousehold> households;
};

}  // namespace tongxin::places
