#include "modules/committee/json.hpp"

#include <boost/json.hpp>

#include "core/http/json_fields.hpp"
#include "core/text/codes.hpp"

namespace tongxin::committee {
namespace json = boost::json;
using http::OrNull;

namespace {

json::object Counts(const Covered& c) {
    return {{"households", c.households},
            {"assigned", c.assigned},
            {"share", c.households ? static_cast<double>(c.assigned) / static_cast<double>(c.households) : 1.0}};
}

}  // namespace

json::object ToJson(const Officer& o) {
    return {{"id", o.post_id},
            {"resident_id", o.resident_id},
            {"community_id", o.community_id},
            {"name", o.name},
            {"ethnicity", o.ethnicity},
            {"ethnicity_name", text::EthnicityName(o.ethnicity)},
            {"post", o.post},
            {"term_from", o.term_from},
            {"term_to", OrNull(o.term_to)},
            {"households", o.households},
            {"contacts", o.contacts}};
}

json::object ToJson(const Assignment& a) {
    return {{"id", a.id},
            {"household_id", a.household_id},
            {"address", a.address},
            {"officer_resident_id", a.officer_resident_id},
            {"officer", a.officer},
            {"community_id", a.community_id},
            {"from_date", a.from_date},
            {"to_date", OrNull(a.to_date)},
            {"end_reason", a.end_reason}};
}

json::object ToJson(const Coverage& c) {
    json::array by_building, gaps;
    for (const BuildingCoverage& b : c.by_building) {
        json::object row = Counts(b.counts);
        row["building_id"] = OrNull(b.building_id);
        row["grid"] = b.grid;
        row["building"] = b.building;
        by_building.push_back(std::move(row));
    }
    for (const Gap& g : c.gaps) {
        gaps.push_back(
            {{"household_id", g.household_id}, {"address", g.address}, {"minority_members", g.minority_members}});
    }
    json::object out = Counts(c.all);
    out["as_of"] = c.as_of;
    out["by_building"] = std::move(by_building);
    out["gaps"] = std::move(gaps);
    return out;
}

json::object ToJson(const Contact& c) {
    return {{"id", c.id},
            {"household_id", c.household_id},
            {"address", c.address},
            {"resident_id", OrNull(c.resident_id)},
            {"resident", c.resident},
            {"officer_resident_id", c.officer_resident_id},
            {"officer", c.officer},
            {"community_id", c.community_id},
            {"contacted_on", c.contacted_on},
            {"channel", c.channel},
            {"purpose", c.purpose},
            {"summary", c.summary},
            {"care_what", c.care_what},
            {"value_fen", OrNull(c.value_fen)},
            {"helpers", c.helpers}};
}

json::object ToJson(const Need& n) {
    return {{"id", n.id},
            {"household_id", n.household_id},
            {"address", n.address},
            {"resident_id", OrNull(n.resident_id)},
            {"resident", n.resident},
            {"officer_resident_id", OrNull(n.officer_resident_id)},
            {"officer", n.officer},
            {"community_id", n.community_id},
            {"raised_on", n.raised_on},
            {"kind", n.kind},
            {"description", n.description},
            {"status", n.status},
            {"handler", OrNull(n.handler)},
            {"linked_id", OrNull(n.linked_id)},
            {"due_on", n.due_on},
            {"overdue", n.overdue},
            {"outcome", n.outcome},
            {"solved_on", OrNull(n.solved_on)}};
}

json::object ToJson(const Activity& a) {
    json::array mix, people;
    for (const EthnicCount& e : a.ethnic_mix) {
        mix.push_back(
            {{"ethnicity", e.ethnicity}, {"ethnicity_name", text::EthnicityName(e.ethnicity)}, {"count", e.count}});
    }
    for (const Participant& p : a.participant_list) {
        people.push_back({{"resident_id", p.resident_id},
                          {"name", p.name},
                          {"ethnicity", p.ethnicity},
                          {"ethnicity_name", text::EthnicityName(p.ethnicity)}});
    }
    return {{"id", a.id},
            {"community_id", a.community_id},
            {"organiser_resident_id", a.organiser_resident_id},
            {"organiser", a.organiser},
            {"title", a.title},
            {"description", a.description},
            {"place", a.place},
            {"held_on", a.held_on},
            {"expected", a.expected},
            {"status", a.status},
            {"decision_note", a.decision_note},
            {"participants", a.participants},
            {"ethnic_mix", std::move(mix)},
            {"participant_list", std::move(people)},
            {"photos", media::ToJson(a.photos)}};
}

json::object ToJson(const Home& h) {
    json::array overdue;
    for (const Need& n : h.overdue) overdue.push_back(ToJson(n));
    return {{"as_of", h.as_of},
            {"officers", h.officers},
            {"members", h.members},
            {"coverage", Counts(h.coverage)},
            {"open_needs", h.open_needs},
            {"referred_needs", h.referred_needs},
            {"solved_needs_year", h.solved_needs_year},
            {"proposals", h.proposals},
            {"overdue", std::move(overdue)}};
}

}  // namespace tongxin::committee
