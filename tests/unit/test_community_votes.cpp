// Community votes: CSV exports under <catalog>/votes/, read in file-name
// order, one latest vote per voter and tool, and the score pages show. Each
// bad row is one problem naming its file and line while the rest still count.
//
// Each case loads from inside its temporary catalog, so a file shows as
// "votes/<name>.csv", as a user running verdict in their catalog sees it.
#include "community/community_votes.hpp"
#include "support/temp_catalog.hpp"
#include "support/working_in.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
using test::fields_of;
using test::minimal_tool;
using test::temp_catalog;
using test::working_in;
using test::write_file;

namespace {

const std::vector<std::string> stock_seats{"developer", "skeptic", "futurist", "business", "creator"};
const std::string header = "tool_id,voter_id,vote,timestamp\n";

// A catalog of two tools and whatever vote files a case writes.
struct vote_case {
    temp_catalog dir;
    vote_case() {
        dir.add_tool(minimal_tool("alpha-tool"));
        dir.add_tool(minimal_tool("beta-tool"));
    }

    void add_votes(const std::string& file_name, const std::string& text) const { write_file(dir.path() / "votes" / file_name, text); }

    struct loaded {
        community_votes votes;
        problem_list problems;
    };
    loaded load() const {
        working_in inside(dir.path());
        problem_list catalog_problems;
        const catalog tools = load_catalog(".", stock_seats, catalog_problems);
        REQUIRE(catalog_problems.empty());
        REQUIRE(tools.ids() == std::vector<std::string>{"alpha-tool", "beta-tool"});
        loaded out;
        out.votes = load_votes(".", tools, out.problems);
        return out;
    }
};

// A tally as {voters, ship, latest instant} so a failed check shows all three.
struct shown_tally {
    int voters;
    int ship;
    std::optional<utc_instant> latest;
    bool operator==(const shown_tally&) const = default;
};

std::ostream& operator<<(std::ostream& out, const shown_tally& t) {
    return out << "{voters " << t.voters << ", ship " << t.ship << ", latest "
               << (t.latest ? std::to_string(t.latest->seconds) + "." + std::to_string(t.latest->nanos) : "none") << "}";
}

std::optional<shown_tally> tally_of(const community_votes& votes, std::string_view id) {
    const community_tally* t = votes.find(id);
    if (!t) return std::nullopt;
    return shown_tally{t->voters, t->ship, t->latest};
}

shown_tally tally(int voters, int ship, const char* latest) { return {voters, ship, parse_iso_timestamp(latest)}; }

}  // namespace

TEST_CASE("a voter's latest vote on a tool counts once, whatever the row order", "[unit][votes]") {
    vote_case c;
    c.add_votes("export.csv", header +
                                  "alpha-tool,ann,skip,2026-04-02T10:00:00Z\n"
                                  "alpha-tool,ann,ship,2026-04-03T10:00:00Z\n"
                                  "alpha-tool,bob,ship,2026-04-05T10:00:00Z\n"
                                  "alpha-tool,bob,skip,2026-04-01T10:00:00Z\n"   // older, read last: does not count
                                  "alpha-tool,cy,skip,2026-04-04T10:00:00Z\n");
    const auto [votes, problems] = c.load();
    CHECK(problems.empty());
    CHECK(tally_of(votes, "alpha-tool") == tally(3, 2, "2026-04-05T10:00:00Z"));
    CHECK(votes.find("beta-tool") == nullptr);
    CHECK(votes.by_tool.size() == 1);
}

