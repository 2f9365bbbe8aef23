// Every sentence of every stock persona's quote stands on something, and says
// nothing its facts contradict. The real program explains every review of the
// shipped catalog and of a generated catalog of 2,000 tools (every fact present
// in some tools and absent in others); for each sentence the audit checks that
// it names a source, that each rule it names was weighed in that review, that
// each fact it names is in the tool's file, and that phrases which assert a
// fact ("rests on the vendor's word", "the first-ten-minutes test", "free to
// start", ...) appear only where the tool's facts say so. It also checks that
// a quote opens on the fired rule that moved its score most.
#include "support/generated_catalog.hpp"
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The values a dotted fact name reaches in a tool document, through lists: "claims.evidence" reaches every claim's
// evidence. Empty when the tool does not state the fact.
std::vector<json> values_at(const json& tool, const std::string& fact) {
    std::vector<json> current{tool};
    std::stringstream parts(fact);
    for (std::string part; std::getline(parts, part, '.');) {
        std::vector<json> next;
        for (const json& value : current) {
            if (value.is_array()) {
                for (const json& item : value)
                    if (item.is_object() && item.contains(part)) next.push_back(item.at(part));
            } else if (value.is_object() && value.contains(part)) {
                next.push_back(value.at(part));
            }
        }
        current = std::move(next);
    }
    return current;
}

bool holds(const json& tool, const std::string& fact) { return !values_at(tool, fact).empty(); }

bool has_value(const json& tool, const std::string& fact, const json& wanted) {
    for (const json& value : values_at(tool, fact))
        if (value == wanted || (value.is_array() && std::find(value.begin(), value.end(), wanted) != value.end())) return true;
    return false;
}

// The evidence kinds of each claim whose text the sentence quotes (one kind or a list, as the schema allows); a
// catalog may state the same claim twice.
std::vector<std::vector<std::string>> evidence_of_claims_in(const json& tool, const std::string& sentence) {
    std::vector<std::vector<std::string>> found;
    for (const json& claim : tool.value("claims", json::array())) {
        if (sentence.find(claim.at("text").get<std::string>()) == std::string::npos || !claim.contains("evidence")) continue;
        const json& e = claim.at("evidence");
        found.push_back(e.is_array() ? e.get<std::vector<std::string>>() : std::vector<std::string>{e.get<std::string>()});
    }
    return found;
}

// Whether some claim the sentence quotes has evidence of one of `wanted` kinds (or, with `none_of`, has none of them).
bool claim_evidence(const json& tool, const std::string& sentence, std::initializer_list<const char*> wanted, bool none_of = false) {
    for (const auto& kinds : evidence_of_claims_in(tool, sentence)) {
        const bool any = std::any_of(kinds.begin(), kinds.end(), [&](const std::string& k) {
            return std::find_if(wanted.begin(), wanted.end(), [&](const char* w) { return k == w; }) != wanted.end();
        });
        if (any != none_of) return true;
    }
    return false;
}

// A phrase that asserts something about the tool, and what the tool's facts must say for a sentence to use it.
struct assertion {
    const char* phrase;
    std::function<bool(const json& tool, const std::string& sentence)> supported;
};

