// The JSON pages carry the same facts as the HTML and Markdown pages, plus the
// machine names of every state, so a consumer never parses a sentence. Absent
// values are null, never missing keys, as in the review documents.
#include "reports/json/comparison_json.hpp"

#include "compare/page_wording.hpp"
#include "compare/pick_rule.hpp"
#include "reports/json/history_json.hpp"
#include "reports/json/review_json.hpp"
#include "reports/number_format.hpp"
#include "reports/site_layout.hpp"

#include <unordered_map>

namespace verdict {
namespace {

using json = nlohmann::ordered_json;

json community_summary(const page_tool& t) {
    return {{"ship_pct", or_null(t.community.ship_pct)},
            {"voters", t.community.voters},
            {"ship", t.community.ship},
            {"min_voters", t.community.min_voters},
            {"latest_vote_date", or_null(t.community.latest_date)},
            {"gap_points", or_null(t.community_gap)},
            {"sharp_disagreement", t.sharp_disagreement}};
}

json pricing_summary(const page_tool& p) {
    const tool& t = p.subject();
    if (p.unreadable())
        return {{"entry", nullptr}, {"entry_label", nullptr}, {"notes", nullptr}, {"licence", nullptr}, {"commercial_use", nullptr}};
    return {{"entry", name_of(t.pricing.entry)},
            {"entry_label", entry_label(t.pricing.entry)},
            {"notes", or_null(t.pricing.notes)},
            {"licence", licence_label(t)},
            {"commercial_use", t.licence.commercial_use ? json(name_of(*t.licence.commercial_use)) : json(nullptr)}};
}

json changes_of(const page_tool& p) {
    json out = json::array();
    for (const recorded_change& c : p.changes) out.push_back(change_to_json(c));
    return out;
}

json tool_summary(const page_tool& p) {
    const tool& t = p.subject();
    const tool_review& r = *p.review;
    json out = {{"id", t.id},
                {"name", t.name},
                {"vendor", fact_or_null(r, t.vendor)},
                {"category", category_or_null(r)},
                {"tagline", fact_or_null(r, t.tagline)},
                {"description", fact_or_null(r, t.description)},
                {"updated", fact_or_null(r, t.updated)},
                {"panel", panel_to_json(r.verdict)},
                {"community", community_summary(p)},
                {"pricing", pricing_summary(p)},
                {"changes", changes_of(p)}};
    add_problems(out, r);
    return out;
}

}  // namespace

json tool_page_to_json(const page_tool& p, const site_links& links) {
    const tool& t = p.subject();
    const tool_review& r = *p.review;
    json comparisons = json::array();
    for (const site_links::comparison_link& c : links.comparisons_of(t.id))
        comparisons.push_back({{"with", c.partner->id}, {"path", comparison_page_path(c.slug, "json")}});
    const auto category = links.category(t.category);
    json document = review_to_json(r);
    document["page"] = {{"tagline", fact_or_null(r, t.tagline)},
                        {"description", fact_or_null(r, t.description)},
                        {"updated", fact_or_null(r, t.updated)},
                        {"pricing", pricing_summary(p)},
                        {"community", community_summary(p)},
                        {"category_page", category ? json(category_page_path(category->slug, "json")) : json(nullptr)},
                        {"comparisons", std::move(comparisons)},
                        {"changes", changes_of(p)}};
    return document;
}

namespace {

json cell_to_json(const scorecard_cell& cell) {
    const seat_review* s = cell.review;
    const bool reviewed = s && s->result;
    return {{"seat", cell.seat},
            {"state", name_of(cell.state)},
            {"persona_name", s ? json(s->persona_name) : json(nullptr)},
            {"persona_version", s ? json(s->persona_version) : json(nullptr)},
            {"score", reviewed ? json_number(s->result->score) : json(nullptr)},
            {"threshold", s && s->threshold ? json_number(*s->threshold) : json(nullptr)},
            {"quote", reviewed ? json(s->result->quote) : json(nullptr)},
            {"error", s && !s->result ? json(s->failure) : json(nullptr)}};
}

json scorecard_to_json(const comparison& c) {
    json rows = json::array();
    for (const scorecard_row& row : c.scorecard)
        rows.push_back({{"seat", row.paired() ? json(nullptr) : json(row.cells[0].seat)},
                        {"title", row_title(row)},
                        {"disagree", row.disagree},
                        {"cells", {cell_to_json(row.cells[0]), cell_to_json(row.cells[1])}}});
    return rows;
}

json split_to_json(const comparison& c) {
    json not_comparable = json::array();
    const std::vector<std::string> sentences = not_comparable_sentences(c);
    for (std::size_t i = 0; i < sentences.size(); ++i) not_comparable.push_back({{"seat", c.split.not_comparable[i]}, {"sentence", sentences[i]}});
    return {{"ship_both", c.split.ship_both},
            {"ship_only", {c.split.ship_only[0], c.split.ship_only[1]}},
            {"skip_both", c.split.skip_both},
            {"not_comparable", not_comparable}};
}

json pick_to_json(const comparison& c) {
    return {{"tool", c.choice.winner ? json(c.tools[*c.choice.winner].subject().id) : json(nullptr)},
            {"rule", name_of(c.choice.decided_by)},
            {"rule_label", label_of(c.choice.decided_by)},
            {"reason", c.choice.reason},
            {"rule_text", pick_rule_text}};
}

json footer_to_json(const std::string& rule_set, const std::string& data_date) {
    return {{"rule_set", rule_set},
            {"data_date", data_date.empty() ? json(nullptr) : json(data_date)},
            {"line", footer_line(rule_set, data_date)}};
}

json index_tool(const page_tool& t) {
    json out = {{"id", t.subject().id},
                {"name", t.subject().name},
                {"panel", panel_to_json(t.review->verdict)},
                {"community_ship_pct", or_null(t.community.ship_pct)},
                {"page", tool_page_path(t.subject().id, "json")}};
    add_problems(out, *t.review);
    return out;
}

// `value` as dump_json() prints it.
std::string json_text(const json& value) { return value.dump(2, ' ', false, json::error_handler_t::replace); }

// `text` (printed as json_text() prints) at a deeper level of nesting: every line after the first indented.
void append_reindented(std::string& out, std::string_view text, std::string_view indent) {
    for (std::size_t start = 0;;) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            out.append(text.substr(start));
            return;
        }
        out.append(text.substr(start, end + 1 - start)).append(indent);
        start = end + 1;
    }
}