TEST_CASE("the latest vote wins across files, whichever file is read first", "[unit][votes]") {
    SECTION("the later vote is in the file read first") {
        vote_case c;
        c.add_votes("a.csv", header + "alpha-tool,ann,ship,2026-04-03T10:00:00Z\n");
        c.add_votes("b.csv", header + "alpha-tool,ann,skip,2026-04-02T10:00:00Z\n");
        const auto [votes, problems] = c.load();
        CHECK(problems.empty());
        CHECK(tally_of(votes, "alpha-tool") == tally(1, 1, "2026-04-03T10:00:00Z"));
    }
    SECTION("the later vote is in the file read last") {
        vote_case c;
        c.add_votes("a.csv", header + "alpha-tool,ann,ship,2026-04-02T10:00:00Z\n");
        c.add_votes("b.csv", header + "alpha-tool,ann,skip,2026-04-03T10:00:00Z\n");
        const auto [votes, problems] = c.load();
        CHECK(problems.empty());
        CHECK(tally_of(votes, "alpha-tool") == tally(1, 0, "2026-04-03T10:00:00Z"));
    }
}

TEST_CASE("re-exported votes that repeat in several files count once", "[unit][votes]") {
    vote_case c;
    const std::string rows = "alpha-tool,ann,ship,2026-04-02T10:00:00Z\nalpha-tool,bob,skip,2026-04-02T11:00:00Z\n";
    c.add_votes("2026-04.csv", header + rows);
    c.add_votes("2026-05.csv", header + rows + "alpha-tool,cy,ship,2026-05-01T09:00:00Z\n");
    const auto [votes, problems] = c.load();
    CHECK(problems.empty());
    CHECK(tally_of(votes, "alpha-tool") == tally(3, 2, "2026-05-01T09:00:00Z"));
}

TEST_CASE("vote times with offsets are compared as instants, not as written", "[unit][votes]") {
    vote_case c;
    // 10:00+02:00 is 08:00 UTC, before 09:00 UTC, though its digits are larger: the skip is the latest.
    c.add_votes("export.csv", header +
                                  "alpha-tool,ann,skip,2026-04-02T09:00:00Z\n"
                                  "alpha-tool,ann,ship,2026-04-02T10:00:00+02:00\n"
                                  // 06:00-05:00 is 11:00 UTC, after 10:30 UTC, though its digits are smaller.
                                  "beta-tool,ann,ship,2026-04-02T06:00:00-05:00\n"
                                  "beta-tool,ann,skip,2026-04-02T10:30:00Z\n");
    const auto [votes, problems] = c.load();
    CHECK(problems.empty());
    CHECK(tally_of(votes, "alpha-tool") == tally(1, 0, "2026-04-02T09:00:00Z"));
    CHECK(tally_of(votes, "beta-tool") == tally(1, 1, "2026-04-02T11:00:00Z"));
}

TEST_CASE("of two votes at the same instant, the one read last counts", "[unit][votes]") {
    SECTION("in one file, the later row") {
        vote_case c;
        c.add_votes("export.csv", header +
                                      "alpha-tool,ann,ship,2026-04-02T10:00:00Z\n"
                                      "alpha-tool,ann,skip,2026-04-02T12:00:00+02:00\n");   // the same instant
        const auto [votes, problems] = c.load();
        CHECK(problems.empty());
        CHECK(tally_of(votes, "alpha-tool") == tally(1, 0, "2026-04-02T10:00:00Z"));
    }
    SECTION("across files, the file whose name sorts last, whatever order the files were written in") {
        vote_case c;
        c.add_votes("b.csv", header + "alpha-tool,ann,ship,2026-04-02T10:00:00Z\n");
        c.add_votes("a.csv", header + "alpha-tool,ann,skip,2026-04-02T10:00:00.000Z\n");
        const auto [votes, problems] = c.load();
        CHECK(problems.empty());
        CHECK(tally_of(votes, "alpha-tool") == tally(1, 1, "2026-04-02T10:00:00Z"));
    }
}

