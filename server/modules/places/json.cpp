#include "modules/places/json.hpp"

#include <boost/json.hpp>

#include "core/http/json_fields.hpp"

namespace tongxin::places {
namespace json = boost::json;
using http::OrNull;

json::object ToJson(const Place& p) {
    return {{"id", p.id},
            {"kind", p.kind},
            {"parent_id", OrNull(p.parent_id)},
            {"name", p.name},
            {"code", p.code},
            {"address", p.address},
            {"lat", OrNull(p.lat)},
            {"lng", OrNull(p.lng)},
            {"street_id", OrNull(p.street_id)},
            {"community_id", OrNull(p.community_id)},
            {"grid_id", OrNull(p.grid_id)},
            {"compound_id", OrNull(p.compound_id)},
            {"compound_name", p.compound_name},
            {"floors", OrNull(p.floors)},
            {"units", OrNull(p.units)}};
}

json::object ToJson(const Compound& c) {
    return {{"id", c.id},
            {"kind", "compound"},
            {"street_id", c.street_id},
            {"community_id", c.community_id},
            {"name", c.name},
            {"address", c.address},
            {"lat", OrNull(c.lat)},
            {"lng", OrNull(c.lng)},
            {"buildings", c.buildings},
            {"households", c.households},
            {"residents", c.residents}};
}

json::object ToJson(const BuildingGrid& g) {
    json::array units, households;
    for (const auto& u : g.units) units.emplace_back(u);
    for (const auto& h : g.households) {
        households.push_back(
            {{"id", h.id}, {"unit", h.unit}, {"room", h.room}, {"floor", h.floor}, {"residents", h.residents}});
    }
    return {{"floors", g.floors}, {"units", std::move(units)}, {"households", std::move(households)}};
}

json::object ToJson(const Household& h) {
    return {{"id", h.id},
            {"building_id", h.building_id},
            {"unit", h.unit},
            {"room", h.room},
            {"address", h.address},
            {"street_id", h.street_id},
            {"community_id", h.community_id},
            {"grid_id", h.grid_id}};
}

}  // namespace tongxin::places
