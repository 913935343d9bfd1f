#include "modules/services/json.hpp"

#include <boost/json.hpp>

#include "core/http/json_fields.hpp"
#include "core/time/clock.hpp"

namespace tongxin::services {
namespace json = boost::json;
using http::OrNull;

json::object ToJson(const Point& p) {
    json::array groups;
    for (const auto& g : p.age_groups) groups.push_back(json::string(g));
    return {{"id", p.id},
            {"community_id", p.community_id},
            {"name", p.name},
            {"kind", p.kind},
            {"address", p.address},
            {"lat", p.lat},
            {"lng", p.lng},
            {"opening_hours", p.opening_hours},
            {"age_groups", std::move(groups)},
            {"services", p.services},
            {"active", p.active}};
}

json::object ToJson(const PointCoverage& c) {
    json::array kinds, buildings, points;
    for (const KindCoverage& k : c.kinds) {
        json::array gaps;
        for (const Gap& g : k.gaps) {
            gaps.push_back({{"id", g.id}, {"name", g.name}, {"nearest_metres", OrNull(g.nearest_metres)}});
        }
        kinds.push_back(
            {{"kind", k.kind},
             {"points", k.points},
             {"covered", k.covered},
             {"buildings", k.buildings},
             {"share", k.buildings == 0 ? 0.0 : static_cast<double>(k.covered) / static_cast<double>(k.buildings)},
             {"gaps", std::move(gaps)}});
    }
    for (const BuildingReach& b : c.buildings) {
        json::object covered;
        for (const auto& [kind, nearest] : b.covered)
            covered[kind] = {{"metres", nearest.metres}, {"point", nearest.point}};
        buildings.push_back(
            {{"id", b.id}, {"name", b.name}, {"lat", b.lat}, {"lng", b.lng}, {"covered", std::move(covered)}});
    }
    for (const Point& p : c.points) {
        points.push_back({{"id", p.id}, {"name", p.name}, {"kind", p.kind}, {"lat", p.lat}, {"lng", p.lng}});
    }
    return {{"community_id", c.community_id},
            {"metres", c.metres},
            {"age_group", OrNull(c.age_group)},
            {"kinds", std::move(kinds)},
            {"buildings", std::move(buildings)},
            {"points", std::move(points)},
            {"buildings_without_coordinates", c.buildings_without_coordinates}};
}

json::object ToJson(const Aid& a) {
    return {{"id", a.id},
            {"community_id", a.community_id},
            {"kind", a.kind},
            {"resident_id", a.resident_id},
            {"name", a.name},
            {"age_group", a.age_group},
            {"title", a.title},
            {"detail", a.detail},
            {"status", a.status},
            {"helper_resident_id", OrNull(a.helper_resident_id)},
            {"helper", OrNull(a.helper)},
            {"offer_id", OrNull(a.offer_id)},
            {"minutes", OrNull(a.minutes)},
            {"hours_id", OrNull(a.hours_id)},
            {"completed_on", OrNull(a.completed_on)},
            {"created_at", time::ToRfc3339(a.created_at)},
            {"address", a.address}};
}

}  // namespace tongxin::services