TEST_CASE("votes are counted per tool, and one voter may vote on each tool", "[unit][votes]") {
    vote_case c;
    c.add_votes("export.csv", header +
                                  "alpha-tool,ann,ship,2026-04-02T10:00:00Z\n"
                                  "beta-tool,ann,skip,2026-04-02T10:05:00Z\n"
                                  "beta-tool,bob,skip,2026-04-01T10:00:00Z\n"
                                  "beta-tool,cy,ship,2026-03-30T10:00:00Z\n");
    const auto [votes, problems] = c.load();
    CHECK(problems.empty());
    CHECK(tally_of(votes, "alpha-tool") == tally(1, 1, "2026-04-02T10:00:00Z"));
    CHECK(tally_of(votes, "beta-tool") == tally(3, 1, "2026-04-02T10:05:00Z"));
}

TEST_CASE("a header differing only in case and spaces is accepted; a BOM and CRLF are read", "[unit][votes]") {
    vote_case c;
    c.add_votes("excel.csv", "\xEF\xBB\xBFTool_ID, Voter_ID ,VOTE,Timestamp\r\nalpha-tool,ann, Ship ,2026-04-02T10:00:00Z\r\n"
                             "alpha-tool,bob,SKIP,2026-04-02T11:00:00Z\r\n");
    const auto [votes, problems] = c.load();
    CHECK(problems.empty());
    CHECK(tally_of(votes, "alpha-tool") == tally(2, 1, "2026-04-02T11:00:00Z"));
}

TEST_CASE("each bad row is one problem naming its file and line, and the good rows still count", "[unit][votes]") {
    vote_case c;
    c.add_votes("export.csv", header +                                          // line 1
                                  "alpha-tool,ann,ship,2026-04-02T10:00:00Z\n"   // 2: good
                                  "alpah-tool,bob,ship,2026-04-02T10:00:00Z\n"   // 3: unknown tool
                                  "alpha-tool,cy,maybe,2026-04-02T10:00:00Z\n"   // 4: bad vote
                                  "alpha-tool,dee,ship,2026-04-02T10:00:00\n"    // 5: no time zone
                                  "alpha-tool,eve,ship\n"                        // 6: three columns
                                  "alpha-tool,,ship,2026-04-02T10:00:00Z\n"      // 7: no voter
                                  "alpha-tool,\"fay\"x,ship,2026-04-02T10:00:00Z\n"   // 8: text after a closing quote
                                  "alpha-tool,gus,ship,2026-04-02T10:00:00Z,extra\n"  // 9: five columns
                                  "alpha-tool, ,skip,2026-04-02T10:00:00Z\n"     // 10: a blank voter
                                  "beta-tool,hal,skip,2026-04-03T10:00:00Z\n"    // 11: good
                                  "alpha-tool,ivy,ship,2026-02-30T10:00:00Z\n"   // 12: no such day
                                  "alpha-tool,jo\"e,ship,2026-04-02T10:00:00Z\n"  // 13: a quote inside a field
                                  "alpha-tool,kim,ship,2026-04-04T10:00:00Z\n");  // 14: good
    const auto [votes, problems] = c.load();
    const std::string file = "votes/export.csv";
    const std::string time_expected = "an ISO-8601 timestamp with a time zone, e.g. \"2026-04-02T14:05:00Z\"";
    const std::string columns_expected = "4 columns (tool_id,voter_id,vote,timestamp)";
    REQUIRE(problems.size() == 10);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{file, "line 3", "the id of a catalog tool", "unknown tool \"alpah-tool\"",
                                                             "did you mean \"alpha-tool\"?"});
    CHECK(fields_of(problems[1]) == std::vector<std::string>{file, "line 4", "a vote of \"ship\" or \"skip\"", "\"maybe\"", ""});
    CHECK(fields_of(problems[2]) == std::vector<std::string>{file, "line 5", time_expected, "\"2026-04-02T10:00:00\"", ""});
    CHECK(fields_of(problems[3]) == std::vector<std::string>{file, "line 6", columns_expected, "3 columns", ""});
    CHECK(fields_of(problems[4]) == std::vector<std::string>{file, "line 7", "a voter id", "an empty field", ""});
    CHECK(fields_of(problems[5]) == std::vector<std::string>{file, "line 8", "a CSV row", "text after a closing quote", ""});
    CHECK(fields_of(problems[6]) == std::vector<std::string>{file, "line 9", columns_expected, "5 columns", ""});
    CHECK(fields_of(problems[7]) == std::vector<std::string>{file, "line 10", "a voter id", "an empty field", ""});
    CHECK(fields_of(problems[8]) == std::vector<std::string>{file, "line 12", time_expected, "\"2026-02-30T10:00:00Z\"", ""});
    CHECK(fields_of(problems[9]) == std::vector<std::string>{file, "line 13", "a CSV row", "a quote inside an unquoted field", ""});
    CHECK(tally_of(votes, "alpha-tool") == tally(2, 2, "2026-04-04T10:00:00Z"));
    CHECK(tally_of(votes, "beta-tool") == tally(1, 0, "2026-04-03T10:00:00Z"));
}

