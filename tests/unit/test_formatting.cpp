// Numbers and text as reports print them: the shortest digits that read back,
// signed points, whole numbers as JSON integers, and widths that count UTF-8
// characters rather than bytes, so curly quotes and accents line up.
#include "reports/number_format.hpp"
#include "reports/text/text_layout.hpp"

#include <catch2/catch.hpp>

using namespace verdict;

TEST_CASE("numbers print in their shortest form, without a trailing .0 or a negative zero", "[unit][format]") {
    CHECK(format_number(70) == "70");
    CHECK(format_number(62.5) == "62.5");
    CHECK(format_number(0.1) == "0.1");
    CHECK(format_number(-5) == "-5");
    CHECK(format_number(-12.25) == "-12.25");
    CHECK(format_number(180000) == "180000");
    CHECK(format_number(0.0) == "0");
    CHECK(format_number(-0.0) == "0");
    CHECK(format_number(66.7) == "66.7");   // not 66.700000000000003
}

TEST_CASE("points carry their sign, and zero counts as positive", "[unit][format]") {
    CHECK(format_points(10) == "+10");
    CHECK(format_points(-5) == "-5");
    CHECK(format_points(2.5) == "+2.5");
    CHECK(format_points(-0.5) == "-0.5");
    CHECK(format_points(0) == "+0");
    CHECK(format_points(-0.0) == "+0");   // not "+-0" or "-0"
}

TEST_CASE("whole numbers become JSON integers and fractions stay fractions", "[unit][format]") {
    const auto seventy = json_number(70.0);
    CHECK(seventy.is_number_integer());
    CHECK(seventy.dump() == "70");
    CHECK(json_number(-25.0).dump() == "-25");
    CHECK(json_number(-0.0).dump() == "0");

    const auto fraction = json_number(62.5);
    CHECK(fraction.is_number_float());
    CHECK(fraction.dump() == "62.5");
    CHECK(json_number(-0.5).dump() == "-0.5");

    // Past 2^53 a double no longer holds every integer; it stays a double rather than a made-up exact integer.
    CHECK(json_number(1e16).is_number_float());
}

TEST_CASE("round_to_tenth keeps one decimal place and rounds a half away from zero", "[unit][format]") {
    CHECK(format_number(round_to_tenth(62.44)) == "62.4");
    CHECK(format_number(round_to_tenth(62.46)) == "62.5");
    CHECK(format_number(round_to_tenth(2.25)) == "2.3");        // exactly representable half
    CHECK(format_number(round_to_tenth(200.0 / 3)) == "66.7");
    CHECK(format_number(round_to_tenth(100.0 / 3)) == "33.3");
    CHECK(format_number(round_to_tenth(70)) == "70");
    CHECK(format_number(round_to_tenth(-12.34)) == "-12.3");
    CHECK(format_number(round_to_tenth(-0.04)) == "0");          // rounds to -0, which must not print as "-0"
}

TEST_CASE("display width counts characters, not bytes", "[unit][format]") {
    CHECK(display_width("") == 0);
    CHECK(display_width("abc") == 3);
    CHECK(display_width("café") == 4);
    CHECK(display_width("“Ship it” — now") == 15);
    CHECK(display_width("🚀") == 1);
}

TEST_CASE("pad_right pads to a width in characters and never cuts", "[unit][format]") {
    CHECK(pad_right("ab", 5) == "ab   ");
    CHECK(pad_right("", 2) == "  ");
    CHECK(pad_right("é", 3) == "é  ");              // two bytes, one character: two spaces, not one
    CHECK(pad_right("—+10", 6) == "—+10  ");
    CHECK(pad_right("naïve", 3) == "naïve");        // wider than the column: left whole
    CHECK(pad_right("exact", 5) == "exact");
}

TEST_CASE("wrap breaks at spaces, indents every line after the first, and counts the indent", "[unit][format]") {
    CHECK(wrap("the quick brown fox", 10, "  ") == "the quick\n  brown\n  fox");
    CHECK(wrap("aaaa bbbb cccc", 9, "    ") == "aaaa bbbb\n    cccc");
    CHECK(wrap("short", 80, "  ") == "short");
    CHECK(wrap("", 10, "  ") == "");
}

TEST_CASE("wrap fills a line to exactly the width, and puts a long word on a line of its own", "[unit][format]") {
    CHECK(wrap("abc def", 7, "") == "abc def");           // 7 characters: fits
    CHECK(wrap("abc defg", 7, "") == "abc\ndefg");        // 8 would not
    CHECK(wrap("a supercalifragilistic word", 8, "") == "a\nsupercalifragilistic\nword");
}

TEST_CASE("wrap measures UTF-8 text in characters", "[unit][format]") {
    // "café crème" is 10 characters but 12 bytes: counting bytes would break it.
    CHECK(wrap("café crème brûlée", 10, "") == "café crème\nbrûlée");
    CHECK(wrap("“Ship it” — now today", 15, "  ") == "“Ship it” — now\n  today");   // 15 characters, 21 bytes
}
