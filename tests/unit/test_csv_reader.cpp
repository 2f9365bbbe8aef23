// The CSV reader: RFC 4180 quoting, both line endings, a byte-order mark,
// and line numbers that stay true after quoted line breaks, since every vote
// problem is reported by line. A malformed record costs that record only.
#include "support/csv_reader.hpp"

#include <catch2/catch.hpp>

#include <ostream>

using namespace verdict;

namespace {

using fields = std::vector<std::string>;

// A record as one comparable value: its line, its fields and why it is malformed, so a failed check prints all.
struct shown_record {
    std::size_t line;
    fields values;
    std::string malformed;
    bool operator==(const shown_record&) const = default;
};

std::ostream& operator<<(std::ostream& out, const shown_record& r) {
    out << "{line " << r.line << ":";
    for (const std::string& f : r.values) out << " [" << f << "]";
    return out << (r.malformed.empty() ? "" : " malformed: " + r.malformed) << "}";
}

std::vector<shown_record> read(std::string_view text) {
    std::vector<shown_record> out;
    for (const csv_record& r : read_csv(text)) out.push_back({r.line, r.fields, r.malformed});
    return out;
}

}  // namespace

TEST_CASE("plain rows split at commas, numbered from line 1", "[unit][csv]") {
    const auto records = read("a,b,c\n1,2,3\n");
    CHECK(records == std::vector<shown_record>{{1, {"a", "b", "c"}, ""}, {2, {"1", "2", "3"}, ""}});
}

TEST_CASE("empty fields are kept, including a trailing one", "[unit][csv]") {
    CHECK(read("a,,c\n,\n") == std::vector<shown_record>{{1, {"a", "", "c"}, ""}, {2, {"", ""}, ""}});
    CHECK(read("a,b,\n") == std::vector<shown_record>{{1, {"a", "b", ""}, ""}});
}

TEST_CASE("CRLF ends a record as LF does, and the CR is not part of the last field", "[unit][csv]") {
    CHECK(read("a,b\r\n1,2\r\n") == std::vector<shown_record>{{1, {"a", "b"}, ""}, {2, {"1", "2"}, ""}});
    CHECK(read("a,b\r\n1,2\n3,4\r\n") == std::vector<shown_record>{{1, {"a", "b"}, ""}, {2, {"1", "2"}, ""}, {3, {"3", "4"}, ""}});
}

TEST_CASE("a leading byte-order mark is skipped and does not join the first field", "[unit][csv]") {
    CHECK(read("\xEF\xBB\xBFtool_id,voter_id\nx,y\n") == std::vector<shown_record>{{1, {"tool_id", "voter_id"}, ""}, {2, {"x", "y"}, ""}});
    // Only at the very start: elsewhere the bytes are text.
    CHECK(read("a\n\xEF\xBB\xBF" "b\n") == std::vector<shown_record>{{1, {"a"}, ""}, {2, {"\xEF\xBB\xBF" "b"}, ""}});
}

TEST_CASE("the last line needs no line break", "[unit][csv]") {
    CHECK(read("a,b\n1,2") == std::vector<shown_record>{{1, {"a", "b"}, ""}, {2, {"1", "2"}, ""}});
    CHECK(read("only") == std::vector<shown_record>{{1, {"only"}, ""}});
    CHECK(read("\"quoted\"") == std::vector<shown_record>{{1, {"quoted"}, ""}});
}

TEST_CASE("nothing, or only line breaks, is no records", "[unit][csv]") {
    CHECK(read("").empty());
    CHECK(read("\xEF\xBB\xBF").empty());
    CHECK(read("\n\r\n\n").empty());
}

TEST_CASE("blank lines are skipped but still counted", "[unit][csv]") {
    CHECK(read("\na,b\n\n\r\n1,2\n\n") == std::vector<shown_record>{{2, {"a", "b"}, ""}, {5, {"1", "2"}, ""}});
}

TEST_CASE("a quoted field may hold commas and doubled quotes", "[unit][csv]") {
    CHECK(read("\"a,b\",c\n") == std::vector<shown_record>{{1, {"a,b", "c"}, ""}});
    CHECK(read("\"say \"\"ship\"\"\",x\n") == std::vector<shown_record>{{1, {"say \"ship\"", "x"}, ""}});
    CHECK(read("\"\",\"\"\"\"\n") == std::vector<shown_record>{{1, {"", "\""}, ""}});
    CHECK(read("x,\"last\"\r\ny\n") == std::vector<shown_record>{{1, {"x", "last"}, ""}, {2, {"y"}, ""}});
}

TEST_CASE("a quoted line break stays in the field and the next record's line counts it", "[unit][csv]") {
    const auto records = read("h1,h2\n\"two\nlines\",x\n\"three\r\nmore\nlines\",y\nz,w\n");
    CHECK(records == std::vector<shown_record>{{1, {"h1", "h2"}, ""},
                                               {2, {"two\nlines", "x"}, ""},
                                               {4, {"three\r\nmore\nlines", "y"}, ""},
                                               {7, {"z", "w"}, ""}});
}

TEST_CASE("a quote inside an unquoted field spoils that line only", "[unit][csv]") {
    // The fields before the bad one are kept, so a caller could say more, but the record is marked malformed.
    const auto records = read("a,b\np,ab\"c,d\ne,f\n");
    CHECK(records == std::vector<shown_record>{
                         {1, {"a", "b"}, ""}, {2, {}, "a quote inside an unquoted field"}, {3, {"e", "f"}, ""}});
}

TEST_CASE("text after a closing quote spoils that line only", "[unit][csv]") {
    const auto records = read("a,b\n\"ab\"c,d\ne,f\n");
    CHECK(records == std::vector<shown_record>{{1, {"a", "b"}, ""}, {2, {}, "text after a closing quote"}, {3, {"e", "f"}, ""}});
}

TEST_CASE("text after a quoted field that spans lines is reported from where the record began", "[unit][csv]") {
    const auto records = read("a\n\"x\ny\"z,w\nnext\n");
    CHECK(records == std::vector<shown_record>{{1, {"a"}, ""}, {2, {}, "text after a closing quote"}, {4, {"next"}, ""}});
}

TEST_CASE("a malformed record in CRLF text resumes cleanly at the next line", "[unit][csv]") {
    const auto records = read("a,b\r\nx\"y,z\r\nc,d\r\n");
    CHECK(records == std::vector<shown_record>{
                         {1, {"a", "b"}, ""}, {2, {}, "a quote inside an unquoted field"}, {3, {"c", "d"}, ""}});
}

TEST_CASE("an unclosed quote is reported from the line where it opened, and reading goes on at the next line", "[unit][csv]") {
    // The reader only learns the quote is unclosed at the end of the text; it then goes back, so one stray quote
    // costs one row, not the rest of the file.
    const auto records = read("a,b\nc,\"open\nd,e\nf,g\n");
    CHECK(records == std::vector<shown_record>{{1, {"a", "b"}, ""}, {2, {}, "a quote opened on this line and never closed"},
                                               {3, {"d", "e"}, ""}, {4, {"f", "g"}, ""}});
}

TEST_CASE("a stray quote closes at the next quote, and the record it spoils is reported once", "[unit][csv]") {
    // The quote opened on line 2 closes at the first quote of line 3; what follows it there is the error.
    const auto records = read("h\n\"a,b\nc,\"d\ne,f\n");
    CHECK(records == std::vector<shown_record>{{1, {"h"}, ""}, {2, {}, "text after a closing quote"}, {4, {"e", "f"}, ""}});
}
