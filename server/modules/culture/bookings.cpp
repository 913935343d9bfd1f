// Bookings of a room by time slot: one, or weekly with exceptions; approval (or the room's
// auto-approval), use, no-show and cancellation. A held slot never overlaps another of the same
// room: checked here inside the write transaction, and on PostgreSQL also refused by the table's
// exclusion constraint when two transactions race (the loser's insert fails; it answers 409).
#include <algorithm>
#include <boost/json.hpp>

#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"
#include "modules/culture/rules.hpp"
#include "modules/culture/service.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::culture {
namespace json = boost::json;

namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kLongest = 12 * 3600;  // one booking covers at most 12 hours

struct Local {
    std::string date, hhmm;
    unsigned weekday = 0;  // ISO: 1 Monday … 7 Sunday
};

Local LocalOf(int64_t unix_seconds) {
    const std::string s = time::ToRfc3339(unix_seconds);  // in +08:00
    return Local{s.substr(0, 10), s.substr(11, 5), time::IsoWeekday(s.substr(0, 10))};
}

struct RoomRow {
    int64_t id = 0, venue_id = 0, street_id = 0, community_id = 0;
    std::string opens, closes, closed_weekdays;
    bool bookable = true, auto_approve = false;
};

RoomRow VisibleRoom(db::Connection& conn, const auth::Principal& p, int64_t id) {
    db::SqlWhere where = Visible(conn, p);
    where.Add("o.id = ?", id);
    auto rows = conn.Run(
        "SELECT o.id, o.venue_id, o.street_id, o.community_id, o.opens, o.closes, o.closed_weekdays, o.bookable, "
        "o.auto_approve FROM rooms o" +
            where.Sql(),
        where.values());
    if (rows.empty()) throw AppError::Field("room_id", "not_found");
    const db::Row& r = rows.front();
    return {r.Int("id"),     r.Int("venue_id"),        r.Int("street_id"), r.Int("community_id"), r.Str("opens"),
            r.Str("closes"), r.Str("closed_weekdays"), r.Bool("bookable"), r.Bool("auto_approve")};
}

bool ClosedOn(db::Connection& conn, const RoomRow& room, const Local& day) {
    if (room.closed_weekdays.find(static_cast<char>('0' + day.weekday)) != std::string::npos) return true;
    return conn.QueryInt("SELECT count(*) FROM venue_closures WHERE venue_id = ? AND closed_on = ?", room.venue_id,
                         day.date) > 0;
}

bool Overlaps(db::Connection& conn, int64_t room, int64_t starts, int64_t ends) {
    return conn.QueryInt(
               "SELECT count(*) FROM room_bookings WHERE room_id = ? AND holds_slot = 1 AND starts_at < ? AND ends_at "
               "> ?",
               room, ends, starts) > 0;
}

// The booker's organisation must be of the kind the booker is (a society, a volunteer team, a
// partner) and of the room's community; a resident must live there.
void CheckBooker(db::Connection& conn, const BookingInput& in, int64_t community, FieldErrors& errors) {
    auto org_kind = [&](const char* kinds) {
        return in.organization_id &&
               conn.QueryInt(std::string("SELECT count(*) FROM organizations WHERE id = ? AND community_id = ? AND "
                                         "dissolved_on IS NULL AND kind IN (") +
                                 kinds + ")",
                             *in.organization_id, community) > 0;
    };
    if (in.booker_kind == "society" && !org_kind("'society'")) errors.Add("organization_id", "not_found");
    if (in.booker_kind == "team" && !org_kind("'volunteer_team'")) errors.Add("organization_id", "not_found");
    if (in.booker_kind == "partner" && in.organization_id && !org_kind("'partner', 'federation'"))
        errors.Add("organization_id", "not_found");
    if (in.booker_kind == "partner" && !in.organization_id && in.booker_name.empty())
        errors.Add("booker_name", "required");
    if (in.booker_kind == "resident" &&
        (!in.resident_id || !residents::LivesInCommunity(conn, *in.resident_id, community)))
        errors.Add("resident_id", "not_in_community");
}

