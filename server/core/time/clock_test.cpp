#include "core/time/clock.hpp"

#include <gtest/gtest.h>

namespace tongxin::time {

TEST(Clock, ParsesRfc3339WithOffsetsAndRoundTrips) {
    auto t = ParseRfc3339("2021-02-17T08:30:00+08:00");
    ASSERT_TRUE(t);
    EXPECT_EQ(*t, 1613521800);
    EXPECT_EQ(ToRfc3339(*t), "2021-02-17T08:30:00+08:00");
    EXPECT_EQ(ParseRfc3339("2021-02-17T00:30:00Z"), t);
    EXPECT_EQ(ParseRfc3339("2021-02-17T08:30+08:00"), t);
    EXPECT_EQ(ParseRfc3339("2021-02-16T19:30:00-05:00"), t);
    EXPECT_EQ(ParseRfc3339("2021-02-17T00:30:00.123Z"), t);  // JavaScript's toISOString()
}

TEST(Clock, RefusesMalformedOrImpossibleTimes) {
    for (const char* bad : {"", "2021-02-17", "2021-02-17T08:30:00", "2021-02-30T08:30:00+08:00",
                            "2021-02-17T24:00:00+08:00", "2021-02-17T08:60+08:00", "2021-02-17T08:30:00+0800",
                            "2021-02-17T08:30:00+08:00x", "2021-02-17T8:30:00+08:00", "2021-02-17T08:30:00.Z"}) {
        EXPECT_FALSE(ParseRfc3339(bad)) << bad;
    }
}

TEST(Clock, ClockTimesAreTwoDigitHoursAndMinutes) {
    for (const char* good : {"00:00", "08:30", "23:59"}) EXPECT_TRUE(IsValidClockTime(good)) << good;
    for (const char* bad : {"", "8:30", "24:00", "08:60", "08-30", "08:3a", "08:300"}) {
        EXPECT_FALSE(IsValidClockTime(bad)) << bad;
    }
}

TEST(Clock, DayStartIsMidnightInChinaStandardTime) {
    EXPECT_EQ(ToRfc3339(DayStartUnix("2021-02-17")), "2021-02-17T00:00:00+08:00");
}

TEST(Clock, AddsDaysAcrossMonthsYearsAndLeapDays) {
    EXPECT_EQ(AddDays("2021-02-28", 1), "2021-03-01");
    EXPECT_EQ(AddDays("2020-02-28", 1), "2020-02-29");
    EXPECT_EQ(AddDays("2021-12-25", 14), "2022-01-08");
    EXPECT_EQ(AddDays("2021-01-01", -1), "2020-12-31");
    EXPECT_EQ(AddDays("2021-06-15", 0), "2021-06-15");
}

TEST(Clock, IsoWeekdayCountsFromMonday) {
    EXPECT_EQ(IsoWeekday("2021-02-15"), 1u);  // a Monday
    EXPECT_EQ(IsoWeekday("2021-02-20"), 6u);
    EXPECT_EQ(IsoWeekday("2021-02-21"), 7u);  // Sunday is 7, not 0
    EXPECT_EQ(IsoWeekday("2024-02-29"), 4u);
}

}  // namespace tongxin::time
