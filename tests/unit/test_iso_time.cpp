// ISO-8601 dates and timestamps: the calendar arithmetic is checked against a
// naive day-by-day count written here, so an off-by-one in the closed-form
// algorithm cannot hide behind a test that shares its formula; timestamps are
// checked as instants (an offset moves the instant, not the digits) and every
// form the header does not promise is refused.
#include "support/iso_time.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

using namespace verdict;

namespace {

bool naive_leap(int year) { return year % 400 == 0 || (year % 4 == 0 && year % 100 != 0); }

int naive_month_length(int year, int month) {
    if (month == 2) return naive_leap(year) ? 29 : 28;
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
}

// A calendar date walked one day at a time: no formula shared with the engine.
struct walking_date {
    int year = 1970;
    int month = 1;
    int day = 1;

    void forward() {
        if (++day <= naive_month_length(year, month)) return;
        day = 1;
        if (++month <= 12) return;
        month = 1;
        ++year;
    }
    void backward() {
        if (--day >= 1) return;
        if (--month < 1) {
            month = 12;
            --year;
        }
        day = naive_month_length(year, month);
    }
    std::string text() const {
        char out[32];
        std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
        return out;
    }
};

// Compares the engine with the walk at every day from 1970-01-01 through the end of `stop_year` (forward) or back
// to its start; returns the first disagreement, or an empty string.
std::string first_mismatch(int stop_year, bool forward) {
    walking_date date;
    for (std::int64_t days = 0;; days += forward ? 1 : -1) {
        if (forward ? date.year > stop_year : date.year < stop_year) return {};
        const auto computed = days_from_civil(date.year, date.month, date.day);
        const std::string shown = iso_date_of(utc_instant{days * 86400, 0});
        const std::string noon = iso_date_of(utc_instant{days * 86400 + 43200, 0});
        const std::string last_second = iso_date_of(utc_instant{days * 86400 + 86399, 999999999});
        if (computed != std::optional<std::int64_t>(days) || shown != date.text() || noon != date.text() || last_second != date.text())
            return date.text() + " is day " + std::to_string(days) + "; days_from_civil gave " +
                   (computed ? std::to_string(*computed) : "nothing") + ", iso_date_of gave " + shown + " / " + noon + " / " + last_second;
        forward ? date.forward() : date.backward();
    }
}

std::optional<utc_instant> at(std::int64_t seconds, std::int32_t nanos = 0) { return utc_instant{seconds, nanos}; }

// 2026-04-02T00:00:00Z, the day most cases below use.
constexpr std::int64_t april_2 = 1775088000;

}  // namespace

TEST_CASE("days from civil counts from the epoch, in both directions", "[unit][iso_time]") {
    CHECK(days_from_civil(1970, 1, 1) == std::optional<std::int64_t>(0));
    CHECK(days_from_civil(1970, 1, 2) == std::optional<std::int64_t>(1));
    CHECK(days_from_civil(1969, 12, 31) == std::optional<std::int64_t>(-1));
    CHECK(days_from_civil(2000, 1, 1) == std::optional<std::int64_t>(10957));
    CHECK(days_from_civil(2026, 4, 2) == std::optional<std::int64_t>(april_2 / 86400));
    CHECK(days_from_civil(1900, 1, 1) == std::optional<std::int64_t>(-25567));
    CHECK(days_from_civil(0, 1, 1) == std::optional<std::int64_t>(-719528));
    CHECK(days_from_civil(9999, 12, 31) == std::optional<std::int64_t>(2932896));
}

TEST_CASE("february 29 exists only in leap years: 2000 and 2024 yes, 1900 and 2026 no", "[unit][iso_time]") {
    CHECK(days_from_civil(2000, 2, 29) == std::optional<std::int64_t>(11016));
    CHECK(days_from_civil(2024, 2, 29) == std::optional<std::int64_t>(19782));
    CHECK(days_from_civil(2400, 2, 29).has_value());
    CHECK_FALSE(days_from_civil(1900, 2, 29).has_value());
    CHECK_FALSE(days_from_civil(2100, 2, 29).has_value());
    CHECK_FALSE(days_from_civil(2026, 2, 29).has_value());
    CHECK_FALSE(days_from_civil(2024, 2, 30).has_value());
    // The day after 28 February is 1 March in a common year, 29 February in a leap one.
    CHECK(*days_from_civil(2026, 3, 1) - *days_from_civil(2026, 2, 28) == 1);
    CHECK(*days_from_civil(2024, 3, 1) - *days_from_civil(2024, 2, 28) == 2);
    CHECK(*days_from_civil(1900, 3, 1) - *days_from_civil(1900, 2, 28) == 1);
    CHECK(*days_from_civil(2000, 3, 1) - *days_from_civil(2000, 2, 28) == 2);
}