constexpr db::ListSql kBookingList{
    .columns = R"sql(o.id, o.room_id, r.name AS room, v.name AS venue, o.community_id, o.starts_at, o.ends_at,
       o.purpose, o.booker_kind, o.organization_id, o.resident_id, o.expected, o.status, o.recurrence_id,
       o.decision_note, coalesce(g.name, x.name, o.booker_name) AS booker)sql",
    .from = R"sql(room_bookings o JOIN rooms r ON r.id = o.room_id JOIN venues v ON v.id = r.venue_id
     LEFT JOIN organizations g ON g.id = o.organization_id LEFT JOIN residents x ON x.id = o.resident_id)sql",
    .order_by = "o.starts_at, o.id",
    .count_from = "room_bookings o",
};

}  // namespace

int64_t CultureService::InsertBooking(db::Connection& conn, const BookingInput& in, const std::string& status,
                                      std::optional<int64_t> recurrence) {
    auto room = conn.QueryOne("SELECT street_id, community_id FROM rooms WHERE id = ?", in.room_id);
    const int64_t now = time::NowUnix();
    const bool holds = status != "rejected" && status != "cancelled";
    return conn.Insert(
        "INSERT INTO room_bookings (room_id, street_id, community_id, starts_at, ends_at, purpose, booker_kind, "
        "organization_id, resident_id, booker_name, expected, status, holds_slot, recurrence_id, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        in.room_id, room->Int("street_id"), room->Int("community_id"), in.starts_at, in.ends_at, in.purpose,
        in.booker_kind, in.organization_id, in.resident_id, in.booker_name, in.expected, status, holds, recurrence, now,
        now);
}

db::Page<Booking> CultureService::Bookings(const auth::Principal& p, const BookingFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = Visible(conn, p);
    // Anyone but staff sees only their own bookings (others' names stay private).
    if (f.mine_only || !IsStaff(p))
        where.Add("(o.resident_id = ? OR o.created_by = ?)", p.resident_id.value_or(-1), p.user_id);
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (f.room) where.Add("o.room_id = ?", *f.room);
    if (f.venue) where.Add("r.venue_id = ?", *f.venue);
    if (f.recurrence) where.Add("o.recurrence_id = ?", *f.recurrence);
    if (f.organization) where.Add("o.organization_id = ?", *f.organization);
    if (f.from) where.Add("o.ends_at > ?", *f.from);
    if (f.to) where.Add("o.starts_at < ?", *f.to);
    if (f.status == "holding")
        where.Add("o.holds_slot = 1");
    else if (!f.status.empty())
        where.Add("o.status = ?", f.status);
    // The venue filter needs the rooms join for counting too.
    db::ListSql list = kBookingList;
    if (f.venue) list.count_from = "room_bookings o JOIN rooms r ON r.id = o.room_id";
    return db::ListPage<Booking>(conn, list, where, f.page, [](const db::Row& r) {
        return Booking{.id = r.Int("id"),
                       .room_id = r.Int("room_id"),
                       .community_id = r.Int("community_id"),
                       .starts_at = r.Int("starts_at"),
                       .ends_at = r.Int("ends_at"),
                       .expected = r.Int("expected"),
                       .organization_id = r.OptInt("organization_id"),
                       .resident_id = r.OptInt("resident_id"),
                       .recurrence_id = r.OptInt("recurrence_id"),
                       .room = r.Str("room"),
                       .venue = r.Str("venue"),
                       .purpose = r.Str("purpose"),
                       .booker_kind = r.Str("booker_kind"),
                       .booker = r.Str("booker"),
                       .status = r.Str("status"),
                       .decision_note = r.Str("decision_note")};
    });
}

