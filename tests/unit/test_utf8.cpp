// Well-formed UTF-8, as Unicode's Table 3-7 draws it: the checks every text
// input passes, held to the edges of each range.
#include "support/utf8.hpp"

#include <catch2/catch.hpp>

#include <string>

using verdict::first_ill_formed_utf8;

TEST_CASE("well-formed UTF-8 passes, to the edges of every range", "[unit][utf8]") {
    for (const std::string& text : {std::string(""), std::string("plain ASCII"), std::string("caf\xc3\xa9"), std::string("\xe2\x82\xac"),
                                   std::string("\xed\x9f\xbf"), std::string("\xee\x80\x80"), std::string("\xf0\x90\x80\x80"),
                                   std::string("\xf4\x8f\xbf\xbf"), std::string("\xef\xbf\xbf")})
        CHECK_FALSE(first_ill_formed_utf8(text));
}

TEST_CASE("each ill-formed sequence is found at its first byte", "[unit][utf8]") {
    CHECK(first_ill_formed_utf8("ab\xff") == 2u);                 // never a UTF-8 byte
    CHECK(first_ill_formed_utf8("a\x80") == 1u);                  // a stray continuation byte
    CHECK(first_ill_formed_utf8("\xc0\xaf") == 0u);               // an overlong '/'
    CHECK(first_ill_formed_utf8("\xe0\x80\xaf") == 0u);           // overlong, three bytes
    CHECK(first_ill_formed_utf8("\xed\xa0\x80") == 0u);           // a surrogate, U+D800
    CHECK(first_ill_formed_utf8("\xf4\x90\x80\x80") == 0u);       // past U+10FFFF
    CHECK(first_ill_formed_utf8("x\xe2\x82") == 1u);              // cut short
    CHECK(first_ill_formed_utf8("\xc3\xa9\xc3(") == 2u);          // a lead byte without its continuation
}
