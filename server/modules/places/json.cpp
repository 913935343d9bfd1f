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
            {"grid_id", OrNull(p.grid_id)}};
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
