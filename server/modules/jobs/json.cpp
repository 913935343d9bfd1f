#include "modules/jobs/json.hpp"

#include <boost/json.hpp>

#include "core/http/json_fields.hpp"
#include "core/text/codes.hpp"

namespace tongxin::jobs {
namespace json = boost::json;
using http::OrNull;

namespace {
json::array Strings(const std::vector<std::string>& items) {
    json::array out;
    for (const std::string& s : items) out.push_back(json::value(s));
    return out;
}
}  // namespace

json::object ToJson(const Seeker& s) {
    json::array steps;
    for (const Step& x : s.steps) {
        steps.push_back({{"id", x.id},
                         {"step", x.step},
                         {"on_date", x.on_date},
                         {"helper", x.helper},
                         {"note", x.note},
                         {"placement_id", OrNull(x.placement_id)},
                         {"business_id", OrNull(x.business_id)},
                         {"training_id", OrNull(x.training_id)}});
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
            {"languages", Strings(s.languages)},
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
                         {"median_days", OrNull(s.median_days)},
                         {"previous", s.previous},
                         {"previous_people", s.previous_people},
                         {"of_previous", s.of_previous},
                         {"median_days_from_previous", OrNull(s.median_days_from_previous)}});
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
    return {{"community", f.community},
            {"year", f.year},
            {"step_names", Strings(Steps())},
            {"steps", std::move(steps)},
            {"by_ethnicity", std::move(by_ethnicity)},
            {"by_age", std::move(by_age)}};
}

json::object ToJson(const Training& t) {
    json::array sessions, enrolments;
    for (const TrainingSession& x : t.sessions)
        sessions.push_back({{"id", x.id},
                            {"held_on", x.held_on},
                            {"topic", x.topic},
                            {"attended", x.attended},
                            {"present", json::value_from(x.present)}});
    for (const Enrolment& e : t.enrolments) {
        enrolments.push_back({{"seeker_id", e.seeker_id},
                              {"resident_id", e.resident_id},
                              {"name", e.name},
                              {"ethnicity", e.ethnicity},
                              {"ethnicity_name", text::EthnicityName(e.ethnicity)},
                              {"enrolled_on", e.enrolled_on},
                              {"attended", e.attended},
                              {"completed_on", OrNull(e.completed_on)}});
    }
    return {{"id", t.id},
            {"community_id", t.community_id},
            {"course", t.course},
            {"kind", t.kind},
            {"provider", t.provider},
            {"starts_on", t.starts_on},
            {"ends_on", t.ends_on},
            {"cost_fen", t.cost_fen},
            {"paid_by", t.paid_by},
            {"payer_organization_id", OrNull(t.payer_organization_id)},
            {"payer_organization", t.payer_organization},
            {"sessions_count", t.sessions_count},
            {"enrolled", t.enrolled},
            {"completed", t.completed},
            {"sessions", std::move(sessions)},
            {"enrolments", std::move(enrolments)}};
}

json::object ToJson(const Posting& x) {
    return {{"id", x.id},
            {"employer_id", x.employer_id},
            {"employer", x.employer},
            {"community_id", x.community_id},
            {"title", x.title},
            {"requirements", x.requirements},
            {"skills", x.skills},
            {"wage_min_fen", OrNull(x.wage_min_fen)},
            {"wage_max_fen", OrNull(x.wage_max_fen)},
            {"places", x.places},
            {"posted_on", x.posted_on},
            {"closes_on", OrNull(x.closes_on)},
            {"status", x.status},
            {"matched", x.matched},
            {"shared", x.shared},
            {"hired", x.hired}};
}

json::object ToJson(const Candidate& c) {
    return {{"seeker_id", c.seeker_id},
            {"name", c.name},
            {"ethnicity", c.ethnicity},
            {"ethnicity_name", text::EthnicityName(c.ethnicity)},
            {"skills", c.skills},
            {"wishes", c.wishes},
            {"education", c.education},
            {"score", c.score},
            {"matched", Strings(c.matched)},
            {"consent_to_share", c.consent_to_share}};
}

json::object ToJson(const Match& m) {
    return {{"id", m.id},
            {"posting_id", m.posting_id},
            {"seeker_id", m.seeker_id},
            {"resident_id", m.resident_id},
            {"community_id", m.community_id},
            {"name", m.name},
            {"ethnicity", m.ethnicity},
            {"ethnicity_name", text::EthnicityName(m.ethnicity)},
            {"title", m.title},
            {"employer", m.employer},
            {"wage_min_fen", OrNull(m.wage_min_fen)},
            {"wage_max_fen", OrNull(m.wage_max_fen)},
            {"score", m.score},
            {"status", m.status},
            {"consent_by", m.consent_by},
            {"consent_how", m.consent_how},
            {"consent_at", OrNull(m.consent_at)},
            {"shared_at", OrNull(m.shared_at)},
            {"placement_id", OrNull(m.placement_id)}};
}

json::object ToJson(const Referral& x) {
    return {{"match_id", x.match_id},
            {"name", x.name},
            {"gender", x.gender},
            {"age", OrNull(x.age)},
            {"phone", x.phone},
            {"education", x.education},
            {"skills", x.skills},
            {"languages", Strings(x.languages)},
            {"availability", x.availability},
            {"shared_at", x.shared_at}};
}

json::object ToJson(const Incubation& x) {
    json::array founders, mentors, milestones;
    for (const Founder& f : x.founders) {
        founders.push_back({{"seeker_id", f.seeker_id},
                            {"resident_id", f.resident_id},
                            {"name", f.name},
                            {"ethnicity", f.ethnicity},
                            {"ethnicity_name", text::EthnicityName(f.ethnicity)}});
    }
    for (const Mentor& m : x.mentors) {
        mentors.push_back({{"id", m.id},
                           {"name", m.name},
                           {"expertise", m.expertise},
                           {"organization_id", OrNull(m.organization_id)},
                           {"organization", m.organization}});
    }
    for (const Milestone& m : x.milestones) {
        milestones.push_back({{"id", m.id},
                              {"title", m.title},
                              {"due_on", m.due_on},
                              {"done_on", OrNull(m.done_on)},
                              {"evidence", m.evidence}});
    }
    return {{"id", x.id},
            {"community_id", x.community_id},
            {"name", x.name},
            {"brand", x.brand},
            {"summary", x.summary},
            {"started_on", x.started_on},
            {"status", x.status},
            {"ended_on", OrNull(x.ended_on)},
            {"business_id", OrNull(x.business_id)},
            {"business", x.business},
            {"milestones_total", x.milestones_total},
            {"milestones_done", x.milestones_done},
            {"founders", std::move(founders)},
            {"mentors", std::move(mentors)},
            {"milestones", std::move(milestones)}};
}

}  // namespace tongxin::jobs
