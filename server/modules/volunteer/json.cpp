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

}  // namespace tongxin::volunteer
