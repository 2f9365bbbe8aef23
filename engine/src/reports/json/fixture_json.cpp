#include "reports/json/fixture_json.hpp"

#include "reports/json/explain_json.hpp"
#include "reports/json/review_json.hpp"

namespace verdict {

using json = nlohmann::ordered_json;

json fixture_run_to_json(const std::vector<std::unique_ptr<fixture_outcome>>& outcomes) {
    json fixtures = json::array();
    std::size_t expectations = 0;
    std::size_t misses = 0;
    for (const auto& o : outcomes) {
        json checks = json::array();
        for (const expectation_check& c : o->checks) {
            checks.push_back({{"subject", c.subject},
                              {"pointer", c.pointer},
                              {"expected", c.expected},
                              {"found", c.found},
                              {"holds", c.holds},
                              {"receipt", c.receipt ? walk_to_json(*c.receipt) : json(nullptr)}});
            ++expectations;
            misses += !c.holds;
        }
        fixtures.push_back({{"file", o->from->file},
                            {"pointer", o->from->pointer},
                            {"name", o->name()},
                            {"tool", o->review.subject->id},
                            {"inline", o->from->inline_tool.has_value()},
                            {"panel", panel_to_json(o->review.verdict)},
                            {"checks", checks}});
    }
    return {{"counts", {{"fixtures", outcomes.size()}, {"expectations", expectations}, {"held", expectations - misses}, {"missed", misses}}},
            {"fixtures", fixtures}};
}

}  // namespace verdict