const std::vector<assertion>& assertions() {
    static const std::vector<assertion> all{
        {"rests on the vendor's word",
         [](const json& t, const std::string& s) { return claim_evidence(t, s, {"independent", "documented", "code"}, true); }},
        {"backed by code", [](const json& t, const std::string& s) { return claim_evidence(t, s, {"code"}); }},
        {"documented", [](const json& t, const std::string& s) { return claim_evidence(t, s, {"documented"}); }},
        {"independently verified", [](const json& t, const std::string& s) { return claim_evidence(t, s, {"independent"}); }},
        {"self-reported",
         [](const json& t, const std::string& s) { return claim_evidence(t, s, {"self_reported"}) || has_value(t, "benchmarks.self_reported", true); }},
        {"first-ten-minutes",
         [](const json& t, const std::string&) {
             return holds(t, "setup.api_key") || holds(t, "setup.env_vars") || holds(t, "setup.steps") || holds(t, "setup.first_run") ||
                    holds(t, "integrations") || holds(t, "examples");
         }},
        {"No API key", [](const json& t, const std::string&) { return has_value(t, "setup.api_key", false); }},
        {"no environment variables", [](const json& t, const std::string&) { return has_value(t, "setup.env_vars", 0); }},
        {"You need an API key", [](const json& t, const std::string&) { return has_value(t, "setup.api_key", true); }},
        {"It is open source", [](const json& t, const std::string&) { return has_value(t, "licence.open_source", true); }},
        {"The weights are yours", [](const json& t, const std::string&) { return has_value(t, "licence.open_weights", true); }},
        {"no commercial use", [](const json& t, const std::string&) { return has_value(t, "licence.commercial_use", "forbidden"); }},
        {"says no to commercial use", [](const json& t, const std::string&) { return has_value(t, "licence.commercial_use", "forbidden"); }},
        {"GitHub stars", [](const json& t, const std::string&) { return holds(t, "traction.github_stars"); }},
        {"It is free to start", [](const json& t, const std::string&) { return has_value(t, "pricing.entry", "free") || has_value(t, "pricing.entry", "freemium"); }},
        {"There is a price of entry", [](const json& t, const std::string&) { return !has_value(t, "pricing.entry", "free") && !has_value(t, "pricing.entry", "freemium"); }},
        {"hardware you already have", [](const json& t, const std::string&) { return has_value(t, "deployment", "local") || has_value(t, "deployment", "on_device"); }},
        {"is a real problem, and this solves it", [](const json& t, const std::string&) { return has_value(t, "problem.solved", true); }},
        {"with those risks priced in",
         [](const json& t, const std::string&) {
             return has_value(t, "risks.legal", "high") || has_value(t, "risks.legal", "medium") || holds(t, "risks.threat") ||
                    holds(t, "claims.breaks_at") || has_value(t, "licence.commercial_use", "forbidden");
         }},
        {"could not replicate it on a weekend", [](const json& t, const std::string&) { return has_value(t, "hard_to_replicate", true); }},
        {"An immediate upgrade", [](const json& t, const std::string&) { return holds(t, "predecessor.improvement"); }},
        {"no integrations are listed", [](const json& t, const std::string&) { return !holds(t, "integrations") || t.at("integrations").empty(); }},
        {"made for creative work", [](const json& t, const std::string&) { return has_value(t, "audience", "creators"); }},
        {"There is no upgrade path", [](const json& t, const std::string&) { return has_value(t, "market.upgrade_path", false); }},
        {"no revenue attached", [](const json& t, const std::string&) { return has_value(t, "market.revenue_model", "none"); }},
    };
    return all;
}

struct audit {
    std::size_t reviews = 0;
    std::size_t sentences = 0;
    std::map<std::string, std::size_t> phrases_seen;   // so a test can tell the assertions were exercised
};

// How far a fired rule pulled the score toward the verdict: its points for a ship, minus them for a skip.
double pull(const json& rule, const std::string& verdict) {
    const double points = rule.at("points").get<double>();
    return verdict == "ship" ? points : -points;
}

bool cites(const json& sentence, const std::string& rule) {
    const json& rules = sentence.at("rules");
    return std::find(rules.begin(), rules.end(), rule) != rules.end();
}

// A quote opens on the strongest reason: among the fired rules that pulled toward the verdict and that a sentence
// other than the closing one stands on, the first sentence stands on one of the strongest.
void check_lead(const json& seat) {
    const std::string verdict = seat.at("verdict");
    const json& sentences = seat.at("sentences");
    if ((verdict != "ship" && verdict != "skip") || sentences.size() < 2) return;
    double best = 0;
    for (const json& rule : seat.at("rules")) {
        if (rule.at("fired") != true || rule.at("rule") == "clamp" || pull(rule, verdict) <= 0) continue;
        for (std::size_t i = 0; i + 1 < sentences.size(); ++i)
            if (cites(sentences[i], rule.at("rule"))) best = std::max(best, pull(rule, verdict));
    }
    if (best == 0) return;
    bool leads = false;
    for (const json& rule : seat.at("rules"))
        if (rule.at("fired") == true && pull(rule, verdict) == best && cites(sentences.front(), rule.at("rule"))) leads = true;
    INFO("strongest pull " << best << "; first sentence: " << sentences.front().dump());
    CHECK(leads);
}

