#include "core/time/clock.hpp"

#include <cctype>
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

bool IsValidClockTime(std::string_view s) {
    if (s.size() != 5 || s[2] != ':') return false;
    for (size_t i : {0, 1, 3, 4})
        if (s[i] < '0' || s[i] > '9') return false;
    return s.substr(0, 2) < "24" && s[3] < '6';
}

std::optional<int> YearOf(std::string_view date) {
    if (!IsValidDate(date)) return std::nullopt;
    return std::stoi(std::string(date.substr(0, 4)));
}

namespace {

std::chrono::sys_days DayOf(std::string_view s) {
    return std::chrono::year_month_day{
        std::chrono::year{std::stoi(std::string(s.substr(0, 4)))},
        std::chrono::month{static_cast<unsigned>(std::stoi(std::string(s.substr(5, 2))))},
        std::chrono::day{static_cast<unsigned>(std::stoi(std::string(s.substr(8, 2))))}};
}

}  // namespace

unsigned IsoWeekday(std::string_view s) { return std::chrono::weekday{DayOf(s)}.iso_encoding(); }

std::string AddDays(std::string_view s, int days) {
    std::chrono::year_month_day out{DayOf(s) + std::chrono::days{days}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(out.year()), static_cast<unsigned>(out.month()),
                  static_cast<unsigned>(out.day()));
    return buf;
}

namespace {

bool Digits(std::string_view s, size_t from, size_t n, int& out) {
    if (from + n > s.size()) return false;
    out = 0;
    for (size_t i = from; i < from + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

int64_t DaysSinceEpoch(int y, unsigned m, unsigned d) {
    using namespace std::chrono;
    return sys_days{year_month_day{year{y}, month{m}, day{d}}}.time_since_epoch().count();
}

}  // namespace

std::optional<int64_t> ParseRfc3339(std::string_view s) {
    if (s.size() < 16 || !IsValidDate(s.substr(0, 10)) || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') {
        return std::nullopt;
    }
    int hh = 0, mi = 0, ss = 0;
    if (!Digits(s, 11, 2, hh) || !Digits(s, 14, 2, mi) || hh > 23 || mi > 59) return std::nullopt;
    size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        if (!Digits(s, pos + 1, 2, ss) || ss > 59) return std::nullopt;
        pos += 3;
        // RFC 3339 allows a fraction of a second (JavaScript's toISOString writes one); times
        // are kept to the second, so it is read and dropped.
        if (pos < s.size() && s[pos] == '.') {
            size_t digits = 0;
            while (pos + 1 + digits < s.size() && std::isdigit(static_cast<unsigned char>(s[pos + 1 + digits])))
                ++digits;
            if (digits == 0 || digits > 9) return std::nullopt;
            pos += 1 + digits;
        }
    }
    int offset = 0;
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        int oh = 0, om = 0;
        if (!Digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' || !Digits(s, pos + 4, 2, om) ||
            oh > 14 || om > 59) {
            return std::nullopt;
        }
        offset = (oh * 3600 + om * 60) * (s[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;  // an offset is required: a bare local time is ambiguous
    }
    if (pos != s.size()) return std::nullopt;
    int y = std::stoi(std::string(s.substr(0, 4)));
    unsigned m = std::stoul(std::string(s.substr(5, 2)));
    unsigned d = std::stoul(std::string(s.substr(8, 2)));
    return DaysSinceEpoch(y, m, d) * 86400 + hh * 3600 + mi * 60 + ss - offset;
}

int64_t DayStartUnix(std::string_view date) {
    int y = std::stoi(std::string(date.substr(0, 4)));
    unsigned m = std::stoul(std::string(date.substr(5, 2)));
    unsigned d = std::stoul(std::string(date.substr(8, 2)));
    return DaysSinceEpoch(y, m, d) * 86400 - 8 * 3600;
}

}  // namespace tongxin::time
