#pragma once
// The community shuttle's records and inputs.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tongxin::shuttle {

// A shuttle service: where it goes, who runs it, who may ride (ages) and what riders confirm.
struct Service {
    int64_t id = 0, community_id = 0;
    std::string name, destination, op;
    std::optional<int64_t> min_age, max_age;
    std::string declaration;
};

struct ServiceInput {
    int64_t community_id = 0;
    std::string name, destination, op;
    std::optional<int64_t> min_age, max_age;
    std::string declaration;
};

// A stop as given: a name and HH:MM, or a compound whose gate it is (the name then defaults to
// the gate's).
struct StopInput {
    std::string name, time;
    std::optional<int64_t> compound_id;
};

struct TripInput {
    int64_t service_id = 0;
    std::string trip_date;
    int64_t departs_at = 0, booking_deadline = 0;  // Unix seconds
    std::string vehicle;
    int64_t seats = 0;
    std::vector<StopInput> stops;
};

struct Stop {
    int64_t id = 0;
    std::string name, time;  // HH:MM
    std::optional<int64_t> compound_id;
};

// The caller's own volunteer duty on a trip.
struct Duty {
    int64_t minutes = 0;
    std::optional<std::string> stop, stop_time;  // none: on the bus
};

// The caller's (or the resident acted for) reservation on a trip.
struct Booking {
    int64_t id = 0;
    std::string status, stop, stop_time;
    std::optional<int64_t> promoted_at;
    std::optional<std::string> acted_by;  // who booked, when it was someone else
    std::optional<int64_t> position;      // place on the waitlist
};

struct Trip {
    int64_t id = 0, service_id = 0, community_id = 0;
    std::string service, destination, op, trip_date;
    int64_t departs_at = 0, booking_deadline = 0;
    std::string vehicle;
    int64_t seats = 0, booked = 0;
    std::string status;
    int64_t waitlisted = 0;
    std::string declaration;
    int64_t volunteers = 0;
    std::vector<Stop> stops;
    std::optional<Duty> duty;
    std::optional<Booking> mine;
};

// One reservation on a trip's list, and what the reader may see of it.
struct Reservation {
    int64_t id = 0, resident_id = 0;
    std::string name, name_masked, phone_masked, stop, stop_time, status;
    std::optional<std::string> booked_by, group_leader;
    std::optional<int64_t> boarded_at, declared_at, promoted_at;
    std::optional<int64_t> queue_no;  // the order of joining the waitlist
    std::optional<int64_t> position;  // the place on it now
};
struct ReservationList {
    std::vector<Reservation> items;
    bool names_masked = false;   // the trip's volunteers: masked names only (no ids, names, phones)
    bool show_declared = false;  // organisers of a trip with a declaration
};

struct Promoted {
    int64_t resident_id = 0;
    std::string name;
};
struct Cancellation {
    std::optional<Promoted> promoted;  // the first on the waitlist, who took the seat
};

struct Pass {
    int64_t reservation_id = 0;
    std::string code, status, name_masked, stop, stop_time, trip_date, service;
    int64_t departs_at = 0;
};

struct Boarding {
    bool already = false;
    int64_t reservation_id = 0;
    std::string name_masked, stop;
};

struct TripVolunteer {
    int64_t id = 0, resident_id = 0;
    std::string name;
    std::optional<std::string> stop, stop_time;
    int64_t minutes = 0;
    std::optional<int64_t> hours_id;  // the volunteer ledger's entry, once the trip is closed
};

struct Counts {
    int64_t booked = 0, boarded = 0, no_shows = 0, waitlisted = 0;
};
struct StopFigures {
    std::string stop, time;
    Counts counts;
};
struct TripFigures {
    int64_t trip_id = 0, seats = 0;
    Counts all;
    std::vector<StopFigures> by_stop;
};

// The copy-ready booking announcement of a trip for owners' groups and building heads.
struct Announcement {
    int64_t trip_id = 0, community_id = 0;
    std::string title, text, link, path;
};
// `path` is the trip's booking page in the app, `link` the same as a full address.
Announcement BookingAnnouncement(const Trip& trip, const std::string& path, const std::string& link);

}  // namespace tongxin::shuttle
