#pragma once
// The ethnic culture platform (民族文化活动平台), by capability:
// - venues.cpp: venues (the 社区民族之家) with their floor area and closed days, and their rooms
//   with capacity and opening hours;
// - bookings.cpp: bookings of a room by time slot (one, or weekly with exceptions), approval,
//   use, no-show and cancellation. A room's held slots never overlap: on PostgreSQL an exclusion
//   constraint over the room and the time range, on SQLite the check and the insert in one write
//   transaction (SQLite has one writer at a time);
// - series.cpp: branded series and their events (performers, audience), and museum visits;
// - museum.cpp: the museum's catalogue, condition checks and loans, and the public catalogue.
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "modules/culture/model.hpp"

namespace tongxin::culture {

class CultureService {
  public:
    explicit CultureService(db::Database& db) : db_(db) {}

    db::Page<Venue> Venues(const auth::Principal& p, const VenueFilter& f);
    int64_t AddVenue(const auth::Principal& p, const VenueInput& in, const audit::Actor& actor);
    void UpdateVenue(const auth::Principal& p, int64_t id, const VenueInput& in, const audit::Actor& actor);
    void SetClosure(const auth::Principal& p, int64_t venue, const std::string& date, const std::string& reason,
                    bool closed, const audit::Actor& actor);
    std::vector<std::pair<std::string, std::string>> Closures(const auth::Principal& p, int64_t venue);
    db::Page<Room> Rooms(const auth::Principal& p, const RoomFilter& f);
    int64_t AddRoom(const auth::Principal& p, const RoomInput& in, const audit::Actor& actor);
    void UpdateRoom(const auth::Principal& p, int64_t id, const RoomInput& in, const audit::Actor& actor);

    db::Page<Booking> Bookings(const auth::Principal& p, const BookingFilter& f);
    // When a room the caller may see is taken between `from` and `to` (anyone's bookings, times only).
    std::vector<std::pair<int64_t, int64_t>> Busy(const auth::Principal& p, int64_t room, int64_t from, int64_t to);
    BookingResult Book(const auth::Principal& p, const BookingInput& in, const audit::Actor& actor);
    // decision: approved | rejected | cancelled | used | no_show; `following` cancels the later
    // bookings of the same weekly series too.
    void Decide(const auth::Principal& p, int64_t id, const std::string& decision, const std::string& note,
                bool following, const audit::Actor& actor);

    db::Page<Series> SeriesList(const auth::Principal& p, const SeriesFilter& f);
    int64_t AddSeries(const auth::Principal& p, const SeriesInput& in, const audit::Actor& actor);
    db::Page<Event> Events(const auth::Principal& p, const EventFilter& f);
    int64_t AddEvent(const auth::Principal& p, const EventInput& in, const audit::Actor& actor);
    db::Page<Visit> Visits(const auth::Principal& p, const VisitFilter& f);
    int64_t AddVisit(const auth::Principal& p, const VisitInput& in, const audit::Actor& actor);

    db::Page<Exhibit> Exhibits(const auth::Principal& p, const ExhibitFilter& f);
    int64_t AddExhibit(const auth::Principal& p, const ExhibitInput& in, const audit::Actor& actor);
    void UpdateExhibit(const auth::Principal& p, int64_t id, const ExhibitInput& in, const audit::Actor& actor);
    int64_t AddCheck(const auth::Principal& p, int64_t exhibit, const CheckInput& in, const audit::Actor& actor);
    int64_t AddLoan(const auth::Principal& p, int64_t exhibit, const LoanInput& in, const audit::Actor& actor);
    void ReturnLoan(const auth::Principal& p, int64_t exhibit, int64_t loan, const std::string& date,
                    const audit::Actor& actor);
    // The public catalogue (no login): exhibits of a community that are on display or in store,
    // lenders and donors named only with their consent.
    db::Page<Exhibit> PublicExhibits(int64_t community, const ExhibitFilter& f);

    // Unchecked write for the demo: one booking (the caller keeps slots apart).
    static int64_t InsertBooking(db::Connection& conn, const BookingInput& in, const std::string& status,
                                 std::optional<int64_t> recurrence);

  private:
    db::Database& db_;
};

}  // namespace tongxin::culture
