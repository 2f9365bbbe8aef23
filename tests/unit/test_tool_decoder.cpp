// The tool decoder maps every fact of the tool schema into verdict::tool.
// The test document states every property the schema defines (a check below
// keeps it that way as the schema grows), with enum values away from index 0,
// so a field the decoder forgets, or a default it leaves in place, shows up.
#include "catalog/tool_decoder.hpp"
#include "json/schemas.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace verdict;
using json = nlohmann::json;

namespace {

// "steps" is written 3.0: the schema accepts it as an integer, so the decoder must too.
const char* const full_tool_text = R"({
  "id": "full-tool", "name": "Full Tool", "vendor": "Example Labs", "category": "Developer Tools",
  "tagline": "Every fact at once", "description": "A tool that states every fact the schema knows.", "updated": "2026-04-14",
  "kind": "framework", "primitive": "a streaming parser", "availability": "beta",
  "dx_bet": "one call replaces a parser stack", "hard_to_replicate": true,
  "predecessor": {"name": "Full Tool 1", "improvement": "a 40x memory reduction"},
  "supports": [{"name": "JSON", "day_zero": true}, {"name": "YAML"}],
  "track_record": "ten years of releases", "differentiator": "streaming by default",
  "pricing": {"entry": "usage_based", "notes": "pay per token"},
  "licence": {"name": "MIT licence", "open_weights": false, "open_source": true, "commercial_use": "restricted"},
  "distribution": ["npm", "PyPI"], "integrations": ["vLLM", "llama.cpp"],
  "setup": {"api_key": true, "env_vars": 2, "steps": 3.0, "first_run": "full init", "spares": "a build step"},
  "examples": "pseudocode", "deployment": ["on_device", "cloud"], "lock_in": "high", "performance": "a fast core",
  "benchmarks": {"names": ["MMLU", "HumanEval"], "self_reported": true, "methodology_published": false},
  "claims": [{"text": "fast starts", "evidence": "self_reported", "breaks_at": "past 1 GB", "holds_for": "files under 1 GB"},
             {"text": "small", "evidence": ["self_reported", "code"]}, {"text": "safe"}],
  "problem": {"statement": "slow parsing", "solved": false},
  "risks": {"legal": "medium", "legal_notes": "a patent claim", "threat": "the standard library"},
  "competitors": [{"name": "Other Parser", "open_weights": true, "commercial_use": "forbidden", "note": "slower"}, {"name": "Third"}],
  "market": {"buyer": "platform teams", "budget_line": "infrastructure", "revenue_model": "open_core",
             "moat": "the plugin ecosystem", "expansion": "a hosted tier", "upgrade_path": true,
             "strategy": "free parsing sells hosting", "alternative": "writing a parser", "value": "time saved"},
  "thesis": {"statement": "parsing moves to the edge", "falsifiable": true, "dependency": "cheap devices",
             "dependency_status": "failing", "second_order": "servers get simpler", "timing": "late",
             "dependencies": [{"text": "cheap devices", "status": "failing"}, {"text": "fast networks"}], "next": "edge-first formats"},
  "audience": ["ml_engineers", "hobbyists"], "audience_note": "data teams", "ecosystem": ["plugins", "themes"],
  "traction": {"github_stars": 99999999, "note": "in a year", "becoming": "the default parser"},
  "seats": ["developer", "business"]
})";

// Every property pointer the schema defines, into nested objects and the first item of lists.
void collect_properties(const json& schema, const std::string& pointer, std::vector<std::string>& out) {
    if (schema.contains("properties"))
        for (const auto& [name, sub] : schema.at("properties").items()) {
            out.push_back(pointer + "/" + name);
            collect_properties(sub, pointer + "/" + name, out);
        }
    if (schema.contains("items")) collect_properties(schema.at("items"), pointer + "/0", out);
}

}  // namespace

TEST_CASE("the full test document is schema-valid and states every property of the schema", "[unit][decoder]") {
    const json document = json::parse(full_tool_text);
    problem_list problems;
    tool_schema().validate(document, "full-tool.json", problems);
    for (const problem& p : problems) FAIL_CHECK(to_string(p));
    std::vector<std::string> pointers;
    collect_properties(json::parse(tool_schema_text()), "", pointers);
    CHECK(pointers.size() > 60);
    for (const std::string& pointer : pointers) {
        INFO(pointer);
        CHECK(document.contains(json::json_pointer(pointer)));
    }
}