TEST_CASE("an unknown tool far from every id gets no suggestion", "[unit][votes]") {
    vote_case c;
    c.add_votes("export.csv", header + "zzz,ann,ship,2026-04-02T10:00:00Z\n");
    const auto [votes, problems] = c.load();
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"votes/export.csv", "line 2", "the id of a catalog tool", "unknown tool \"zzz\"", ""});
    CHECK(votes.by_tool.empty());
}

TEST_CASE("line numbers after a voter id with a quoted line break count both lines", "[unit][votes]") {
    vote_case c;
    c.add_votes("export.csv", header +                                   // line 1
                                  "alpha-tool,\"ann\nsmith\",ship,2026-04-02T10:00:00Z\n"   // lines 2-3
                                  "\n"                                                   // line 4: blank
                                  "alpha-tool,bob,nope,2026-04-02T10:00:00Z\n");       // line 5
    const auto [votes, problems] = c.load();
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"votes/export.csv", "line 5", "a vote of \"ship\" or \"skip\"", "\"nope\"", ""});
    CHECK(tally_of(votes, "alpha-tool") == tally(1, 1, "2026-04-02T10:00:00Z"));
}

TEST_CASE("an unclosed quote is one problem at the line where it opened", "[unit][votes]") {
    vote_case c;
    c.add_votes("export.csv", header + "alpha-tool,ann,ship,2026-04-02T10:00:00Z\nalpha-tool,\"bob,ship,2026-04-02T10:00:00Z\n");
    const auto [votes, problems] = c.load();
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) ==
          std::vector<std::string>{"votes/export.csv", "line 3", "a CSV row", "a quote opened on this line and never closed", ""});
    CHECK(tally_of(votes, "alpha-tool") == tally(1, 1, "2026-04-02T10:00:00Z"));
}

TEST_CASE("a file with another header is refused with one problem, and other files still count", "[unit][votes]") {
    vote_case c;
    c.add_votes("a-other.csv", "tool,voter,vote,time\nalpha-tool,ann,ship,2026-04-02T10:00:00Z\nbeta-tool,ann,nope,x\n");
    c.add_votes("b-good.csv", header + "beta-tool,bob,ship,2026-04-02T10:00:00Z\n");
    const auto [votes, problems] = c.load();
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"votes/a-other.csv", "line 1", "the header \"tool_id,voter_id,vote,timestamp\"",
                                                             "\"tool,voter,vote,time\"", ""});
    CHECK(votes.find("alpha-tool") == nullptr);
    CHECK(tally_of(votes, "beta-tool") == tally(1, 1, "2026-04-02T10:00:00Z"));
}

TEST_CASE("a header with its columns in another order is another header", "[unit][votes]") {
    vote_case c;
    c.add_votes("export.csv", "voter_id,tool_id,vote,timestamp\nann,alpha-tool,ship,2026-04-02T10:00:00Z\n");
    const auto [votes, problems] = c.load();
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"votes/export.csv", "line 1", "the header \"tool_id,voter_id,vote,timestamp\"",
                                                             "\"voter_id,tool_id,vote,timestamp\"", ""});
    CHECK(votes.by_tool.empty());
}

