// The panel ship % is the rating: it is what the pages show as the panel's
// verdict, and a share of seats is a value between 0 and 100 by its nature.
// A panel without a quorum has no ship % and so claims no rating.
#include "reports/html/structured_data.hpp"

#include "compare/page_wording.hpp"
#include "reports/html/html_document.hpp"
#include "reports/number_format.hpp"
#include "reports/site_layout.hpp"

#include <nlohmann/json.hpp>

namespace verdict::html {
namespace {

using json = nlohmann::ordered_json;

// JSON inside <script> ends at the first "</": every "<" is written as an escape, which JSON reads as the same text.
// So is every character past ASCII: a control or a bidi override in catalog text never reaches the page's bytes.
std::string as_script_text(const json& document) {
    const std::string text = document.dump(-1, ' ', true, json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '<') out.append("\\u003c");
        else out.push_back(c);
    }
    return out;
}

// Where `target` (below the site's root) is seen from the page at `path`.
std::string address(const site_settings& site, const std::string& path, const std::string& target) {
    const std::string absolute = site.address_of(target);
    return absolute.empty() ? relative_link(path, target) : absolute;
}

json software(const page_tool& p, const site_settings& site, const std::string& path, bool with_reviews) {
    const tool& t = p.subject();
    json out = {{"@type", "SoftwareApplication"}, {"name", t.name}, {"url", address(site, path, tool_page_path(t.id, "html"))}};
    if (!t.category.empty()) out["applicationCategory"] = t.category;
    if (p.unreadable()) return out;
    out["description"] = t.tagline;
    const panel_verdict& v = p.review->verdict;
    if (v.ship_pct)
        out["aggregateRating"] = {{"@type", "AggregateRating"}, {"ratingValue", *v.ship_pct}, {"bestRating", 100}, {"worstRating", 0},
                                  {"ratingCount", v.ship + v.skip}, {"name", "Panel ship %"}};
    // A list holds what a summary of the tool holds (a category page is made from summaries); its own page, made from
    // the full review, adds the vendor and each seat's vote.
    if (!with_reviews) return out;
    if (t.vendor) out["author"] = {{"@type", "Organization"}, {"name", *t.vendor}};
    json reviews = json::array();
    for (const seat_review& s : p.review->seats) {
        const bool voted = s.result && (s.result->verdict != verdict_kind::abstain);
        if (!voted || s.shadow) continue;   // a seat that abstained cast no vote to rate
        reviews.push_back({{"@type", "Review"},
                           {"author", {{"@type", "Person"}, {"name", seat_title(s.seat) + " seat"}}},
                           {"reviewBody", s.result->quote},
                           {"reviewRating", {{"@type", "Rating"}, {"ratingValue", json_number(s.result->score)}, {"bestRating", 100}, {"worstRating", 0}}}});
    }
    if (!reviews.empty()) out["review"] = std::move(reviews);
    return out;
}

json list_item(std::size_t position, json item) { return {{"@type", "ListItem"}, {"position", position}, {"item", std::move(item)}}; }

}  // namespace

std::string tool_structured_data(const page_tool& t, const site_settings& site, const std::string& path) {
    json document = {{"@context", "https://schema.org"}};
    document.update(software(t, site, path, true));
    return as_script_text(document);
}

std::string comparison_structured_data(const comparison& c, const site_settings& site, const std::string& path) {
    json items = json::array();
    for (std::size_t k = 0; k < 2; ++k) items.push_back(list_item(k + 1, software(c.tools[k], site, path, false)));
    return as_script_text({{"@context", "https://schema.org"}, {"@type", "ItemList"}, {"name", c.title()}, {"itemListElement", std::move(items)}});
}

std::string category_structured_data(const site_index& index, const site_index::category& c, const site_settings& site, const std::string& path) {
    json items = json::array();
    for (const std::size_t i : c.comparisons) {
        const site_index::entry& e = index.comparisons[i];
        items.push_back(list_item(items.size() + 1, {{"@type", "WebPage"},
                                                     {"name", e.left->subject().name + " vs " + e.right->subject().name},
                                                     {"url", address(site, path, comparison_page_path(e.slug(), "html"))}}));
    }
    for (const std::size_t i : c.tools) items.push_back(list_item(items.size() + 1, software(*index.tools[i], site, path, false)));
    return as_script_text({{"@context", "https://schema.org"}, {"@type", "ItemList"}, {"name", category_page_title(category_title(c))},
                           {"numberOfItems", items.size()}, {"itemListElement", std::move(items)}});
}

}  // namespace verdict::html