TEST_CASE("a document with every fact decodes every field", "[unit][decoder]") {
    const tool t = decode_tool(json::parse(full_tool_text));
    CHECK(t.id == "full-tool");
    CHECK(t.name == "Full Tool");
    CHECK(t.vendor == "Example Labs");
    CHECK(t.category == "Developer Tools");
    CHECK(t.tagline == "Every fact at once");
    CHECK(t.description == "A tool that states every fact the schema knows.");
    CHECK(t.updated == "2026-04-14");
    CHECK(t.kind == tool_kind::framework);
    CHECK(t.primitive == "a streaming parser");
    CHECK(t.dx_bet == "one call replaces a parser stack");
    CHECK(t.hard_to_replicate == true);
    REQUIRE(t.predecessor);
    CHECK(t.predecessor->name == "Full Tool 1");
    CHECK(t.predecessor->improvement == "a 40x memory reduction");
    REQUIRE(t.supports);
    REQUIRE(t.supports->size() == 2);
    CHECK((*t.supports)[0].name == "JSON");
    CHECK((*t.supports)[0].day_zero == true);
    CHECK((*t.supports)[1].name == "YAML");
    CHECK_FALSE((*t.supports)[1].day_zero);
    CHECK(t.track_record == "ten years of releases");
    CHECK(t.differentiator == "streaming by default");
    CHECK(t.audience_note == "data teams");
    CHECK(t.setup.spares == "a build step");
    CHECK(t.traction.becoming == "the default parser");
    CHECK(t.availability == release_stage::beta);
    CHECK(t.pricing.entry == entry_price::usage_based);
    CHECK(t.pricing.notes == "pay per token");
    CHECK(t.licence.name == "MIT licence");
    CHECK(t.licence.open_weights == false);
    CHECK(t.licence.open_source == true);
    CHECK(t.licence.commercial_use == commercial_terms::restricted);
    CHECK(t.distribution == std::vector<std::string>{"npm", "PyPI"});
    CHECK(t.integrations == std::vector<std::string>{"vLLM", "llama.cpp"});
    CHECK(t.setup.api_key == true);
    CHECK(t.setup.env_vars == 2);
    CHECK(t.setup.steps == 3);
    CHECK(t.setup.first_run == "full init");
    CHECK(t.examples == examples_quality::pseudocode);
    CHECK(t.deployment == std::vector<deployment_target>{deployment_target::on_device, deployment_target::cloud});
    CHECK(t.lock_in == lock_in_level::high);
    CHECK(t.performance == "a fast core");
    REQUIRE(t.benchmarks);
    CHECK(t.benchmarks->names == std::vector<std::string>{"MMLU", "HumanEval"});
    CHECK(t.benchmarks->self_reported == true);
    CHECK(t.benchmarks->methodology_published == false);
    CHECK(t.problem.statement == "slow parsing");
    CHECK(t.problem.solved == false);
    CHECK(t.risks.legal == risk_level::medium);
    CHECK(t.risks.legal_notes == "a patent claim");
    CHECK(t.risks.threat == "the standard library");
    CHECK(t.audience == std::vector<audience_kind>{audience_kind::ml_engineers, audience_kind::hobbyists});
    CHECK(t.ecosystem == std::vector<std::string>{"plugins", "themes"});
    CHECK(t.traction.github_stars == 99999999);
    CHECK(t.traction.note == "in a year");
    CHECK(t.seats == std::vector<std::string>{"developer", "business"});
}

TEST_CASE("lists of claims and competitors decode item by item, keeping absent facts absent", "[unit][decoder]") {
    const tool t = decode_tool(json::parse(full_tool_text));
    REQUIRE(t.claims);
    REQUIRE(t.claims->size() == 3);
    CHECK((*t.claims)[0].text == "fast starts");
    CHECK((*t.claims)[0].evidence == std::vector{evidence_kind::self_reported});
    CHECK((*t.claims)[0].breaks_at == "past 1 GB");
    CHECK((*t.claims)[0].holds_for == "files under 1 GB");
    CHECK((*t.claims)[1].text == "small");
    CHECK((*t.claims)[1].evidence == std::vector{evidence_kind::self_reported, evidence_kind::code});
    CHECK((*t.claims)[1].backed());
    CHECK((*t.claims)[2].text == "safe");
    CHECK((*t.claims)[2].evidence.empty());
    CHECK_FALSE((*t.claims)[2].breaks_at.has_value());
    REQUIRE(t.competitors);
    REQUIRE(t.competitors->size() == 2);
    CHECK((*t.competitors)[0].name == "Other Parser");
    CHECK((*t.competitors)[0].open_weights == true);
    CHECK((*t.competitors)[0].commercial_use == commercial_terms::forbidden);
    CHECK((*t.competitors)[0].note == "slower");
    CHECK((*t.competitors)[1].name == "Third");
    CHECK_FALSE((*t.competitors)[1].open_weights.has_value());
    CHECK_FALSE((*t.competitors)[1].commercial_use.has_value());
}

