#include "core/time/clock.hpp"

#include <chrono>
#include <cstdio>

namespace tongxin::time {

int64_t NowUnix() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::string ToRfc3339(int64_t unix_seconds) {
    using namespace std::chrono;
    sys_seconds tp{seconds{unix_seconds + 8 * 3600}};
    auto day = floor<days>(tp);
    year_month_day ymd{day};
    hh_mm_ss hms{tp - day};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld+08:00", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                  static_cast<long>(hms.seconds().count()));
    return buf;
}

std::string Today() { return ToRfc3339(NowUnix()).substr(0, 10); }

bool IsValidDate(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    int y = std::stoi(std::string(s.substr(0, 4)));
    unsigned m = std::stoul(std::string(s.substr(5, 2)));
    unsigned d = std::stoul(std::string(s.substr(8, 2)));
    if (y < 1900 || y > 2100) return false;
    return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}.ok();
}

std::optional<int> YearOf(std::string_view date) {
    if (!IsValidDate(date)) return std::nullopt;
    return std::stoi(std::string(date.substr(0, 4)));
}

}  // namespace tongxin::time
