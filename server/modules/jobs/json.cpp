#include "modules/jobs/json.hpp"

#include <boost/json.hpp>

#include "core/http/json_fields.hpp"
#include "core/text/codes.hpp"

namespace tongxin::jobs {
namespace json = boost::json;
using http::OrNull;

json::object ToJson(const Seeker& s) {
    json::array languages, steps;
    for (const std::string& l : s.languages) languages.push_back(json::value(l));
    for (const Step& x : s.steps) {
        steps.push_back({{"id", x.id},
                         {"step", x.step},
                         {"on_date", x.on_date},
                         {"helper", x.helper},
                         {"note", x.note},
                         {"placement_id", OrNull(x.placement_id)},
                         {"business_id", OrNull(x.business_id)}});
    }
    return {{"id", s.id},
            {"resident_id", s.resident_id},
            {"community_id", s.community_id},
            {"name", s.name},
            {"ethnicity", s.ethnicity},
            {"ethnicity_name", text::EthnicityName(s.ethnicity)},
            {"gender", s.gender},
            {"address", s.address},
            {"registered_on", s.registered_on},
            {"source", s.source},
            {"need_id", OrNull(s.need_id)},
            {"skills", s.skills},
            {"education", s.education},
            {"languages", std::move(languages)},
            {"wishes", s.wishes},
            {"availability", s.availability},
            {"constraints", s.constraints},
            {"consent_to_share", s.consent_to_share},
            {"status", s.status},
            {"last_step", s.last_step},
            {"last_step_on", s.last_step_on},
            {"steps", std::move(steps)}};
}

json::object ToJson(const Certificate& c) {
    return {{"id", c.id},
            {"resident_id", c.resident_id},
            {"seeker_id", OrNull(c.seeker_id)},
            {"community_id", c.community_id},
            {"name", c.name},
            {"ethnicity", c.ethnicity},
            {"ethnicity_name", text::EthnicityName(c.ethnicity)},
            {"kind", c.kind},
            {"number", c.number},
            {"issuer", c.issuer},
            {"issued_on", c.issued_on},
            {"verified_by", OrNull(c.verified_by)},
            {"verifier", c.verifier},
            {"verified_at", OrNull(c.verified_at)}};
}

json::object ToJson(const Employer& e) {
    return {{"id", e.id},
            {"community_id", e.community_id},
            {"name", e.name},
            {"contact", e.contact},
            {"organization_id", OrNull(e.organization_id)},
            {"organization", e.organization},
            {"placements", e.placements}};
}

json::object ToJson(const Placement& x) {
    json::array followups;
    for (const Followup& f : x.followups) {
        followups.push_back(
            {{"months", f.months}, {"checked_on", f.checked_on}, {"employed", f.employed}, {"note", f.note}});
    }
    return {{"id", x.id},
            {"seeker_id", x.seeker_id},
            {"resident_id", x.resident_id},
            {"community_id", x.community_id},
            {"name", x.name},
            {"ethnicity", x.ethnicity},
            {"ethnicity_name", text::EthnicityName(x.ethnicity)},
            {"employer_id", x.employer_id},
            {"employer", x.employer},
            {"position", x.position},
            {"started_on", x.started_on},
            {"wage_fen", OrNull(x.wage_fen)},
            {"helper", x.helper},
            {"followups", std::move(followups)},
            {"due_3m", OrNull(x.due_3m)},
            {"due_6m", OrNull(x.due_6m)}};
}

json::object ToJson(const Business& b) {
    return {{"id", b.id},
            {"resident_id", b.resident_id},
            {"seeker_id", OrNull(b.seeker_id)},
            {"community_id", b.community_id},
            {"owner", b.owner},
            {"ethnicity", b.ethnicity},
            {"ethnicity_name", text::EthnicityName(b.ethnicity)},
            {"name", b.name},
            {"kind", b.kind},
            {"credit_code", b.credit_code},
            {"registered_on", b.registered_on},
            {"closed_on", OrNull(b.closed_on)},
            {"brand", b.brand}};
}

json::object ToJson(const Funnel& f) {
    json::array steps, by_ethnicity, by_age;
    for (const FunnelStep& s : f.steps) {
        steps.push_back({{"step", s.step},
                         {"people", s.people},
                         {"of_registered", s.of_registered},
                         {"median_days", OrNull(s.median_days)}});
    }
    auto groups = [](const std::vector<FunnelGroup>& in, json::array& out) {
        for (const FunnelGroup& g : in) {
            json::array people;
            for (int64_t n : g.people) people.push_back(n);
            out.push_back({{"key", g.key}, {"name", g.name}, {"people", std::move(people)}});
        }
    };
    groups(f.by_ethnicity, by_ethnicity);
    groups(f.by_age, by_age);
    json::array names;
    for (const std::string& s : Steps()) names.push_back(json::value(s));
    return {{"community", f.community},
            {"year", f.year},
            {"step_names", std::move(names)},
            {"steps", std::move(steps)},
            {"by_ethnicity", std::move(by_ethnicity)},
            {"by_age", std::move(by_age)}};
}

}  // namespace tongxin::jobs