std::vector<std::pair<int64_t, int64_t>> CultureService::Busy(const auth::Principal& p, int64_t room, int64_t from,
                                                              int64_t to) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = Visible(conn, p);
    where.Add("o.id = ?", room);
    if (conn.Run("SELECT o.id FROM rooms o" + where.Sql(), where.values()).empty())
        throw AppError(ErrorCode::kNotFound, "not_found");
    std::vector<std::pair<int64_t, int64_t>> out;
    for (const auto& r : conn.Query("SELECT starts_at, ends_at FROM room_bookings WHERE room_id = ? AND holds_slot = 1 "
                                    "AND ends_at > ? AND starts_at < ? ORDER BY starts_at",
                                    room, from, to))
        out.emplace_back(r.Int("starts_at"), r.Int("ends_at"));
    return out;
}

BookingResult CultureService::Book(const auth::Principal& p, const BookingInput& given, const audit::Actor& actor) {
    BookingInput in = given;
    FieldErrors errors;
    if (!IsStaff(p)) {
        // A resident books for themselves, one slot at a time.
        if (!p.resident_id) throw AppError(ErrorCode::kUnprocessable, "no_resident_record");
        if (in.booker_kind != "resident") errors.Add("booker_kind", "invalid_choice");
        if (in.resident_id && in.resident_id != p.resident_id) errors.Add("resident_id", "invalid_choice");
        if (in.weekly_until) errors.Add("weekly_until", "invalid_choice");
        in.resident_id = p.resident_id;
        in.organization_id = std::nullopt;
    }
    if (in.purpose.empty()) errors.Add("purpose", "required");
    static const std::vector<std::string> kKinds = {"society", "team", "resident", "partner", "community"};
    if (std::find(kKinds.begin(), kKinds.end(), in.booker_kind) == kKinds.end())
        errors.Add("booker_kind", "invalid_choice");
    if (in.ends_at <= in.starts_at)
        errors.Add("ends_at", "ends_before_start");
    else if (in.ends_at - in.starts_at > kLongest)
        errors.Add("ends_at", "booking_too_long");
    if (in.starts_at <= time::NowUnix()) errors.Add("starts_at", "in_past");
    const Local first = LocalOf(in.starts_at);
    if (in.weekly_until) {
        if (!time::IsValidDate(*in.weekly_until) || *in.weekly_until < first.date)
            errors.Add("weekly_until", "invalid_date");
        else if (*in.weekly_until > time::AddDays(first.date, 366))
            errors.Add("weekly_until", "out_of_range");
    }
    for (const std::string& d : in.except)
        if (!time::IsValidDate(d)) errors.Add("except", "invalid_date");
    errors.ThrowIfAny();

    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    RoomRow room = VisibleRoom(conn, p, in.room_id);
    if (!room.bookable) errors.Add("room_id", "room_not_bookable");
    CheckBooker(conn, in, room.community_id, errors);
    const Local last = LocalOf(in.ends_at);
    if (last.date != first.date || first.hhmm < room.opens || last.hhmm > room.closes)
        errors.Add("starts_at", "outside_opening_hours");
    else if (ClosedOn(conn, room, first))
        errors.Add("starts_at", "room_closed");
    errors.ThrowIfAny();

    // The occurrences: the first, then each week until weekly_until, leaving out the dates asked
    // and the venue's closed days.
    BookingResult out;
    std::vector<std::pair<int64_t, int64_t>> slots{{in.starts_at, in.ends_at}};
    if (in.weekly_until) {
        for (int64_t s = in.starts_at + 7 * kDay, e = in.ends_at + 7 * kDay;; s += 7 * kDay, e += 7 * kDay) {
            const Local day = LocalOf(s);
            if (day.date > *in.weekly_until) break;
            if (std::find(in.except.begin(), in.except.end(), day.date) != in.except.end() ||
                ClosedOn(conn, room, day)) {
                out.skipped.push_back(day.date);
                continue;
            }
            slots.emplace_back(s, e);
        }
    }
    json::array taken;
    for (const auto& [s, e] : slots)
        if (Overlaps(conn, room.id, s, e)) taken.push_back(json::value(LocalOf(s).date));
    if (!taken.empty()) throw AppError(ErrorCode::kConflict, "slot_taken", {{"dates", taken}});

    const std::string status = room.auto_approve ? "approved" : "requested";
    try {
        std::optional<int64_t> recurrence;
        for (const auto& [s, e] : slots) {
            BookingInput one = in;
            one.starts_at = s;
            one.ends_at = e;
            int64_t id = InsertBooking(conn, one, status, recurrence);
            conn.Exec("UPDATE room_bookings SET created_by = ? WHERE id = ?", p.user_id, id);
            if (in.weekly_until && !recurrence) {
                recurrence = id;
                conn.Exec("UPDATE room_bookings SET recurrence_id = ? WHERE id = ?", id, id);
            }
            out.ids.push_back(id);
        }
    } catch (const db::DbError& e) {
        // Another transaction took an overlapping slot between our check and our insert
        // (PostgreSQL's exclusion constraint).
        if (e.kind() == db::DbError::Kind::kUnique) throw AppError(ErrorCode::kConflict, "slot_taken");
        throw;
    }
    audit::Append(conn, actor,
                  {"culture.booking.created",
                   "room_booking",
                   std::to_string(out.ids.front()),
                   true,
                   {{"room_id", room.id},
                    {"starts_at", time::ToRfc3339(in.starts_at)},
                    {"bookings", static_cast<int64_t>(out.ids.size())},
                    {"status", status}}});
    tx.Commit();
    return out;
}

