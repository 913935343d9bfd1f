#pragma once
// The culture platform's records and inputs: venues and rooms, room bookings, branded series
// and their events, museum visits, and the museum's catalogue.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/page.hpp"
#include "core/media/photos.hpp"

namespace tongxin::culture {

struct Venue {
    int64_t id = 0, community_id = 0, rooms = 0;
    std::string name, address, description;
    double area_m2 = 0;
    std::optional<std::string> opened_on, closed_on;
};
struct VenueInput {
    int64_t community_id = 0;
    std::string name, address, description;
    double area_m2 = 0;
    std::optional<std::string> opened_on, closed_on;
};
struct VenueFilter {
    std::optional<int64_t> community, id;
    db::PageSpan page;
};

struct Room {
    int64_t id = 0, venue_id = 0, community_id = 0, capacity = 0;
    std::string venue, name, kind, opens, closes, closed_weekdays;
    std::optional<double> area_m2;
    bool bookable = true, auto_approve = false;
};
struct RoomInput {
    int64_t venue_id = 0, capacity = 0;
    std::string name, kind, opens = "09:00", closes = "21:00", closed_weekdays;
    std::optional<double> area_m2;
    bool bookable = true, auto_approve = false;
};
struct RoomFilter {
    std::optional<int64_t> community, venue, id;
    db::PageSpan page;
};

struct BookingInput {
    int64_t room_id = 0;
    int64_t starts_at = 0, ends_at = 0;  // Unix seconds
    std::string purpose, booker_kind, booker_name;
    std::optional<int64_t> organization_id, resident_id;
    int64_t expected = 0;
    // Weekly: the same time each week up to and including this date, except on these dates.
    std::optional<std::string> weekly_until;
    std::vector<std::string> except;
};
struct Booking {
    int64_t id = 0, room_id = 0, community_id = 0, starts_at = 0, ends_at = 0, expected = 0;
    std::optional<int64_t> organization_id, resident_id, recurrence_id;
    std::string room, venue, purpose, booker_kind, booker, status, decision_note;
};
struct BookingFilter {
    std::optional<int64_t> community, room, venue, id, recurrence, organization;
    std::optional<int64_t> from, to;  // overlapping [from, to)
    std::string status;               // "" any; "holding": requested, approved, used, no_show
    bool mine_only = false;           // the caller's own (residents)
    db::PageSpan page;
};
// What became of a weekly request: the bookings made and the dates left out (closed days and
// the dates asked to skip).
struct BookingResult {
    std::vector<int64_t> ids;
    std::vector<std::string> skipped;
};

struct Series {
    int64_t id = 0, community_id = 0, events = 0, audience = 0;
    std::string name, description, started_on;
    std::optional<std::string> ended_on;
};
struct SeriesInput {
    int64_t community_id = 0;
    std::string name, description, started_on;
    std::optional<std::string> ended_on;
};
struct SeriesFilter {
    std::optional<int64_t> community, id;
    std::string year;  // events and audience counted in this year ("" = all time)
    db::PageSpan page;
};

struct Performer {
    int64_t organization_id = 0;
    std::string name;
};
struct Event {
    int64_t id = 0, series_id = 0, community_id = 0, audience = 0;
    std::optional<int64_t> room_id, booking_id;
    std::string series, title, held_on, place, room, description;
    std::vector<Performer> performers;
    std::vector<media::Photo> photos;  // filled for lists and for one
};
struct EventInput {
    int64_t series_id = 0, audience = 0;
    std::optional<int64_t> room_id, booking_id;
    std::string title, held_on, place, description;
    std::vector<int64_t> performers;  // organisations (societies, teams) of the community
};
struct EventFilter {
    std::optional<int64_t> community, series, id;
    std::string year;
    db::PageSpan page;
};

struct Visit {
    int64_t id = 0, venue_id = 0, community_id = 0, people = 0;
    std::string venue, visited_on, kind, group_name;
};
struct VisitInput {
    int64_t venue_id = 0, people = 0;
    std::string visited_on, kind, group_name;
};
struct VisitFilter {
    std::optional<int64_t> community, venue, id;
    std::string from, to;
    db::PageSpan page;
};

struct Check {
    int64_t id = 0;
    std::string checked_on, condition, note;
};
struct Loan {
    int64_t id = 0;
    std::string direction, party, from_date, due_on, note;
    std::optional<std::string> returned_on;
    bool overdue = false;
};
// The kinds of records with photos (media::PhotoKind), as stored in photos.owner_kind.
inline constexpr const char* kExhibitPhotos = "exhibit";
inline constexpr const char* kEventPhotos = "culture_event";
// The exhibits the public catalogue shows (returned ones are not the museum's any more).
inline constexpr const char* kPublicExhibits = "o.status IN ('on_display', 'in_store', 'on_loan')";

struct Exhibit {
    int64_t id = 0, venue_id = 0, community_id = 0;
    std::optional<int64_t> room_id, source_resident_id;
    std::string number, title, ethnicity, category, description, materials, dimensions, provenance, source_name,
        agreement, showcase, status, room;
    std::optional<std::string> acquired_on, last_condition;
    bool source_consent = false;
    std::vector<Check> checks;         // filled for one exhibit
    std::vector<Loan> loans;           // filled for one exhibit
    std::vector<media::Photo> photos;  // filled for lists and for one
};
struct ExhibitInput {
    int64_t venue_id = 0;
    std::optional<int64_t> room_id, source_resident_id;
    std::string number, title, ethnicity, category, description, materials, dimensions, provenance, source_name,
        agreement, showcase, status = "on_display";
    std::optional<std::string> acquired_on;
    bool source_consent = false;
};
struct ExhibitFilter {
    std::optional<int64_t> community, venue, id;
    std::string ethnicity, category, status, q;
    db::PageSpan page;
};
struct CheckInput {
    std::string checked_on, condition, note;
};
struct LoanInput {
    std::string direction, party, from_date, due_on, note;
};

}  // namespace tongxin::culture
