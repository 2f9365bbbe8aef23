// The review records are read by every run that is not a no-op: what one run
// writes, the next must read back field for field, whatever bytes the
// catalog's text holds; and a damaged file must read as absent, so that every
// tool is reviewed again rather than trusted from a wrong record.
#include "batch/review_records.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
namespace fs = std::filesystem;

namespace {

review_records sample_records() {
    review_records records{"0123456789abcdef", {}};
    records.by_file["catalog/tools/plain.json"] = {{812, 1763700000123456789},
                                                   {"plain", "Plain", "Developer Tools", "A tagline.", "2026-11-02"},
                                                   {3, 1, 0, 0, 3, "majority", 75, 6.25, {}},
                                                   "fedcba9876543210"};
    records.by_file["catalog/tools/odd\tname,\\.json"] = {
        {0, -5},
        {"odd", "Tab\there, comma, back\\slash \\t", "Line\nbreak\r\ncategory", "\xe2\x80\xae" "reversed, \xff not UTF-8", ""},
        {1, 1, 1, 1, 4, "rule,set\t2", std::nullopt, std::nullopt, {"business", "seat,with\\comma"}},
        ""};
    records.by_file["catalog/tools/third.json"] = {{1, 2}, {"third", "", "", "", ""}, {0, 2, 0, 0, 2, "r", 0, 0.1 + 0.2, {"x"}}, "f"};
    return records;
}

std::optional<review_records> round_trip(const std::string& text) {
    test::temp_dir dir;
    test::write_file(dir.path() / review_records_file_name, text);
    return read_review_records(dir.path());
}

}  // namespace

TEST_CASE("review records read back exactly as written, whatever bytes their text holds", "[batch][records]") {
    const review_records records = sample_records();
    const std::string text = review_records_text(records);
    CHECK(std::count(text.begin(), text.end(), '\n') == 4);   // the header and one line per file: no raw newline in a field
    const auto read = round_trip(text);
    REQUIRE(read);
    CHECK(*read == records);
    CHECK(read->by_file.at("catalog/tools/third.json").verdict.mean_score == 0.1 + 0.2);   // to the last bit
}

TEST_CASE("damaged review records read as absent, so every tool is reviewed again", "[batch][records]") {
    const std::string text = review_records_text(sample_records());
    const std::size_t second_line = text.find('\n') + 1;
    SECTION("cut short in the middle of a line") { CHECK_FALSE(round_trip(text.substr(0, text.size() - 7))); }
    SECTION("a field missing") {
        std::string damaged = text;
        damaged.erase(second_line, damaged.find('\t', second_line) - second_line + 1);
        CHECK_FALSE(round_trip(damaged));
    }
    SECTION("a number that is not one") {
        std::string damaged = text;
        damaged.replace(damaged.find("\t812\t"), 5, "\t8x2\t");
        CHECK_FALSE(round_trip(damaged));
    }
    SECTION("an escape that means nothing") {
        std::string damaged = text;
        damaged.replace(damaged.find("Plain"), 5, "Pl\\ain");
        CHECK_FALSE(round_trip(damaged));
    }
    SECTION("another version's header") { CHECK_FALSE(round_trip("verdict-reviews 1 " + text.substr(text.find(' ', 16) + 1))); }
    SECTION("no file") {
        test::temp_dir dir;
        CHECK_FALSE(read_review_records(dir.path()));
    }
}
