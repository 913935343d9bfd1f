#include "modules/linkage/json.hpp"

#include <boost/json.hpp>

#include "core/http/json_fields.hpp"

namespace tongxin::linkage {
namespace json = boost::json;
using http::OrNull;

json::object ToJson(const Partner& x) {
    json::array agreements;
    for (const Agreement& a : x.agreements) {
        agreements.push_back({{"id", a.id},
                              {"title", a.title},
                              {"signed_on", a.signed_on},
                              {"ends_on", OrNull(a.ends_on)},
                              {"note", a.note}});
    }
    return {{"id", x.id},
            {"organization_id", x.organization_id},
            {"community_id", x.community_id},
            {"name", x.name},
            {"kind", x.kind},
            {"contact", x.contact},
            {"in_force", x.in_force},
            {"agreement_ends_on", OrNull(x.agreement_ends_on)},
            {"renewal_due", x.renewal_due},
            {"projects", x.projects},
            {"agreements", std::move(agreements)}};
}

json::object ToJson(const Project& x) {
    json::array partners, links, contributions, outcomes;
    for (const ProjectPartner& p : x.partners)
        partners.push_back({{"partner_id", p.partner_id}, {"name", p.name}, {"role", p.role}});
    for (const ProjectLink& l : x.links)
        links.push_back({{"kind", l.kind}, {"record_id", l.record_id}, {"title", l.title}, {"date", l.date}});
    for (const Contribution& c : x.contributions) {
        contributions.push_back({{"id", c.id},
                                 {"partner_id", c.partner_id},
                                 {"partner", c.partner},
                                 {"kind", c.kind},
                                 {"what", c.what},
                                 {"on_date", c.on_date},
                                 {"donation_id", OrNull(c.donation_id)},
                                 {"volunteer_record_id", OrNull(c.volunteer_record_id)},
                                 {"value_fen", c.value_fen},
                                 {"minutes", c.minutes}});
    }
    for (const Outcome& o : x.outcomes) {
        json::array records;
        for (const MeasureRecord& r : o.records)
            records.push_back(
                {{"id", r.id}, {"title", r.title}, {"on_date", r.on_date}, {"value", r.value}, {"link", r.link}});
        outcomes.push_back({{"id", o.id},
                            {"on_date", o.on_date},
                            {"what", o.what},
                            {"figure", o.figure},
                            {"measure", OrNull(o.measure)},
                            {"value", OrNull(o.value)},
                            {"records", std::move(records)}});
    }
    return {{"id", x.id},
            {"community_id", x.community_id},
            {"name", x.name},
            {"goals", x.goals},
            {"started_on", x.started_on},
            {"ended_on", OrNull(x.ended_on)},
            {"status", x.status},
            {"description", x.description},
            {"partners", std::move(partners)},
            {"money_fen", x.money_fen},
            {"in_kind_fen", x.in_kind_fen},
            {"minutes", x.minutes},
            {"links", std::move(links)},
            {"contributions", std::move(contributions)},
            {"outcomes", std::move(outcomes)}};
}

}  // namespace tongxin::linkage