TEST_CASE("a wrong header is shown as read, without the export's line ending or byte-order mark", "[unit][votes]") {
    // Spreadsheet exports end lines with CRLF and often start with a BOM. A CR inside the quoted text sends the
    // terminal's cursor back to the start of the line, so the rest of the message overwrites its beginning; the BOM
    // is invisible. The header should be shown as the CSV reader read it.
    const std::vector<std::string> expected{"votes/export.csv", "line 1", "the header \"tool_id,voter_id,vote,timestamp\"",
                                            "\"tool,voter,vote,time\"", ""};
    SECTION("CRLF") {
        vote_case c;
        c.add_votes("export.csv", "tool,voter,vote,time\r\nalpha-tool,ann,ship,2026-04-02T10:00:00Z\r\n");
        const auto [votes, problems] = c.load();
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].found.find('\r') == std::string::npos);
        CHECK(fields_of(problems[0]) == expected);
    }
    SECTION("a byte-order mark") {
        vote_case c;
        c.add_votes("export.csv", "\xEF\xBB\xBFtool,voter,vote,time\nalpha-tool,ann,ship,2026-04-02T10:00:00Z\n");
        const auto [votes, problems] = c.load();
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].found.find("\xEF\xBB\xBF") == std::string::npos);
        CHECK(fields_of(problems[0]) == expected);
    }
}

TEST_CASE("an empty vote file is refused as having no header", "[unit][votes]") {
    vote_case c;
    c.add_votes("empty.csv", "");
    const auto [votes, problems] = c.load();
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) ==
          std::vector<std::string>{"votes/empty.csv", "line 1", "the header \"tool_id,voter_id,vote,timestamp\"", "an empty file", ""});
    CHECK(votes.by_tool.empty());
}

TEST_CASE("a header with no rows is no votes and no problem", "[unit][votes]") {
    vote_case c;
    c.add_votes("export.csv", header);
    const auto [votes, problems] = c.load();
    CHECK(problems.empty());
    CHECK(votes.by_tool.empty());
}

TEST_CASE("no votes folder means no votes and no problems", "[unit][votes]") {
    vote_case c;
    REQUIRE_FALSE(std::filesystem::exists(c.dir.path() / "votes"));
    const auto [votes, problems] = c.load();
    CHECK(problems.empty());
    CHECK(votes.by_tool.empty());
    CHECK(votes.find("alpha-tool") == nullptr);
}

TEST_CASE("files that are not .csv exports are ignored", "[unit][votes]") {
    vote_case c;
    c.add_votes("README.md", "tool_id,voter_id,vote,timestamp\nalpha-tool,ann,ship,2026-04-02T10:00:00Z\n");
    c.add_votes("notes.txt", "not a vote file at all");
    c.add_votes("export.csv.bak", "garbage\n");
    c.add_votes("export.csv", header + "beta-tool,bob,skip,2026-04-02T10:00:00Z\n");
    const auto [votes, problems] = c.load();
    CHECK(problems.empty());
    CHECK(votes.find("alpha-tool") == nullptr);
    CHECK(tally_of(votes, "beta-tool") == tally(1, 0, "2026-04-02T10:00:00Z"));
}

TEST_CASE("the community score shows a ship percentage only from the minimum number of voters", "[unit][votes]") {
    const community_rules rules{3, 40};
    const community_tally two{2, 2, parse_iso_timestamp("2026-04-02T10:00:00Z")};
    const community_score below = score_community(&two, rules);
    CHECK(below.voters == 2);
    CHECK(below.ship == 2);
    CHECK(below.min_voters == 3);
    CHECK_FALSE(below.ship_pct.has_value());
    CHECK(below.latest_date == std::optional<std::string>("2026-04-02"));

    const community_tally three{3, 2, parse_iso_timestamp("2026-04-02T23:30:00-03:00")};
    const community_score at = score_community(&three, rules);
    CHECK(at.voters == 3);
    CHECK(at.ship == 2);
    CHECK(at.ship_pct == std::optional<int>(67));   // 66.67 rounds up
    CHECK(at.latest_date == std::optional<std::string>("2026-04-03"));   // the UTC date of the instant
}

