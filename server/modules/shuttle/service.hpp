#pragma once
// The community shuttle. Trips with seats and stops; reservations by the resident or by their
// group leader / building head for residents of their own group (their place scope); one seat
// per resident and trip; a waitlist that promotes in order when someone cancels before the
// deadline. Taking a seat is one write transaction (conditional increment under a CHECK, the
// trip row locked on PostgreSQL, a unique index behind it), so a rush gets exactly as many
// confirmations as seats and everyone else "waitlisted" — never a 5xx. Boarding marks who got
// on; closing a trip turns the rest into no-shows.
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "core/db/page.hpp"
#include "modules/shuttle/model.hpp"

namespace tongxin::shuttle {

class ShuttleService {
  public:
    explicit ShuttleService(db::Database& db) : db_(db) {}

    // Trips in scope (of a community, or the one trip asked for), newest first.
    db::Page<Trip> Trips(const auth::Principal& p, std::optional<int64_t> community,
                         std::optional<int64_t> trip = std::nullopt);
    // One trip in scope; 404 otherwise.
    Trip GetTrip(const auth::Principal& p, int64_t trip);
    db::Page<Service> Services(const auth::Principal& p, std::optional<int64_t> community,
                               std::optional<int64_t> id = std::nullopt);
    int64_t CreateService(const auth::Principal& p, const ServiceInput& in, const audit::Actor& actor);
    int64_t CreateTrip(const auth::Principal& p, const TripInput& in, const audit::Actor& actor);
    // `declared`: the resident (or their leader for them) confirmed the service's declaration.
    Booking Reserve(const auth::Principal& p, int64_t trip_id, std::optional<int64_t> resident_id, int64_t stop_id,
                    bool declared, const audit::Actor& actor);
    Cancellation Cancel(const auth::Principal& p, int64_t trip_id, std::optional<int64_t> resident_id,
                        const audit::Actor& actor);
    // Reservations of a trip: staff see all; a leader those they may book for; a resident their own.
    ReservationList Reservations(const auth::Principal& p, int64_t trip_id);
    // The boarding pass of a confirmed seat (yourself, or a resident of your group): its code
    // goes into the QR code the volunteer at the stop scans.
    shuttle::Pass Pass(const auth::Principal& p, int64_t trip_id, std::optional<int64_t> resident_id);
    // Marks a reservation boarded, found by its id (ticked on the list) or its pass code
    // (scanned). Staff with shuttle.board and the volunteers assigned to the trip may.
    Boarding Board(const auth::Principal& p, int64_t trip_id, std::optional<int64_t> reservation_id,
                   const std::optional<std::string>& pass, const audit::Actor& actor);
    // Closes boarding: confirmed but not boarded become no-shows, the assigned volunteers' hours
    // go to the volunteer ledger, and eligibility declarations are cleared.
    void Close(const auth::Principal& p, int64_t trip_id, const audit::Actor& actor);
    // Volunteers on a trip, at a stop or on the bus, with the minutes they serve.
    int64_t AssignVolunteer(const auth::Principal& p, int64_t trip_id, int64_t resident_id,
                            std::optional<int64_t> stop_id, int64_t minutes, const audit::Actor& actor);
    void RemoveVolunteer(const auth::Principal& p, int64_t trip_id, int64_t assignment_id, const audit::Actor& actor);
    std::vector<TripVolunteer> Volunteers(const auth::Principal& p, int64_t trip_id);
    // Seats offered, booked, boarded, no-shows, waitlisted, by stop and in all.
    TripFigures Figures(const auth::Principal& p, int64_t trip_id);

  private:
    db::Database& db_;
};

}  // namespace tongxin::shuttle
