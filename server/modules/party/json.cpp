#include "modules/party/json.hpp"

#include <boost/json.hpp>

#include "core/http/json_fields.hpp"
#include "core/text/codes.hpp"

namespace tongxin::party {
namespace json = boost::json;
using http::OrNull;

namespace {

double Share(const Covered& c) {
    return c.minority ? static_cast<double>(c.paired) / static_cast<double>(c.minority) : 1.0;
}

}  // namespace

json::object ToJson(const Member& m) {
    return {{"id", m.id},
            {"name", m.name},
            {"ethnicity", m.ethnicity},
            {"ethnicity_name", text::EthnicityName(m.ethnicity)},
            {"minority", text::IsMinority(m.ethnicity)},
            {"political_status", m.political_status},
            {"paired", m.paired}};
}

json::object ToJson(const Pairing& p) {
    return {{"id", p.id},
            {"resident_id", p.resident_id},
            {"resident", p.resident},
            {"ethnicity_name", text::EthnicityName(p.ethnicity)},
            {"liaison_resident_id", p.liaison_resident_id},
            {"liaison", p.liaison},
            {"household_id", OrNull(p.household_id)},
            {"address", p.address},
            {"from_date", p.from_date},
            {"to_date", OrNull(p.to_date)},
            {"end_reason", p.end_reason},
            {"community_id", p.community_id}};
}

json::object ToJson(const Coverage& c) {
    json::array by_grid, by_building, unpaired;
    for (const GridCoverage& g : c.by_grid) {
        by_grid.push_back({{"grid", g.grid},
                           {"minority", g.counts.minority},
                           {"paired", g.counts.paired},
                           {"share", Share(g.counts)}});
    }
    for (const BuildingCoverage& b : c.by_building) {
        by_building.push_back({{"grid", b.grid},
                               {"building_id", OrNull(b.building_id)},
                               {"building", b.building},
                               {"minority", b.counts.minority},
                               {"paired", b.counts.paired},
                               {"share", Share(b.counts)}});
    }
    for (const Unpaired& u : c.unpaired) {
        unpaired.push_back({{"id", u.id},
                            {"name", u.name},
                            {"ethnicity_name", text::EthnicityName(u.ethnicity)},
                            {"address", u.address}});
    }
    return {{"as_of", c.as_of},
            {"minority", c.all.minority},
            {"paired", c.all.paired},
            {"share", Share(c.all)},
            {"by_grid", std::move(by_grid)},
            {"by_building", std::move(by_building)},
            {"unpaired", std::move(unpaired)}};
}

json::object ToJson(const Visit& v) {
    return {{"id", v.id},
            {"household_id", v.household_id},
            {"address", v.address},
            {"liaison_resident_id", v.liaison_resident_id},
            {"liaison", v.liaison},
            {"visit_date", v.visit_date},
            {"kind", v.kind},
            {"findings", v.findings},
            {"needs", v.needs},
            {"follow_up", v.follow_up},
            {"follow_up_status", v.follow_up_status},
            {"community_id", v.community_id}};
}

json::object ToJson(const OverdueList& o) {
    json::array items;
    for (const OverdueHousehold& h : o.items) {
        items.push_back({{"household_id", h.household_id},
                         {"address", h.address},
                         {"liaison", h.liaison},
                         {"last_visit", OrNull(h.last_visit)}});
    }
    const auto total = static_cast<int64_t>(o.items.size());
    return {{"items", std::move(items)}, {"total", total}, {"days", o.days}, {"as_of", o.as_of}};
}

json::object ToJson(const StudySession& s) {
    return {{"id", s.id},
            {"kind", s.kind},
            {"held_on", s.held_on},
            {"topic", s.topic},
            {"ethnic_policy", s.ethnic_policy},
            {"minutes", s.minutes},
            {"organization_id", OrNull(s.organization_id)},
            {"attendance", s.attendance}};
}

}  // namespace tongxin::party
