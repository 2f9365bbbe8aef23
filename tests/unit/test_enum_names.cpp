// The SDK's enum spellings (verdict::enum_names in tool.hpp) against the enum
// lists of catalog/schema/tool.schema.json, read from the source tree at test
// time: the decoder maps a value to an enum by its index in the SDK table, so
// a value added, removed or reordered on one side only would decode wrongly.
#include "support/paths.hpp"
#include "verdict/tool.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

using namespace verdict;
using json = nlohmann::json;

namespace {

json tool_schema_file() {
    std::ifstream in(test::source_dir() / "catalog" / "schema" / "tool.schema.json");
    REQUIRE(in);
    return json::parse(in);
}

// The pointer of every "enum" list in the schema, wherever it sits.
void collect_enum_pointers(const json& node, const std::string& pointer, std::vector<std::string>& out) {
    if (!node.is_object()) return;
    for (const auto& [key, value] : node.items()) {
        if (key == "enum") out.push_back(pointer + "/enum");
        else collect_enum_pointers(value, pointer + "/" + key, out);
    }
}

// Checks that E's names equal the schema's list at `pointer`, in order, and that name_of agrees; returns the pointer.
template <class E> std::string check_enum(const json& schema, const std::string& pointer) {
    INFO("enum at " << pointer);
    const json& listed = schema.at(json::json_pointer(pointer));
    const auto& names = enum_names<E>::values;
    const std::vector<std::string> sdk(names.begin(), names.end());
    CHECK(listed.get<std::vector<std::string>>() == sdk);
    for (std::size_t i = 0; i < names.size(); ++i) CHECK(name_of(static_cast<E>(i)) == names[i]);
    return pointer;
}

}  // namespace

TEST_CASE("every SDK enum spells its values exactly as the tool schema lists them, in the same order", "[unit][enums]") {
    const json schema = tool_schema_file();
    std::vector<std::string> checked{
        check_enum<tool_kind>(schema, "/properties/kind/enum"),
        check_enum<entry_price>(schema, "/properties/pricing/properties/entry/enum"),
        check_enum<commercial_terms>(schema, "/$defs/commercial_use/enum"),
        check_enum<release_stage>(schema, "/properties/availability/enum"),
        check_enum<examples_quality>(schema, "/properties/examples/enum"),
        check_enum<deployment_target>(schema, "/properties/deployment/items/enum"),
        check_enum<lock_in_level>(schema, "/properties/lock_in/enum"),
        check_enum<risk_level>(schema, "/properties/risks/properties/legal/enum"),
        check_enum<evidence_kind>(schema, "/$defs/evidence/enum"),
        check_enum<revenue_kind>(schema, "/properties/market/properties/revenue_model/enum"),
        check_enum<dependency_health>(schema, "/$defs/dependency_status/enum"),
        check_enum<trend_timing>(schema, "/properties/thesis/properties/timing/enum"),
        check_enum<audience_kind>(schema, "/properties/audience/items/enum")};

    // A new enum list in the schema needs an SDK enum (and a line above) before the decoder can read it.
    std::vector<std::string> in_schema;
    collect_enum_pointers(schema, "", in_schema);
    std::sort(checked.begin(), checked.end());
    std::sort(in_schema.begin(), in_schema.end());
    CHECK(in_schema == checked);
}

TEST_CASE("name_of gives the catalog spelling of a value", "[unit][enums]") {
    CHECK(name_of(lock_in_level::none) == "none");
    CHECK(name_of(entry_price::usage_based) == "usage_based");
    CHECK(name_of(revenue_kind::open_core) == "open_core");
    CHECK(name_of(audience_kind::ml_engineers) == "ml_engineers");
}
