// The search data is a script, not a JSON file: a page opened from file://
// may not fetch a file beside it, but it may run one its policy allows.
#include "reports/site_files/site_files.hpp"

#include "compare/page_wording.hpp"
#include "reports/site_layout.hpp"

#include <nlohmann/json.hpp>

namespace verdict {
namespace {

using json = nlohmann::json;

std::string figures_of(const site_index::entry& e) {
    std::string line = "Panel ship " + panel_pct_text(e.left->review->verdict) + " against " + panel_pct_text(e.right->review->verdict) + " · ";
    if (!e.choice.winner) return line + "a tie";
    return line + "the pick: " + (*e.choice.winner == 0 ? e.left : e.right)->name_in_text();
}

// Only what a one-tool batch cannot change without remaking the whole site (its name, category and verdict): the
// search data is made with the index, which such a run leaves as it was.
std::string line_of(const page_tool& t) { return category_title_of(t.subject().category) + " · panel ship " + panel_pct_text(t.review->verdict); }

}  // namespace

std::string render_search_data(const site_index& index) {
    // Written entry by entry: a site of 50,000 comparisons held as one JSON tree would take several times its text.
    std::string out = "window.verdictSearch = [";
    out.reserve(out.size() + 128 * (index.categories.size() + index.comparisons.size() + index.tools.size()));
    bool first = true;
    auto add = [&](std::string_view kind, const std::string& title, const std::string& line, const std::string& path) {
        out += first ? "\n" : ",\n";
        first = false;
        out += json::array({kind, title, line, path}).dump(-1, ' ', false, json::error_handler_t::replace);
    };
    for (const site_index::category& c : index.categories)
        add("category", category_title(c), category_counts(c.tools.size(), c.comparisons.size()), category_page_path(c.slug, "html"));
    for (const site_index::entry& e : index.comparisons)
        add("comparison", e.left->name_in_text() + " vs " + e.right->name_in_text(), figures_of(e), comparison_page_path(e.slug(), "html"));
    for (const page_tool* t : index.tools) add("tool", t->name_in_text(), line_of(*t), tool_page_path(t->subject().id, "html"));
    out += "\n];\n";
    return out;
}

}  // namespace verdict
