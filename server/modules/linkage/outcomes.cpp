// The figure an outcome of a brand project names, computed from the records the project links:
// its events and their audience, the bookings it held, its partners' contributions (donations in
// the fund, in-kind gifts, entries of the volunteer ledger) and placements at its partner
// employers during the project. Each figure comes with the records behind it.
#include "core/util/choices.hpp"
#include "modules/linkage/service.hpp"

namespace tongxin::linkage {

namespace {

struct MeasureSql {
    const char* measure;
    const char* sql;          // id, title, on_date, value, link_id for the project (?)
    const char* link_prefix;  // the workbench page of a record, "" where it has none of its own
};

constexpr MeasureSql kMeasures[] = {
    {"events",
     "SELECT e.id, e.title, e.held_on AS on_date, 1 AS value, e.id AS link_id FROM brand_project_links l JOIN "
     "culture_events e ON e.id = l.record_id WHERE l.kind = 'culture_event' AND l.project_id = ? ORDER BY e.held_on, "
     "e.id",
     "/culture/events/"},
    {"audience",
     "SELECT e.id, e.title, e.held_on AS on_date, e.audience AS value, e.id AS link_id FROM brand_project_links l JOIN "
     "culture_events e ON e.id = l.record_id WHERE l.kind = 'culture_event' AND l.project_id = ? ORDER BY e.held_on, "
     "e.id",
     "/culture/events/"},
    {"bookings",
     "SELECT b.id, b.purpose AS title, substr(b.starts_at, 1, 10) AS on_date, 1 AS value, b.id AS link_id FROM "
     "brand_project_links l JOIN room_bookings b ON b.id = l.record_id WHERE l.kind = 'room_booking' AND "
     "l.project_id = ? ORDER BY b.starts_at, b.id",
     ""},
    {"money_fen",
     "SELECT d.id, g.name AS title, d.donated_on AS on_date, d.amount_fen AS value, d.id AS link_id FROM "
     "brand_contributions c JOIN charity_donations d ON d.id = c.donation_id JOIN partners q ON q.id = c.partner_id "
     "JOIN organizations g ON g.id = q.organization_id WHERE c.project_id = ? ORDER BY d.donated_on, d.id",
     "/print/donation-receipts/"},
    {"in_kind_fen",
     "SELECT c.id, c.what AS title, c.on_date, c.value_fen AS value, c.id AS link_id FROM brand_contributions c WHERE "
     "c.kind = 'in_kind' AND c.project_id = ? ORDER BY c.on_date, c.id",
     ""},
    {"volunteer_minutes",
     "SELECT h.id, c.what AS title, h.served_on AS on_date, h.minutes AS value, h.id AS link_id FROM "
     "brand_contributions c JOIN volunteer_hours h ON h.id = c.volunteer_record_id WHERE c.project_id = ? ORDER BY "
     "h.served_on, h.id",
     ""},
    // Who was placed stays with the jobs platform: a record here is the employer and the post.
    {"placements",
     "SELECT pl.id, e.name || ' · ' || pl.position AS title, pl.started_on AS on_date, 1 AS value, pl.seeker_id AS "
     "link_id FROM brand_projects o JOIN brand_project_partners bp ON bp.project_id = o.id JOIN partners q ON q.id = "
     "bp.partner_id JOIN job_employers e ON e.organization_id = q.organization_id AND e.community_id = o.community_id "
     "JOIN job_placements pl ON pl.employer_id = e.id WHERE o.id = ? AND pl.started_on >= o.started_on AND "
     "(o.ended_on IS NULL OR pl.started_on <= o.ended_on) ORDER BY pl.started_on, pl.id",
     "/jobs/seekers/"},
};

}  // namespace

const std::vector<std::string>& Measures() {
    static const std::vector<std::string> kAll = [] {
        std::vector<std::string> all;
        for (const MeasureSql& m : kMeasures) all.emplace_back(m.measure);
        return all;
    }();
    return kAll;
}

void Measure(db::Connection& conn, int64_t project, Outcome& o) {
    if (!o.measure) return;
    for (const MeasureSql& m : kMeasures) {
        if (*o.measure != m.measure) continue;
        o.value = 0;
        for (const auto& r : conn.Query(m.sql, project)) {
            const int64_t value = r.Int("value");
            *o.value += value;
            const std::string prefix = m.link_prefix;
            o.records.push_back({.id = r.Int("id"),
                                 .value = value,
                                 .title = r.Str("title"),
                                 .on_date = r.Str("on_date"),
                                 .link = prefix.empty() ? "" : prefix + std::to_string(r.Int("link_id"))});
        }
    }
}

}  // namespace tongxin::linkage
