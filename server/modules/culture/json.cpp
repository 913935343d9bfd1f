#include "modules/culture/json.hpp"

#include <boost/json.hpp>

#include "core/http/json_fields.hpp"
#include "core/text/codes.hpp"
#include "core/time/clock.hpp"

namespace tongxin::culture {
namespace json = boost::json;
using http::OrNull;

json::object ToJson(const Venue& v) {
    return {{"id", v.id},
            {"community_id", v.community_id},
            {"name", v.name},
            {"address", v.address},
            {"area_m2", v.area_m2},
            {"opened_on", OrNull(v.opened_on)},
            {"closed_on", OrNull(v.closed_on)},
            {"description", v.description},
            {"rooms", v.rooms}};
}

json::object ToJson(const Room& r) {
    return {{"id", r.id},
            {"venue_id", r.venue_id},
            {"venue", r.venue},
            {"community_id", r.community_id},
            {"name", r.name},
            {"kind", r.kind},
            {"area_m2", OrNull(r.area_m2)},
            {"capacity", r.capacity},
            {"opens", r.opens},
            {"closes", r.closes},
            {"closed_weekdays", r.closed_weekdays},
            {"bookable", r.bookable},
            {"auto_approve", r.auto_approve}};
}

json::object ToJson(const Booking& b) {
    return {{"id", b.id},
            {"room_id", b.room_id},
            {"room", b.room},
            {"venue", b.venue},
            {"community_id", b.community_id},
            {"starts_at", time::ToRfc3339(b.starts_at)},
            {"ends_at", time::ToRfc3339(b.ends_at)},
            {"purpose", b.purpose},
            {"booker_kind", b.booker_kind},
            {"booker", b.booker},
            {"organization_id", OrNull(b.organization_id)},
            {"resident_id", OrNull(b.resident_id)},
            {"expected", b.expected},
            {"status", b.status},
            {"recurrence_id", OrNull(b.recurrence_id)},
            {"decision_note", b.decision_note}};
}

json::object ToJson(const Series& s) {
    return {{"id", s.id},
            {"community_id", s.community_id},
            {"name", s.name},
            {"description", s.description},
            {"started_on", s.started_on},
            {"ended_on", OrNull(s.ended_on)},
            {"events", s.events},
            {"audience", s.audience}};
}

json::object ToJson(const Event& e) {
    json::array performers;
    for (const Performer& p : e.performers)
        performers.push_back({{"organization_id", p.organization_id}, {"name", p.name}});
    return {{"id", e.id},
            {"series_id", e.series_id},
            {"series", e.series},
            {"community_id", e.community_id},
            {"title", e.title},
            {"held_on", e.held_on},
            {"room_id", OrNull(e.room_id)},
            {"room", e.room},
            {"booking_id", OrNull(e.booking_id)},
            {"place", e.place},
            {"audience", e.audience},
            {"description", e.description},
            {"performers", std::move(performers)},
            {"photos", media::ToJson(e.photos)}};
}

json::object ToJson(const Visit& v) {
    return {{"id", v.id},
            {"venue_id", v.venue_id},
            {"venue", v.venue},
            {"community_id", v.community_id},
            {"visited_on", v.visited_on},
            {"kind", v.kind},
            {"group_name", v.group_name},
            {"people", v.people}};
}

json::object PublicJson(const Exhibit& e) {
    // The public sees a photo's number, caption and size; not who uploaded it.
    json::array photos;
    for (const media::Photo& p : e.photos)
        photos.push_back({{"id", p.id}, {"caption", p.caption}, {"width", p.width}, {"height", p.height}});
    return {{"id", e.id},
            {"number", e.number},
            {"title", e.title},
            {"ethnicity", e.ethnicity},
            {"ethnicity_name", text::EthnicityName(e.ethnicity)},
            {"category", e.category},
            {"description", e.description},
            {"materials", e.materials},
            {"dimensions", e.dimensions},
            {"provenance", e.provenance},
            {"source_name", e.source_name},
            {"room", e.room},
            {"showcase", e.showcase},
            {"status", e.status},
            {"photos", std::move(photos)}};
}

json::object ToJson(const Exhibit& e) {
    json::object out = PublicJson(e);
    json::array checks, loans;
    for (const Check& c : e.checks)
        checks.push_back({{"id", c.id}, {"checked_on", c.checked_on}, {"condition", c.condition}, {"note", c.note}});
    for (const Loan& l : e.loans) {
        loans.push_back({{"id", l.id},
                         {"direction", l.direction},
                         {"party", l.party},
                         {"from_date", l.from_date},
                         {"due_on", l.due_on},
                         {"returned_on", OrNull(l.returned_on)},
                         {"overdue", l.overdue},
                         {"note", l.note}});
    }
    out["photos"] = media::ToJson(e.photos);
    out["venue_id"] = e.venue_id;
    out["community_id"] = e.community_id;
    out["room_id"] = OrNull(e.room_id);
    out["source_resident_id"] = OrNull(e.source_resident_id);
    out["source_consent"] = e.source_consent;
    out["acquired_on"] = OrNull(e.acquired_on);
    out["agreement"] = e.agreement;
    out["last_condition"] = OrNull(e.last_condition);
    out["checks"] = std::move(checks);
    out["loans"] = std::move(loans);
    return out;
}

}  // namespace tongxin::culture