void check_sentence(const json& tool, const json& seat, const json& sentence, audit& seen) {
    const std::string text = sentence.at("text");
    INFO("sentence: " << sentence.dump());
    CHECK_FALSE((sentence.at("rules").empty() && sentence.at("facts").empty()));
    for (const json& rule : sentence.at("rules")) {
        const json& weighed = seat.at("rules");
        CHECK(std::any_of(weighed.begin(), weighed.end(), [&](const json& r) { return r.at("rule") == rule; }));
    }
    if (seat.at("verdict") != "abstain")   // an abstention names the facts it found missing
        for (const json& fact : sentence.at("facts")) {
            INFO("fact " << fact);
            CHECK(holds(tool, fact.get<std::string>()));
        }
    if (seat.at("verdict") == "abstain") return;   // it says what is missing, which asserts nothing
    for (const assertion& a : assertions()) {
        if (text.find(a.phrase) == std::string::npos) continue;
        ++seen.phrases_seen[a.phrase];
        INFO("phrase \"" << a.phrase << "\" is not what the tool's facts say");
        CHECK(a.supported(tool, text));
    }
}

// Audits every seat of every tool of `catalog_dir` as `verdict explain --all` gives them.
audit audit_catalog(const fs::path& catalog_dir) {
    const auto run = verdict::test::run_verdict({"explain", "--all", "--format", "json", "--catalog", catalog_dir.string()});
    REQUIRE(run.exit_code == 0);
    audit seen;
    for (const json& explained : json::parse(run.out)) {
        const std::string id = explained.at("tool").at("id");
        const json tool = json::parse(verdict::test::read_file(catalog_dir / "tools" / (id + ".json")));
        for (const json& seat : explained.at("seats")) {
            INFO(id << " / " << seat.at("seat").get<std::string>());
            ++seen.reviews;
            REQUIRE_FALSE(seat.at("sentences").empty());
            for (const json& sentence : seat.at("sentences")) {
                ++seen.sentences;
                check_sentence(tool, seat, sentence, seen);
            }
            check_lead(seat);
        }
    }
    return seen;
}

}  // namespace

TEST_CASE("every sentence of every stock quote on the shipped catalog has a source, and none contradicts a fact", "[cli][quotes]") {
    const audit seen = audit_catalog(verdict::test::stock_catalog());
    CHECK(seen.reviews == 20);   // five tools, four seats each
    CHECK(seen.sentences > 100);

    // The sentences are the quote: joined, they are what verdict review prints.
    const auto review = verdict::test::run_verdict({"review", "--all", "--format", "json"});
    for (const json& tool : json::parse(review.out))
        for (const json& r : tool.at("reviews")) {
            std::string joined;
            for (const json& sentence : r.at("sentences")) joined += (joined.empty() ? "" : " ") + sentence.at("text").get<std::string>();
            CHECK(joined == r.at("quote"));
        }
}

TEST_CASE("every sentence of every stock quote on a generated catalog of 2,000 tools has a source, and none contradicts a fact",
          "[cli][quotes]") {
    verdict::test::temp_dir dir;
    verdict::test::generate_catalog(dir.path(), 2000, 12, 18);
    const audit seen = audit_catalog(dir.path());
    CHECK(seen.reviews > 2000 * 3);   // tools with their own seats have fewer than four
    // Every phrase the audit knows turns up, so none of its checks is idle.
    for (const assertion& a : assertions()) {
        INFO(a.phrase);
        CHECK(seen.phrases_seen.count(a.phrase) == 1);
    }
}
