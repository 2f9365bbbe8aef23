// ISO-8601 dates and timestamps, read strictly and without the C library's
// time zone or locale, so that the same input gives the same instant anywhere.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace verdict {

/// A point in time, in UTC.
struct utc_instant {
    std::int64_t seconds = 0;   ///< Since 1970-01-01T00:00:00Z.
    std::int32_t nanos = 0;     ///< Fraction of the second, 0–999,999,999.

    auto operator<=>(const utc_instant&) const = default;
};

/// Days since 1970-01-01 of a proleptic Gregorian date; nullopt unless `year-month-day` is a real date.
std::optional<std::int64_t> days_from_civil(int year, int month, int day);

/// "YYYY-MM-DD" read as a real calendar date: 2026-02-30 is refused.
bool is_iso_date(std::string_view text);

/// "YYYY-MM-DDThh:mm[:ss[.fraction]](Z|±hh:mm)", or a date alone (midnight UTC); a space may stand for the T.
/// Nullopt for anything else, including an offset-less local time, which names no single instant, and a leap
/// second (:60), which exports from systems that keep Unix time never carry.
std::optional<utc_instant> parse_iso_timestamp(std::string_view text);

/// The UTC calendar date of `instant` as "YYYY-MM-DD".
std::string iso_date_of(const utc_instant& instant);

}  // namespace verdict
