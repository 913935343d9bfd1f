#pragma once
// Wall-clock helpers. Stored times are Unix seconds; APIs show RFC 3339 in China Standard Time
// (+08:00), dates as YYYY-MM-DD.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tongxin::time {

int64_t NowUnix();
std::string ToRfc3339(int64_t unix_seconds);    // 2021-02-17T08:30:00+08:00
std::string Today();                            // YYYY-MM-DD in +08:00
bool IsValidDate(std::string_view yyyy_mm_dd);  // real calendar date, 1900..2100
bool IsValidClockTime(std::string_view hh_mm);  // 00:00..23:59, two digits each
std::optional<int> YearOf(std::string_view date);
// The date `days` after (or, negative, before) a valid YYYY-MM-DD date.
std::string AddDays(std::string_view yyyy_mm_dd, int days);
// The ISO weekday of a valid YYYY-MM-DD date: 1 Monday … 7 Sunday.
unsigned IsoWeekday(std::string_view yyyy_mm_dd);
// 2021-02-17T08:30:00+08:00, ...Z, seconds optional (2021-02-17T08:30+08:00); nullopt when
// malformed or not a real time.
std::optional<int64_t> ParseRfc3339(std::string_view text);
// Unix seconds of 00:00 on a YYYY-MM-DD date in +08:00 (the date must be valid).
int64_t DayStartUnix(std::string_view yyyy_mm_dd);

}  // namespace tongxin::time
