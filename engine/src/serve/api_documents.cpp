#include "serve/api_documents.hpp"

#include "explain/score_walk.hpp"
#include "reports/json/explain_json.hpp"
#include "reports/json/review_json.hpp"
#include "reports/json/stats_json.hpp"
#include "reports/page_renderers.hpp"
#include "stats/catalog_stats.hpp"
#include "support/suggest.hpp"

#include <string_view>
#include <vector>

namespace verdict::serve {
namespace {

served_page json_page(unsigned status, std::string body) { return {status, json_type, std::move(body)}; }

served_page not_found(const std::string& what, const std::string& wanted, const std::vector<std::string>& known) {
    const std::string hint = did_you_mean(wanted, known);
    nlohmann::ordered_json error{{"error", "no " + what + " \"" + wanted + "\"" + (hint.empty() ? "" : " (" + hint + ")")}};
    return json_page(404, dump_json(error));
}

// The path's parts after "/api/": "review", "claw-code".
std::vector<std::string> parts_of(std::string_view path) {
    std::vector<std::string> parts;
    while (!path.empty()) {
        const std::size_t slash = path.find('/');
        parts.emplace_back(path.substr(0, slash));
        path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    }
    return parts;
}

}  // namespace

std::optional<served_page> api_document(const site_state& state, const request_target& target, const unseated_reviewer& unseated) {
    constexpr std::string_view prefix = "/api/";
    if (!target.path.starts_with(prefix)) return std::nullopt;
    const std::vector<std::string> parts = parts_of(std::string_view(target.path).substr(prefix.size()));
    if (parts.size() == 1 && parts[0] == "stats") return json_page(200, dump_json(stats_to_json(compute_stats(state.reviews, *state.seats))));
    if (parts.size() == 2 && parts[0] == "review") {
        const tool_review* r = state.find_review(parts[1]);
        if (!r) return not_found("tool", parts[1], state.tools.ids());
        return json_page(200, dump_json(review_to_json(*r)));
    }
    if (parts.size() == 2 && parts[0] == "explain") {
        const tool_review* r = state.find_review(parts[1]);
        if (!r) return not_found("tool", parts[1], state.tools.ids());
        if (!target.query.count("persona")) return json_page(200, dump_json(explanation_to_json(explain(*r, *state.seats))));
        const std::string seat = target.param("persona");
        if (!state.seats->config().find(seat)) return not_found("seat", seat, state.seats->config().seat_ids());
        return json_page(200, dump_json(explanation_to_json(explain(unseated(*r, seat), *state.seats, seat))));
    }
    if (parts.size() == 3 && parts[0] == "compare") {
        const page_tool* left = state.find_page(parts[1]);
        const page_tool* right = state.find_page(parts[2]);
        if (!left || !right) return not_found("tool", left ? parts[2] : parts[1], state.tools.ids());
        if (left == right) return json_page(400, dump_json(nlohmann::ordered_json{{"error", "expected two different tools, found \"" + parts[1] + "\" twice"}}));
        return json_page(200, render_comparison(compose(*left, *right, state.seats->config()), state.site, "json"));
    }
    return json_page(404, dump_json(nlohmann::ordered_json{{"error", "no API document at " + target.path +
                                                                          "; expected /api/review/<id>, /api/explain/<id>?persona=SEAT, "
                                                                          "/api/compare/<a>/<b> or /api/stats"}}));
}

}  // namespace verdict::serve