TEST_CASE("the market and thesis groups decode every field", "[unit][decoder]") {
    const tool t = decode_tool(json::parse(full_tool_text));
    CHECK(t.market.buyer == "platform teams");
    CHECK(t.market.budget_line == "infrastructure");
    CHECK(t.market.revenue_model == revenue_kind::open_core);
    CHECK(t.market.moat == "the plugin ecosystem");
    CHECK(t.market.expansion == "a hosted tier");
    CHECK(t.market.upgrade_path == true);
    CHECK(t.market.strategy == "free parsing sells hosting");
    CHECK(t.market.alternative == "writing a parser");
    CHECK(t.market.value == "time saved");
    CHECK(t.thesis.statement == "parsing moves to the edge");
    CHECK(t.thesis.falsifiable == true);
    CHECK(t.thesis.dependency == "cheap devices");
    CHECK(t.thesis.dependency_status == dependency_health::failing);
    CHECK(t.thesis.second_order == "servers get simpler");
    CHECK(t.thesis.timing == trend_timing::late);
    REQUIRE(t.thesis.dependencies);
    REQUIRE(t.thesis.dependencies->size() == 2);
    CHECK((*t.thesis.dependencies)[0].text == "cheap devices");
    CHECK((*t.thesis.dependencies)[0].status == dependency_health::failing);
    CHECK((*t.thesis.dependencies)[1].text == "fast networks");
    CHECK_FALSE((*t.thesis.dependencies)[1].status);
    CHECK(t.thesis.next == "edge-first formats");
}

TEST_CASE("a minimal tool, without a vendor, decodes its identity and leaves every other fact absent", "[unit][decoder]") {
    json document = test::minimal_tool("bare-tool");
    document["pricing"]["entry"] = "freemium";
    document.erase("vendor");
    const tool t = decode_tool(document);
    CHECK(t.id == "bare-tool");
    CHECK(t.name == "Bare Tool");
    CHECK(t.pricing.entry == entry_price::freemium);
    CHECK_FALSE(t.kind);
    CHECK_FALSE(t.primitive);
    CHECK_FALSE(t.vendor);
    CHECK_FALSE((t.dx_bet || t.hard_to_replicate || t.predecessor || t.supports || t.track_record || t.differentiator ||
                 t.audience_note || t.setup.spares || t.traction.becoming));
    CHECK_FALSE((t.market.strategy || t.market.alternative || t.market.value || t.thesis.dependencies || t.thesis.next));
    CHECK_FALSE(t.availability);
    CHECK_FALSE(t.pricing.notes);
    CHECK_FALSE((t.licence.name || t.licence.open_weights || t.licence.open_source || t.licence.commercial_use));
    CHECK_FALSE((t.distribution || t.integrations || t.examples || t.deployment || t.lock_in || t.performance));
    CHECK_FALSE((t.setup.api_key || t.setup.env_vars || t.setup.steps || t.setup.first_run));
    CHECK_FALSE((t.benchmarks || t.claims || t.competitors || t.audience || t.ecosystem));
    CHECK_FALSE((t.problem.statement || t.problem.solved));
    CHECK_FALSE((t.risks.legal || t.risks.legal_notes || t.risks.threat));
    CHECK_FALSE((t.market.buyer || t.market.budget_line || t.market.revenue_model || t.market.moat || t.market.expansion ||
                 t.market.upgrade_path));
    CHECK_FALSE((t.thesis.statement || t.thesis.falsifiable || t.thesis.dependency || t.thesis.dependency_status ||
                 t.thesis.second_order || t.thesis.timing));
    CHECK_FALSE((t.traction.github_stars || t.traction.note));
    CHECK(t.seats.empty());
}

TEST_CASE("a present but empty list decodes as present and empty, not absent", "[unit][decoder]") {
    json document = test::minimal_tool("t");
    document["claims"] = json::array();
    document["benchmarks"] = json::object();
    const tool t = decode_tool(document);
    REQUIRE(t.claims);
    CHECK(t.claims->empty());
    REQUIRE(t.benchmarks);
    CHECK(t.benchmarks->names.empty());
    CHECK_FALSE(t.benchmarks->self_reported);
}

TEST_CASE("an enum spelling outside the SDK's table is refused rather than guessed", "[unit][decoder]") {
    json document = test::minimal_tool("t");
    document["lock_in"] = "total";
    CHECK_THROWS_AS(decode_tool(document), std::invalid_argument);
}