TEST_CASE("days from civil refuses months and days outside the calendar", "[unit][iso_time]") {
    CHECK_FALSE(days_from_civil(2026, 0, 1).has_value());
    CHECK_FALSE(days_from_civil(2026, 13, 1).has_value());
    CHECK_FALSE(days_from_civil(2026, -1, 1).has_value());
    CHECK_FALSE(days_from_civil(2026, 1, 0).has_value());
    CHECK_FALSE(days_from_civil(2026, 1, 32).has_value());
    CHECK_FALSE(days_from_civil(2026, 4, 31).has_value());
    CHECK_FALSE(days_from_civil(2026, 6, 31).has_value());
    CHECK_FALSE(days_from_civil(2026, 9, 31).has_value());
    CHECK_FALSE(days_from_civil(2026, 11, 31).has_value());
    CHECK(days_from_civil(2026, 12, 31).has_value());
    CHECK(days_from_civil(2026, 1, 31).has_value());
    CHECK(days_from_civil(2026, 4, 30).has_value());
}

TEST_CASE("days from civil and iso_date_of agree with a day-by-day count from 1600 to 2800", "[unit][iso_time]") {
    // Three 400-year cycles: leap centuries 1600, 2000 and 2400, common ones 1700-1900, 2100-2300 and 2500-2700.
    // The ends of the four-digit range are checked above and below by fixed values.
    CHECK(first_mismatch(2800, true) == "");
    CHECK(first_mismatch(1600, false) == "");
}

TEST_CASE("iso_date_of floors negative seconds to the day before the epoch", "[unit][iso_time]") {
    CHECK(iso_date_of(utc_instant{0, 0}) == "1970-01-01");
    CHECK(iso_date_of(utc_instant{-1, 0}) == "1969-12-31");
    CHECK(iso_date_of(utc_instant{-1, 999999999}) == "1969-12-31");
    CHECK(iso_date_of(utc_instant{-86400, 0}) == "1969-12-31");
    CHECK(iso_date_of(utc_instant{-86401, 0}) == "1969-12-30");
    CHECK(iso_date_of(utc_instant{86399, 0}) == "1970-01-01");
    CHECK(iso_date_of(utc_instant{86400, 0}) == "1970-01-02");
    CHECK(iso_date_of(utc_instant{-2208988800, 0}) == "1900-01-01");
    CHECK(iso_date_of(utc_instant{951782400, 0}) == "2000-02-29");
    CHECK(iso_date_of(utc_instant{253402300799, 0}) == "9999-12-31");
    CHECK(iso_date_of(utc_instant{-62167219200, 0}) == "0000-01-01");
}

TEST_CASE("a date's text round-trips through parse_iso_timestamp and iso_date_of", "[unit][iso_time]") {
    for (const char* date : {"0001-01-01", "1600-02-29", "1899-12-31", "1900-03-01", "1969-12-31", "1970-01-01", "1999-12-31",
                             "2000-02-29", "2024-02-29", "2026-04-02", "2038-01-19", "2100-03-01", "2400-12-31", "9999-12-31"}) {
        INFO(date);
        const auto instant = parse_iso_timestamp(date);
        REQUIRE(instant);
        CHECK(instant->nanos == 0);
        CHECK(instant->seconds % 86400 == 0);   // midnight UTC
        CHECK(iso_date_of(*instant) == date);
    }
}

