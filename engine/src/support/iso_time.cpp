// The calendar arithmetic is Howard Hinnant's days-from-civil algorithm: exact
// for every proleptic Gregorian date, with no table and no time zone database.
#include "support/iso_time.hpp"

#include <array>
#include <cstdio>

namespace verdict {
namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days.at(static_cast<std::size_t>(month - 1));
}

// Reads exactly `width` digits at `at`, advancing it.
std::optional<int> digits(std::string_view text, std::size_t& at, std::size_t width) {
    if (at + width > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < width; ++i) {
        const char c = text[at + i];
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    at += width;
    return value;
}

bool expect(std::string_view text, std::size_t& at, char c) {
    if (at >= text.size() || text[at] != c) return false;
    ++at;
    return true;
}

std::optional<std::int64_t> read_date(std::string_view text, std::size_t& at) {
    const auto year = digits(text, at, 4);
    if (!year || !expect(text, at, '-')) return std::nullopt;
    const auto month = digits(text, at, 2);
    if (!month || !expect(text, at, '-')) return std::nullopt;
    const auto day = digits(text, at, 2);
    if (!day) return std::nullopt;
    return days_from_civil(*year, *month, *day);
}

// ".fraction" of a second: one to nine digits.
std::optional<std::int32_t> read_fraction(std::string_view text, std::size_t& at) {
    if (at >= text.size() || (text[at] != '.' && text[at] != ',')) return 0;
    ++at;
    std::int32_t nanos = 0;
    std::size_t count = 0;
    for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, ++count) {
        if (count == 9) return std::nullopt;
        nanos = nanos * 10 + (text[at] - '0');
    }
    if (count == 0) return std::nullopt;
    for (; count < 9; ++count) nanos *= 10;
    return nanos;
}

// "Z" or "±hh:mm", as seconds east of UTC.
std::optional<int> read_offset(std::string_view text, std::size_t& at) {
    if (expect(text, at, 'Z') || expect(text, at, 'z')) return 0;
    if (at >= text.size() || (text[at] != '+' && text[at] != '-')) return std::nullopt;
    const int sign = text[at++] == '-' ? -1 : 1;
    const auto hours = digits(text, at, 2);
    if (!hours || !expect(text, at, ':')) return std::nullopt;
    const auto minutes = digits(text, at, 2);
    if (!minutes || *hours > 23 || *minutes > 59) return std::nullopt;
    return sign * (*hours * 3600 + *minutes * 60);
}

}  // namespace

std::optional<std::int64_t> days_from_civil(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
    const int y = month <= 2 ? year - 1 : year;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int year_of_era = y - era * 400;
    const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return static_cast<std::int64_t>(era) * 146097 + day_of_era - 719468;
}

bool is_iso_date(std::string_view text) {
    std::size_t at = 0;
    return read_date(text, at) && at == text.size();
}

std::optional<utc_instant> parse_iso_timestamp(std::string_view text) {
    std::size_t at = 0;
    const auto days = read_date(text, at);
    if (!days) return std::nullopt;
    if (at == text.size()) return utc_instant{*days * 86400, 0};
    if (!expect(text, at, 'T') && !expect(text, at, 't') && !expect(text, at, ' ')) return std::nullopt;
    const auto hours = digits(text, at, 2);
    if (!hours || !expect(text, at, ':')) return std::nullopt;
    const auto minutes = digits(text, at, 2);
    if (!minutes) return std::nullopt;
    std::optional<int> seconds = 0;
    std::optional<std::int32_t> nanos = 0;
    if (expect(text, at, ':')) {
        seconds = digits(text, at, 2);
        nanos = read_fraction(text, at);   // a fraction belongs to the seconds only
    }
    if (!seconds || *hours > 23 || *minutes > 59 || *seconds > 59) return std::nullopt;
    const auto offset = read_offset(text, at);
    if (!nanos || !offset || at != text.size()) return std::nullopt;
    return utc_instant{*days * 86400 + *hours * 3600 + *minutes * 60 + *seconds - *offset, *nanos};
}

std::string iso_date_of(const utc_instant& instant) {
    std::int64_t days = instant.seconds / 86400 - (instant.seconds % 86400 < 0 ? 1 : 0);
    // The inverse of days_from_civil.
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t day_of_era = days - era * 146097;
    const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t mp = (5 * day_of_year + 2) / 153;
    const std::int64_t day = day_of_year - (153 * mp + 2) / 5 + 1;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
    char text[64];
    std::snprintf(text, sizeof text, "%04lld-%02lld-%02lld", static_cast<long long>(year), static_cast<long long>(month),
                  static_cast<long long>(day));
    return text;
}

}  // namespace verdict
