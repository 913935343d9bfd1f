#include "modules/cases/json.hpp"

#include <boost/json.hpp>

#include "core/http/json_fields.hpp"
#include "core/time/clock.hpp"

namespace tongxin::cases {
namespace json = boost::json;
using http::OrNull;

json::object ToJson(const CaseStaff& s) {
    return {{"user_id", s.user_id}, {"display_name", s.display_name}, {"role", s.role}};
}

json::object ToJson(const CaseSummary& c) {
    return {{"id", c.id},
            {"number", c.number},
            {"community_id", c.community_id},
            {"kind", c.kind},
            {"status", c.status},
            {"title", c.title},
            {"applicant_name", c.applicant_name},
            {"registered_on", c.registered_on},
            {"resolved_on", OrNull(c.resolved_on)},
            {"outcome", OrNull(c.outcome)},
            {"assigned_user_id", OrNull(c.assigned_user_id)},
            {"assigned_to", OrNull(c.assigned_to)},
            {"staff_role", OrNull(c.staff_role)},
            {"read_only", c.status == "closed"}};
}

json::object ToJson(const Case& c) {
    json::array sessions;
    for (const Session& s : c.sessions) {
        sessions.push_back({{"id", s.id}, {"held_on", s.held_on}, {"staff", OrNull(s.staff)}, {"notes", s.notes}});
    }
    json::value agreement = nullptr;
    if (const auto& a = c.agreement) {
        agreement = {{"form", a->form},
                     {"parties", a->parties},
                     {"content", a->content},
                     {"signed_on", a->signed_on},
                     {"fulfilment", a->fulfilment},
                     {"fulfilment_checked_on", OrNull(a->fulfilment_checked_on)},
                     {"fulfilment_note", a->fulfilment_note}};
    }
    return {{"id", c.id},
            {"number", c.number},
            {"community_id", c.community_id},
            {"kind", c.kind},
            {"status", c.status},
            {"title", c.title},
            {"applicant_resident_id", OrNull(c.applicant_resident_id)},
            {"applicant_name", c.applicant_name},
            {"respondent", c.respondent},
            {"facts", c.facts},
            {"location", c.location},
            {"channel", c.channel},
            {"assigned_user_id", OrNull(c.assigned_user_id)},
            {"assigned_to", OrNull(c.assigned_to)},
            {"staff_role", OrNull(c.staff_role)},
            {"outcome", OrNull(c.outcome)},
            {"registered_on", c.registered_on},
            {"resolved_on", OrNull(c.resolved_on)},
            {"sessions", std::move(sessions)},
            {"agreement", std::move(agreement)},
            {"read_only", c.status == "closed"}};
}

json::object ToJson(const CaseStats& s) {
    json::array by_kind, by_month;
    for (const KindCounts& k : s.by_kind) {
        by_kind.push_back(
            {{"kind", k.kind}, {"registered", k.registered}, {"closed", k.closed}, {"resolved", k.resolved}});
    }
    for (size_t m = 0; m < s.resolved_by_month.size(); ++m) {
        by_month.push_back({{"month", static_cast<int64_t>(m + 1)}, {"resolved", s.resolved_by_month[m]}});
    }
    return {{"community_id", s.community_id},
            {"year", s.year},
            {"by_kind", std::move(by_kind)},
            {"disputes_resolved_by_month", std::move(by_month)},
            {"disputes_resolved_in_year", s.resolved_in_year},
            {"disputes_resolved_all_time", s.resolved_all_time},
            {"median_days_to_resolution", OrNull(s.median_days_to_resolution)}};
}

CaseInput ParseCaseInput(http::JsonBody& body) {
    CaseInput in;
    in.community_id = body.Int("community_id", true, 1).value_or(0);
    in.kind = body.Str("kind", true, 20).value_or("");
    in.title = body.Str("title", true, 100).value_or("");
    in.applicant_resident_id = body.Int("applicant_resident_id", false, 1);
    in.applicant_name = body.Str("applicant_name", false, 50).value_or("");
    in.respondent = body.Str("respondent", false, 200).value_or("");
    in.facts = body.Str("facts", true, 5000).value_or("");
    in.location = body.Str("location", false, 200).value_or("");
    in.channel = body.Str("channel", true, 20).value_or("");
    in.registered_on = body.Date("registered_on").value_or(time::Today());
    return in;
}

}  // namespace tongxin::cases