TEST_CASE("the community percentage rounds half up", "[unit][votes]") {
    const community_rules rules{1, 40};
    auto pct = [&](int voters, int ship) {
        const community_tally t{voters, ship, std::nullopt};
        return score_community(&t, rules).ship_pct;
    };
    CHECK(pct(3, 2) == std::optional<int>(67));
    CHECK(pct(3, 1) == std::optional<int>(33));
    CHECK(pct(8, 1) == std::optional<int>(13));   // 12.5
    CHECK(pct(8, 3) == std::optional<int>(38));   // 37.5
    CHECK(pct(200, 1) == std::optional<int>(1));  // 0.5
    CHECK(pct(4, 0) == std::optional<int>(0));
    CHECK(pct(4, 4) == std::optional<int>(100));
}

TEST_CASE("a tool nobody voted on scores no voters, no percentage and no date", "[unit][votes]") {
    const community_score none = score_community(nullptr, community_rules{10, 40});
    CHECK(none.voters == 0);
    CHECK(none.ship == 0);
    CHECK(none.min_voters == 10);
    CHECK_FALSE(none.ship_pct.has_value());
    CHECK_FALSE(none.latest_date.has_value());
    // Even a minimum of zero voters shows no percentage of nobody.
    CHECK_FALSE(score_community(nullptr, community_rules{0, 40}).ship_pct.has_value());
}

TEST_CASE("loaded votes score as pages show them", "[unit][votes]") {
    vote_case c;
    c.add_votes("export.csv", header +
                                  "alpha-tool,ann,ship,2026-04-02T10:00:00Z\n"
                                  "alpha-tool,bob,ship,2026-04-02T11:00:00Z\n"
                                  "alpha-tool,cy,skip,2026-04-02T23:59:59.999-00:01\n");   // 2026-04-03 00:00:59.999 UTC
    const auto [votes, problems] = c.load();
    CHECK(problems.empty());
    const community_score s = score_community(votes.find("alpha-tool"), community_rules{3, 40});
    CHECK(s.voters == 3);
    CHECK(s.ship == 2);
    CHECK(s.ship_pct == std::optional<int>(67));
    CHECK(s.latest_date == std::optional<std::string>("2026-04-03"));
}

TEST_CASE("a row that is not UTF-8, holds a NUL byte or a time before 1970 is a problem of its line, and the others count", "[unit][votes]") {
    vote_case c;
    c.add_votes("export.csv", header + "alpha-tool,v\xff" "1,ship,2026-04-02T14:05:00Z\n" + std::string("alpha-tool,v") + '\0' + "2,ship,2026-04-02T14:05:00Z\n" +
                                  "alpha-tool,v3,ship,0000-01-01\n"
                                  "alpha-tool,v4,skip,1969-12-31T23:59:59Z\n"
                                  "alpha-tool,v5,ship,1970-01-01T00:00:00Z\n");
    const auto result = c.load();
    REQUIRE(result.problems.size() == 4);
    CHECK(result.problems[0].where == "line 2");
    CHECK(result.problems[0].found == "an ill-formed UTF-8 byte in column 2");
    CHECK(result.problems[1].where == "line 3");
    CHECK(result.problems[1].found == "a NUL byte in column 2");
    CHECK(result.problems[2].expected == "a time from 1970 on");
    CHECK(result.problems[2].found == "\"0000-01-01\"");
    CHECK(result.problems[3].where == "line 5");
    CHECK(tally_of(result.votes, "alpha-tool") == tally(1, 1, "1970-01-01T00:00:00Z"));
}
