// Bidi balancing of catalog text: every embedding, override or isolate that
// text opens is closed at its end, innermost first; a closer with nothing to
// close is dropped; a PDI also closes what was opened inside its isolate.
// Text without bidi controls, including other characters whose UTF-8 starts
// with the same 0xE2 byte ("—", "€"), passes through byte for byte.
#include "support/display_text.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace verdict;

namespace {

// The controls, spelled out so each case reads like the sequence it tests.
const std::string lre = "\u202A";
const std::string rle = "\u202B";
const std::string pdf = "\u202C";
const std::string lro = "\u202D";
const std::string rlo = "\u202E";
const std::string lri = "\u2066";
const std::string rli = "\u2067";
const std::string fsi = "\u2068";
const std::string pdi = "\u2069";

}  // namespace

TEST_CASE("bidi: an unclosed override or embedding is closed with a PDF at the end", "[unit][bidi]") {
    CHECK(balance_bidi("Claw " + rlo + "edoC") == "Claw " + rlo + "edoC" + pdf);
    CHECK(balance_bidi(lre + "x") == lre + "x" + pdf);
    CHECK(balance_bidi(rle + "x") == rle + "x" + pdf);
    CHECK(balance_bidi(lro + "x") == lro + "x" + pdf);
    CHECK(balance_bidi(rlo) == rlo + pdf);
}

TEST_CASE("bidi: an unclosed isolate is closed with a PDI at the end", "[unit][bidi]") {
    CHECK(balance_bidi("a" + rli + "b") == "a" + rli + "b" + pdi);
    CHECK(balance_bidi(lri + "b") == lri + "b" + pdi);
    CHECK(balance_bidi(fsi + "b") == fsi + "b" + pdi);
}

TEST_CASE("bidi: several unclosed openers are closed innermost first", "[unit][bidi]") {
    CHECK(balance_bidi(rlo + "a" + lre + "b" + rli + "c") == rlo + "a" + lre + "b" + rli + "c" + pdi + pdf + pdf);
    CHECK(balance_bidi(rli + "a" + rlo + "b") == rli + "a" + rlo + "b" + pdf + pdi);
    CHECK(balance_bidi(lri + rli + "x") == lri + rli + "x" + pdi + pdi);
    // One closed and one not: only the open one is closed.
    CHECK(balance_bidi(rlo + "a" + rle + "b" + pdf + "c") == rlo + "a" + rle + "b" + pdf + "c" + pdf);
}

TEST_CASE("bidi: balanced text is unchanged", "[unit][bidi]") {
    const std::string balanced = "x" + rlo + "a" + pdf + " " + rli + "b" + lre + "c" + pdf + pdi + " y";
    CHECK(balance_bidi(balanced) == balanced);
}

TEST_CASE("bidi: a stray PDF or PDI is removed", "[unit][bidi]") {
    CHECK(balance_bidi("a" + pdf + "b") == "ab");
    CHECK(balance_bidi("a" + pdi + "b") == "ab");
    CHECK(balance_bidi(pdf + pdi + pdf) == "");
    // After a pair closes, a further closer has nothing to close.
    CHECK(balance_bidi(rlo + "a" + pdf + pdf + "b") == rlo + "a" + pdf + "b");
    CHECK(balance_bidi(rli + "a" + pdi + pdi + "b") == rli + "a" + pdi + "b");
}

TEST_CASE("bidi: a PDF cannot close an embedding from inside an isolate", "[unit][bidi]") {
    // The PDF is inside the isolate, so it closes nothing and goes; both openers are closed at the end.
    CHECK(balance_bidi(rlo + "a" + rli + "b" + pdf + "c") == rlo + "a" + rli + "b" + "c" + pdi + pdf);
}

TEST_CASE("bidi: a PDI closes the embeddings opened inside its isolate", "[unit][bidi]") {
    // The RLO ends at the PDI, so nothing is left to close at the end.
    CHECK(balance_bidi(rli + "a" + rlo + "b" + pdi + "c") == rli + "a" + rlo + "b" + pdi + "c");
    CHECK(balance_bidi(lri + rle + lro + "x" + pdi) == lri + rle + lro + "x" + pdi);
    // The embedding outside the isolate stays open and is closed at the end.
    CHECK(balance_bidi(rlo + "a" + rli + lre + "b" + pdi + "c") == rlo + "a" + rli + lre + "b" + pdi + "c" + pdf);
    // A PDI with only embeddings open closes nothing and goes.
    CHECK(balance_bidi(rlo + "a" + pdi + "b") == rlo + "a" + "b" + pdf);
}

TEST_CASE("bidi: a PDI closes the innermost isolate only", "[unit][bidi]") {
    CHECK(balance_bidi(lri + "a" + rli + "b" + pdi + "c") == lri + "a" + rli + "b" + pdi + "c" + pdi);
}

TEST_CASE("bidi: text without controls comes back byte for byte", "[unit][bidi]") {
    for (const std::string& text : {std::string(""), std::string("Claw Code"), std::string("Claw Code \u2014 5 \u20AC \u00B7 na\u00EFve \u65E5\u672C \U0001F680"),
                                   std::string("\u2014\u2014\u20AC\u2026\u201C\u201D\u2018\u2019\u2122"),
                                   // Neighbours of the controls: narrow no-break space, LRM, RLM, word joiner, U+2065 and U+206A.
                                   std::string("\u202F\u200E\u200F\u2060\u2065\u206A"),
                                   std::string("tab\there\nnew line \xE2\x80"),   // a truncated sequence at the end
                                   std::string("\xE2")}) {
        INFO(text);
        CHECK(balance_bidi(text) == text);
    }
}

TEST_CASE("bidi: characters that share the controls' lead byte are untouched around controls", "[unit][bidi]") {
    CHECK(balance_bidi("\u2014" + rlo + "\u20AC") == "\u2014" + rlo + "\u20AC" + pdf);
    CHECK(balance_bidi("5 \u20AC" + pdf + " \u2014") == "5 \u20AC \u2014");
    CHECK(balance_bidi(rli + "\u2069\u2069\u2014") == rli + pdi + "\u2014");
}