TEST_CASE("is_iso_date accepts real dates written YYYY-MM-DD and nothing else", "[unit][iso_time]") {
    CHECK(is_iso_date("2026-04-02"));
    CHECK(is_iso_date("2024-02-29"));
    CHECK(is_iso_date("0000-01-01"));
    CHECK_FALSE(is_iso_date("2026-02-29"));
    CHECK_FALSE(is_iso_date("2026-02-30"));
    CHECK_FALSE(is_iso_date("2026-13-01"));
    CHECK_FALSE(is_iso_date("2026-00-10"));
    CHECK_FALSE(is_iso_date("2026-04-00"));
    CHECK_FALSE(is_iso_date("2026-4-02"));
    CHECK_FALSE(is_iso_date("2026-04-2"));
    CHECK_FALSE(is_iso_date("26-04-02"));
    CHECK_FALSE(is_iso_date("20260402"));
    CHECK_FALSE(is_iso_date("2026/04/02"));
    CHECK_FALSE(is_iso_date("2026-04-02 "));
    CHECK_FALSE(is_iso_date(" 2026-04-02"));
    CHECK_FALSE(is_iso_date("2026-04-02T00:00Z"));
    CHECK_FALSE(is_iso_date("+2026-04-02"));
    CHECK_FALSE(is_iso_date(""));
}

TEST_CASE("a timestamp in UTC reads as its instant, with or without seconds", "[unit][iso_time]") {
    CHECK(parse_iso_timestamp("2026-04-02T14:05:00Z") == at(april_2 + 14 * 3600 + 5 * 60));
    CHECK(parse_iso_timestamp("2026-04-02T14:05:07Z") == at(april_2 + 14 * 3600 + 5 * 60 + 7));
    CHECK(parse_iso_timestamp("2026-04-02T14:05Z") == at(april_2 + 14 * 3600 + 5 * 60));
    CHECK(parse_iso_timestamp("2026-04-02t14:05:00z") == at(april_2 + 14 * 3600 + 5 * 60));
    CHECK(parse_iso_timestamp("2026-04-02T23:59:59Z") == at(april_2 + 86399));
    CHECK(parse_iso_timestamp("1970-01-01T00:00:00Z") == at(0));
    CHECK(parse_iso_timestamp("1969-12-31T23:59:59Z") == at(-1));
}

TEST_CASE("a space may stand for the T, and a date alone is midnight UTC", "[unit][iso_time]") {
    CHECK(parse_iso_timestamp("2026-04-02 14:05:00Z") == at(april_2 + 14 * 3600 + 5 * 60));
    CHECK(parse_iso_timestamp("2026-04-02") == at(april_2));
    CHECK(parse_iso_timestamp("1969-12-31") == at(-86400));
}

TEST_CASE("an offset moves the instant: east of UTC is earlier, west is later", "[unit][iso_time]") {
    const std::int64_t utc = april_2 + 14 * 3600 + 5 * 60;
    CHECK(parse_iso_timestamp("2026-04-02T16:05:00+02:00") == at(utc));
    CHECK(parse_iso_timestamp("2026-04-02T09:05:00-05:00") == at(utc));
    CHECK(parse_iso_timestamp("2026-04-02T19:35:00+05:30") == at(utc));
    CHECK(parse_iso_timestamp("2026-04-02T14:05:00+00:00") == at(utc));
    CHECK(parse_iso_timestamp("2026-04-02T14:05:00-00:00") == at(utc));
    // An offset can carry the instant across midnight, so the UTC date differs from the written one.
    const auto late_west = parse_iso_timestamp("2026-04-02T23:30:00-03:00");
    REQUIRE(late_west);
    CHECK(late_west->seconds == april_2 + 86400 + 2 * 3600 + 30 * 60);
    CHECK(iso_date_of(*late_west) == "2026-04-03");
    const auto early_east = parse_iso_timestamp("2026-04-02T00:30:00+09:00");
    REQUIRE(early_east);
    CHECK(iso_date_of(*early_east) == "2026-04-01");
    // The same instant written two ways compares equal.
    CHECK(parse_iso_timestamp("2026-04-02T23:59:00+23:59") == parse_iso_timestamp("2026-04-02T00:00:00Z"));
}

TEST_CASE("offsets outside ±23:59 or written without the colon are refused", "[unit][iso_time]") {
    CHECK_FALSE(parse_iso_timestamp("2026-04-02T14:05:00+24:00").has_value());
    CHECK_FALSE(parse_iso_timestamp("2026-04-02T14:05:00+02:60").has_value());
    CHECK_FALSE(parse_iso_timestamp("2026-04-02T14:05:00+0200").has_value());
    CHECK_FALSE(parse_iso_timestamp("2026-04-02T14:05:00+02").has_value());
    CHECK_FALSE(parse_iso_timestamp("2026-04-02T14:05:00+2:00").has_value());
    CHECK_FALSE(parse_iso_timestamp("2026-04-02T14:05:00UTC").has_value());
}

