#include "modules/culture/service.hpp"

#include <gtest/gtest.h>

#include "core/error/app_error.hpp"
#include "core/testing/temp_db.hpp"
#include "core/time/clock.hpp"
#include "modules/places/service.hpp"

namespace tongxin::culture {

class CultureServiceTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto& c = t.conn();
        street = places::InsertPlace(c, {"street", std::nullopt, "街道", "", "", std::nullopt, std::nullopt});
        community = places::InsertPlace(c, {"community", street, "甲社区", "", "", std::nullopt, std::nullopt});
        worker.scope_kind = auth::ScopeKind::kCommunity;
        worker.scope_place_id = community;
        worker.user_id = 1;
        worker.permissions = {"culture.read", "culture.write"};
        venue = svc.AddVenue(worker, {.community_id = community, .name = "民族之家", .area_m2 = 1300}, actor);
        room = svc.AddRoom(worker,
                           {.venue_id = venue,
                            .capacity = 40,
                            .name = "排练室",
                            .kind = "rehearsal",
                            .opens = "09:00",
                            .closes = "21:30",
                            .closed_weekdays = "",
                            .auto_approve = true},
                           actor);
        first = time::AddDays(time::Today(), 30);
    }

    BookingInput Evening(const std::string& date) const {
        BookingInput in;
        in.room_id = room;
        in.starts_at = time::DayStartUnix(date) + 19 * 3600;
        in.ends_at = in.starts_at + 2 * 3600;
        in.purpose = "排练";
        in.booker_kind = "community";
        return in;
    }

    static std::string FieldOf(const AppError& e) {
        const auto& fields = e.details().at("fields").as_object();
        return fields.empty() ? "" : std::string(fields.begin()->key());
    }

    testing::TempDb t;
    CultureService svc{t.db()};
    audit::Actor actor{1, "t", "local"};
    int64_t street = 0, community = 0, venue = 0, room = 0;
    std::string first;
    auth::Principal worker;
};

TEST_F(CultureServiceTest, WeeklyBookingsSkipTheDatesAskedAndTheClosedDays) {
    svc.SetClosure(worker, venue, time::AddDays(first, 14), "检修", true, actor);
    BookingInput in = Evening(first);
    in.weekly_until = time::AddDays(first, 28);
    in.except = {time::AddDays(first, 7)};
    BookingResult made = svc.Book(worker, in, actor);
    EXPECT_EQ(made.ids.size(), 3u);  // weeks 0, 3, 4
    ASSERT_EQ(made.skipped.size(), 2u);
    EXPECT_EQ(made.skipped[0], time::AddDays(first, 7));
    EXPECT_EQ(made.skipped[1], time::AddDays(first, 14));
    auto page = svc.Bookings(worker, {.recurrence = made.ids.front()});
    EXPECT_EQ(page.total, 3);
    EXPECT_EQ(page.items.front().status, "approved");  // the room approves itself
}

TEST_F(CultureServiceTest, AHeldSlotIsNeverBookedTwiceAndAFreedOneCanBe) {
    BookingResult one = svc.Book(worker, Evening(first), actor);
    BookingInput overlapping = Evening(first);
    overlapping.starts_at -= 3600;  // 18:00–20:00
    overlapping.ends_at -= 3600;
    try {
        svc.Book(worker, overlapping, actor);
        FAIL() << "an overlapping slot was booked";
    } catch (const AppError& e) {
        EXPECT_EQ(e.code(), ErrorCode::kConflict);
        EXPECT_EQ(e.key(), "slot_taken");
    }
    // Touching ends do not overlap.
    BookingInput after = Evening(first);
    after.starts_at = Evening(first).ends_at;  // 21:00–21:30
    after.ends_at = after.starts_at + 1800;
    EXPECT_NO_THROW(svc.Book(worker, after, actor));
    svc.Decide(worker, one.ids.front(), "cancelled", "", false, actor);
    EXPECT_NO_THROW(svc.Book(worker, overlapping, actor));
}

TEST_F(CultureServiceTest, OpeningHoursAndTheDayBoundAreKept) {
    BookingInput late = Evening(first);
    late.starts_at += 2 * 3600;  // 21:00–23:00, past closing
    late.ends_at += 2 * 3600;
    try {
        svc.Book(worker, late, actor);
        FAIL() << "a booking after closing time was accepted";
    } catch (const AppError& e) {
        EXPECT_EQ(FieldOf(e), "starts_at");
    }
    BookingInput past = Evening("2021-03-01");
    EXPECT_THROW(svc.Book(worker, past, actor), AppError);
}

}  // namespace tongxin::culture