void append_indented(std::string& out, const json& value, std::string_view indent) { append_reindented(out, json_text(value), indent); }

// An array of the index, item by item: a site of 50,000 comparisons would otherwise hold the whole document as a
// tree, about ten times the size of its text, at once. `print(text, item)` appends the item's text as json_text()
// prints it.
template <class Items, class Print> void append_array(std::string& out, const Items& items, Print print) {
    if (items.empty()) {
        out += "[]";
        return;
    }
    out += "[";
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += i == 0 ? "\n    " : ",\n    ";
        text.clear();
        print(text, items[i]);
        append_reindented(out, text, "    ");
    }
    out += "\n  ]";
}

}  // namespace

json comparison_to_json(const comparison& c) {
    json disagreements = json::array();
    for (const page_tool& t : c.tools)
        if (t.sharp_disagreement) disagreements.push_back(disagreement_sentence(t));
    return {{"kind", "comparison"},
            {"title", c.title()},
            {"tools", {tool_summary(c.tools[0]), tool_summary(c.tools[1])}},
            {"scorecard", scorecard_to_json(c)},
            {"split", split_to_json(c)},
            {"community", {{"disagreement_points", c.disagreement_points}, {"disagreements", disagreements}}},
            {"pick", pick_to_json(c)},
            {"footer", footer_to_json(c.rule_set, c.data_date)}};
}

namespace {

// An empty date (no readable tool, no vote) is unknown: null, as everywhere else.
std::optional<std::string> optional_date(const std::string& date) { return date.empty() ? std::nullopt : std::optional<std::string>(date); }

}  // namespace

std::string index_json_text(const site_index& index) {
    json categories = json::array();
    for (const site_index::category& c : index.categories)
        categories.push_back({{"name", category_title(c)},
                              {"slug", c.slug},
                              {"page", category_page_path(c.slug, "json")},
                              {"comparison_count", c.comparisons.size()},
                              {"tool_count", c.tools.size()}});
    json top = json::array();
    for (const std::size_t i : index.top_tools) {
        const page_tool& t = *index.tools[i];
        top.push_back({{"id", t.subject().id}, {"page", tool_page_path(t.subject().id, "json")}, {"ship_pct", or_null(t.review->verdict.ship_pct)}});
    }
    json newest = json::array();
    for (const std::size_t i : index.newest) {
        const site_index::entry& e = index.comparisons[i];
        newest.push_back({{"slug", e.slug()}, {"page", comparison_page_path(e.slug(), "json")}, {"data_date", or_null(optional_date(data_date_of(e)))}});
    }
    return dump_json({{"kind", "index"},
                      {"categories", categories},
                      {"top_tools", std::move(top)},
                      {"newest", std::move(newest)},
                      {"category_count", index.categories.size()},
                      {"comparison_count", index.comparisons.size()},
                      {"tool_count", index.tools.size()},
                      {"footer", footer_to_json(index.rule_set, index.data_date)}});
}

std::string category_json_text(const site_index& index, const site_index::category& c) {
    std::string out = "{\n  \"kind\": \"category\",\n  \"name\": ";
    append_indented(out, category_title(c), "  ");
    out += ",\n  \"slug\": ";
    append_indented(out, c.slug, "  ");
    // A tool of a large category is in hundreds of its comparisons: its entry is printed once, and its text reused.
    std::unordered_map<const page_tool*, std::string> tool_texts;
    auto tool_text = [&tool_texts](const page_tool& t) -> const std::string& {
        auto [at, added] = tool_texts.try_emplace(&t);
        if (added) at->second = json_text(index_tool(t));
        return at->second;
    };
    out += ",\n  \"comparisons\": ";
    append_array(out, c.comparisons, [&](std::string& item, std::size_t i) {
        // As json_text() prints {"slug", "page", "tools": [left, right], "pick", "rule"}.
        const site_index::entry& e = index.comparisons[i];
        item += "{\n  \"slug\": ";
        item += json_text(e.slug());
        item += ",\n  \"page\": ";
        item += json_text(comparison_page_path(e.slug(), "json"));
        item += ",\n  \"tools\": [\n    ";
        append_reindented(item, tool_text(*e.left), "    ");
        item += ",\n    ";
        append_reindented(item, tool_text(*e.right), "    ");
        item += "\n  ],\n  \"pick\": ";
        item += json_text(e.choice.winner ? json((*e.choice.winner == 0 ? e.left : e.right)->subject().id) : json(nullptr));
        item += ",\n  \"rule\": ";
        item += json_text(name_of(e.choice.decided_by));
        item += "\n}";
    });
    out += ",\n  \"tools\": ";
    append_array(out, c.tools, [&](std::string& item, std::size_t i) { item += tool_text(*index.tools[i]); });
    out += ",\n  \"index\": ";
    append_indented(out, index_page_path("json"), "  ");
    out += ",\n  \"footer\": ";
    append_indented(out, footer_to_json(index.rule_set, c.data_date), "  ");
    out += "\n}\n";
    return out;
}

}  // namespace verdict