void CultureService::Decide(const auth::Principal& p, int64_t id, const std::string& decision, const std::string& note,
                            bool following, const audit::Actor& actor) {
    static const std::vector<std::string> kDecisions = {"approved", "rejected", "cancelled", "used", "no_show"};
    if (std::find(kDecisions.begin(), kDecisions.end(), decision) == kDecisions.end())
        throw AppError::Field("decision", "invalid_choice");
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto page = Bookings(p, {.id = id, .page = {1, 0}});
    if (page.items.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const Booking& b = page.items.front();
    const int64_t now = time::NowUnix();
    if (decision != "cancelled" && !(IsStaff(p) && p.Can("culture.write")))
        throw AppError(ErrorCode::kForbidden, "forbidden");
    if (decision == "approved" || decision == "rejected") {
        if (b.status != "requested") throw AppError(ErrorCode::kConflict, "booking_not_requested");
        if (decision == "rejected" && note.empty()) throw AppError::Field("note", "required");
    } else if (decision == "cancelled") {
        if (b.status != "requested" && b.status != "approved") throw AppError(ErrorCode::kConflict, "booking_finished");
        if (b.starts_at <= now) throw AppError(ErrorCode::kConflict, "booking_started");
    } else {
        if (b.status != "approved") throw AppError(ErrorCode::kConflict, "booking_not_approved");
        if (b.starts_at > now) throw AppError(ErrorCode::kConflict, "booking_not_started");
    }
    const bool holds = decision != "rejected" && decision != "cancelled";
    conn.Exec(
        "UPDATE room_bookings SET status = ?, holds_slot = ?, decision_note = ?, decided_by = ?, updated_at = ? WHERE "
        "id = ?",
        decision, holds, note, p.user_id, now, id);
    int64_t also = 0;
    if (decision == "cancelled" && following && b.recurrence_id) {
        also = conn.QueryInt(
            "SELECT count(*) FROM room_bookings WHERE recurrence_id = ? AND starts_at > ? AND status IN ('requested', "
            "'approved')",
            *b.recurrence_id, b.starts_at);
        conn.Exec(
            "UPDATE room_bookings SET status = 'cancelled', holds_slot = 0, decision_note = ?, decided_by = ?, "
            "updated_at = ? WHERE recurrence_id = ? AND starts_at > ? AND status IN ('requested', 'approved')",
            note, p.user_id, now, *b.recurrence_id, b.starts_at);
    }
    audit::Append(conn, actor,
                  {"culture.booking.decided",
                   "room_booking",
                   std::to_string(id),
                   true,
                   {{"status", {{"before", b.status}, {"after", decision}}}, {"note", note}, {"following", also}}});
    tx.Commit();
}

}  // namespace tongxin::culture
