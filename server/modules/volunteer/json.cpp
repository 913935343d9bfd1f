#include "modules/volunteer/json.hpp"

#include <boost/json.hpp>

#include "core/http/json_fields.hpp"
#include "core/time/clock.hpp"

namespace tongxin::volunteer {
namespace json = boost::json;
using http::OrNull;
using http::TimeOrNull;

json::object ToJson(const Signup& s) {
    json::object o{{"id", s.id},
                   {"status", s.status},
                   {"acted_by", OrNull(s.acted_by)},
                   {"checked_in_at", TimeOrNull(s.checked_in_at)},
                   {"checked_out_at", TimeOrNull(s.checked_out_at)}};
    if (s.position) o["position"] = *s.position;
    return o;
}

json::object ToJson(const Activity& a) {
    json::object o{{"id", a.id},
                   {"organization_id", a.organization_id},
                   {"organization", a.organization},
                   {"community_id", a.community_id},
                   {"title", a.title},
                   {"kind", a.kind},
                   {"content", a.content},
                   {"place", a.place},
                   {"starts_at", time::ToRfc3339(a.starts_at)},
                   {"ends_at", time::ToRfc3339(a.ends_at)},
                   {"capacity", a.capacity},
                   {"confirmed", a.confirmed},
                   {"waitlisted", a.waitlisted},
                   {"status", a.status},
                   {"phase", a.phase}};
    if (a.resident_view) o["mine"] = a.mine ? json::value(ToJson(*a.mine)) : json::value(nullptr);
    if (a.checkin_code) o["checkin_code"] = *a.checkin_code;
    if (a.recorded_minutes) o["recorded_minutes"] = *a.recorded_minutes;
    return o;
}

json::object ToJson(const SignupEntry& e) {
    json::object o{{"id", e.id},
                   {"resident_id", e.resident_id},
                   {"name", e.name},
                   {"phone_masked", e.phone_masked},
                   {"address", e.address},
                   {"status", e.status},
                   {"signed_up_at", time::ToRfc3339(e.signed_up_at)},
                   {"checked_in_at", TimeOrNull(e.checked_in_at)},
                   {"checked_out_at", TimeOrNull(e.checked_out_at)},
                   {"recorded_minutes", e.recorded_minutes},
                   {"signed_up_by", OrNull(e.signed_up_by)}};
    if (e.position) o["position"] = *e.position;
    return o;
}

json::object ToJson(const SignupCancellation& c) {
    json::value promoted = nullptr;
    if (c.promoted) promoted = json::object{{"resident_id", c.promoted->resident_id}, {"name", c.promoted->name}};
    return {{"status", "cancelled"}, {"promoted", std::move(promoted)}};
}

json::object ToJson(const CheckResult& c) {
    json::object o = ToJson(c.signup);
    o["already"] = c.already;
    return o;
}

json::object ToJson(const HoursConfirmation& h) {
    json::array recorded;
    for (const RecordedHours& r : h.recorded) {
        recorded.push_back({{"id", r.id}, {"resident_id", r.resident_id}, {"minutes", r.minutes}});
    }
    return {{"recorded", std::move(recorded)}, {"skipped", h.skipped}};
}

json::object ToJson(const HoursRecord& r) {
    return {{"id", r.id},
            {"resident_id", r.resident_id},
            {"name", r.name},
            {"activity_id", OrNull(r.activity_id)},
            {"activity", OrNull(r.activity)},
            {"served_on", r.served_on},
            {"minutes", r.minutes},
            {"kind", r.kind},
            {"content", r.content},
            {"entry", r.entry},
            {"reverses_id", OrNull(r.reverses_id)},
            {"reason", r.reason},
            {"recorded_by", OrNull(r.recorded_by)},
            {"recorded_at", time::ToRfc3339(r.recorded_at)},
            {"reversed_by_id", OrNull(r.reversed_by_id)},
            {"community_id", r.community_id}};
}

json::object ToJson(const RecordPage& p) {
    json::array items;
    for (const HoursRecord& r : p.page.items) items.push_back(ToJson(r));
    return {{"items", std::move(items)}, {"total", p.page.total}, {"total_minutes", p.total_minutes}};
}

json::object ToJson(const Correction& c) {
    return {{"reversal_id", c.reversal_id}, {"record_id", OrNull(c.record_id)}};
}

json::object ToJson(const Dispute& d) {
    return {{"id", d.id},
            {"hours_id", d.hours_id},
            {"resident_id", d.resident_id},
            {"name", d.name},
            {"served_on", d.served_on},
            {"minutes", d.minutes},
            {"content", d.content},
            {"reason", d.reason},
            {"status", d.status},
            {"resolution", d.resolution},
            {"created_at", time::ToRfc3339(d.created_at)},
            {"resolved_at", TimeOrNull(d.resolved_at)}};
}

json::object ToJson(const PointsStatement& s) {
    json::array items;
    for (const PointEntry& e : s.entries.items) {
        items.push_back({{"id", e.id},
                         {"delta", e.delta},
                         {"source", e.source},
                         {"hours_id", OrNull(e.hours_id)},
                         {"redemption_id", OrNull(e.redemption_id)},
                         {"note", e.note},
                         {"created_at", time::ToRfc3339(e.created_at)},
                         {"served_on", OrNull(e.served_on)},
                         {"content", OrNull(e.content)},
                         {"reward", OrNull(e.reward)}});
    }
    return {{"resident_id", s.resident_id},
            {"balance", s.balance},
            {"items", std::move(items)},
            {"total", s.entries.total}};
}

json::object ToJson(const Reward& r) {
    return {{"id", r.id},         {"community_id", r.community_id},
            {"name", r.name},     {"description", r.description},
            {"points", r.points}, {"stock", r.stock},
            {"active", r.active}, {"redeemed", r.redeemed}};
}

json::object ToJson(const Redemption& r) {
    return {{"redemption_id", r.redemption_id}, {"balance", r.balance}, {"stock", r.stock}};
}

namespace {
json::object RuleJson(const Settings& s) {
    return {{"min_hours", static_cast<double>(s.regular_min_minutes) / 60.0},
            {"min_activities", s.regular_min_activities},
            {"months", s.regular_months}};
}
}  // namespace

json::object ToJson(const Rules& r) {
    json::object kinds;
    for (const auto& [kind, points] : r.kind_points) kinds[kind] = points;
    return {{"community_id", r.community_id},
            {"regular_min_hours", static_cast<double>(r.settings.regular_min_minutes) / 60.0},
            {"regular_min_activities", r.settings.regular_min_activities},
            {"regular_months", r.settings.regular_months},
            {"points_per_hour", r.settings.points_per_hour},
            {"kind_points_per_hour", std::move(kinds)}};
}

json::object ToJson(const RegularList& l) {
    json::array items;
    for (const RegularVolunteer& v : l.page.items) {
        items.push_back({{"resident_id", v.resident_id},
                         {"name", v.name},
                         {"ethnicity", v.ethnicity},
                         {"minutes", v.minutes},
                         {"activities", v.activities}});
    }
    return {{"items", std::move(items)},
            {"total", l.page.total},
            {"as_of", l.as_of},
            {"window_from", l.window_from},
            {"rule", RuleJson(l.rule)}};
}

json::object ToJson(const MySummary& m) {
    return {{"resident_id", m.resident_id},
            {"name", m.name},
            {"community_id", m.community_id},
            {"minutes_this_year", m.minutes_this_year},
            {"minutes_total", m.minutes_total},
            {"window_minutes", m.window_minutes},
            {"window_activities", m.window_activities},
            {"regular", m.regular},
            {"rule", RuleJson(m.rule)},
            {"points", m.points}};
}

json::object ToJson(const Certificate& c, bool summary) {
    if (summary) {
        return {{"id", c.id},     {"number", c.number}, {"resident_id", c.resident_id}, {"name", c.name},
                {"from", c.from}, {"to", c.to},         {"minutes", c.minutes},         {"issued_on", c.issued_on}};
    }
    return {{"id", c.id},
            {"number", c.number},
            {"resident_id", c.resident_id},
            {"name", c.name},
            {"gender", c.gender},
            {"id_masked", c.id_masked},
            {"from", c.from},
            {"to", c.to},
            {"minutes", c.minutes},
            {"activities", c.activities},
            {"content", c.content},
            {"issuer", c.issuer},
            {"issued_on", c.issued_on}};
}

}  // namespace tongxin::volunteer