TEST_CASE("a fraction of one to nine digits gives nanoseconds; ten digits is refused", "[unit][iso_time]") {
    const std::int64_t base = april_2 + 14 * 3600 + 5 * 60 + 7;
    CHECK(parse_iso_timestamp("2026-04-02T14:05:07.5Z") == at(base, 500000000));
    CHECK(parse_iso_timestamp("2026-04-02T14:05:07.05Z") == at(base, 50000000));
    CHECK(parse_iso_timestamp("2026-04-02T14:05:07.123Z") == at(base, 123000000));
    CHECK(parse_iso_timestamp("2026-04-02T14:05:07.123456Z") == at(base, 123456000));
    CHECK(parse_iso_timestamp("2026-04-02T14:05:07.123456789Z") == at(base, 123456789));
    CHECK(parse_iso_timestamp("2026-04-02T14:05:07.000000001Z") == at(base, 1));
    CHECK(parse_iso_timestamp("2026-04-02T14:05:07,25Z") == at(base, 250000000));
    CHECK(parse_iso_timestamp("2026-04-02T16:05:07.5+02:00") == at(base, 500000000));
    CHECK_FALSE(parse_iso_timestamp("2026-04-02T14:05:07.1234567891Z").has_value());
    CHECK_FALSE(parse_iso_timestamp("2026-04-02T14:05:07.Z").has_value());
    // Instants order by their fraction within one second.
    CHECK(*parse_iso_timestamp("2026-04-02T14:05:07.25Z") < *parse_iso_timestamp("2026-04-02T14:05:07.5Z"));
    CHECK(*parse_iso_timestamp("2026-04-02T14:05:07.999Z") < *parse_iso_timestamp("2026-04-02T14:05:08Z"));
}

TEST_CASE("a fraction is allowed only after the seconds, as the format promises", "[unit][iso_time]") {
    // "hh:mm[:ss[.fraction]]": in ISO 8601 "14:05.5" would be a fraction of a minute (14:05:30), so reading it as
    // half a second past 14:05:00 puts the vote at the wrong instant. It should be refused.
    const auto minute_fraction = parse_iso_timestamp("2026-04-02T14:05.5Z");
    INFO("read as " << (minute_fraction ? std::to_string(minute_fraction->seconds - april_2) + " s and " +
                                              std::to_string(minute_fraction->nanos) + " ns after 2026-04-02T00:00Z"
                                        : std::string("nothing")));
    CHECK_FALSE(minute_fraction.has_value());
}

TEST_CASE("a leap second is refused: exports that keep Unix time never carry one", "[unit][iso_time]") {
    CHECK_FALSE(parse_iso_timestamp("2016-12-31T23:59:60Z").has_value());
    CHECK(parse_iso_timestamp("2016-12-31T23:59:59Z").has_value());
}

TEST_CASE("a timestamp is refused without a zone, with a bad field, or with anything after it", "[unit][iso_time]") {
    for (const char* text : {"2026-04-02T14:05:00",         // local time: no single instant
                             "2026-04-02T14:05",            //
                             "2026-04-02T24:00:00Z",        // hour 24
                             "2026-04-02T14:60:00Z",        // minute 60
                             "2026-02-30T00:00Z",           // no such day
                             "2026-02-29T00:00:00Z",        // not a leap year
                             "2026-04-02T14:05:00Z ",       // trailing space
                             "2026-04-02T14:05:00Zjunk",    // trailing junk
                             "2026-04-02T14:05:00+02:00x",  //
                             "2026-04-02T14Z",              // no minutes
                             "2026-04-02T4:05:00Z",         // one-digit hour
                             "2026-04-02T14:5:00Z",         // one-digit minute
                             "2026-04-02T14:05:0Z",         // one-digit second
                             "2026-04-02X14:05:00Z",        // neither T nor space
                             "2026-04-02T",                 //
                             "2026-04-02 ",                 //
                             " 2026-04-02T14:05:00Z",       // leading space
                             "2026-04-02Z",                 // date with a zone but no time
                             "not a time",                  //
                             ""}) {
        INFO('"' << text << '"');
        CHECK_FALSE(parse_iso_timestamp(text).has_value());
    }
}
