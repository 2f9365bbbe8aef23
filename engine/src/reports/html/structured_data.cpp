// The panel ship % is the rating: it is what the pages show as the panel's
// verdict, and a share of seats is a value between 0 and 100 by its nature.
// A panel without a quorum has no ship % and so claims no rating.
//
// The JSON is written straight into the page, a field at a time: it is on
// every page of a batch, and a document tree per page would cost more than
// the rest of the page's head.
#include "reports/html/structured_data.hpp"

#include "compare/page_wording.hpp"
#include "reports/number_format.hpp"
#include "reports/site_layout.hpp"
#include "support/display_text.hpp"

#include <algorithm>

namespace verdict::html {
namespace {

// A JSON string inside <script>, which ends at the first "</": every "<" is written as an escape, which JSON reads as
// the same text. Catalog text is made printable first (controls as spaces, bidi controls balanced), as everywhere on
// a page, so what is left to escape is the quote and the backslash.
void append_json_string(std::string& out, std::string_view text) {
    const std::string printable = is_printable(text) ? std::string() : printable_text(text);
    if (!printable.empty()) text = printable;
    out += '"';
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '"' && c != '\\' && c != '<') continue;
        out.append(text.substr(run, i - run));
        out += c == '<' ? "\\u003c" : c == '"' ? "\\\"" : "\\\\";
        run = i + 1;
    }
    out.append(text.substr(run));
    out += '"';
}

// One JSON object, written as its fields are added.
class object_writer {
public:
    explicit object_writer(std::string& out) : out_(out) { out_ += '{'; }
    object_writer(const object_writer&) = delete;
    object_writer& operator=(const object_writer&) = delete;
    ~object_writer() { out_ += '}'; }

    /// Starts the field `name`, whose value the caller writes next.
    std::string& field(std::string_view name) {
        out_ += first_ ? "\"" : ",\"";
        first_ = false;
        return out_.append(name).append("\":");
    }
    void text(std::string_view name, std::string_view value) { append_json_string(field(name), value); }
    void number(std::string_view name, std::string_view value) { field(name).append(value); }

private:
    std::string& out_;
    bool first_ = true;
};

// Where `target` (below the site's root) is seen from the page at `path`.
std::string address(const site_settings& site, const std::string& path, const std::string& target) {
    const std::string absolute = site.address_of(target);
    return absolute.empty() ? relative_link(path, target) : absolute;
}

void append_rating(std::string& out, const panel_verdict& v) {
    object_writer rating(out);
    rating.text("@type", "AggregateRating");
    rating.number("ratingValue", std::to_string(*v.ship_pct));
    rating.number("bestRating", "100");
    rating.number("worstRating", "0");
    rating.number("ratingCount", std::to_string(v.ship + v.skip));
    rating.text("name", "Panel ship %");
}

// A counting seat that voted: a seat that abstained cast no vote to rate, and a shadow seat's does not count.
bool rated(const seat_review& s) { return s.result && !s.shadow && s.result->verdict != verdict_kind::abstain; }

void append_reviews(std::string& out, const tool_review& r) {
    out += '[';
    bool first = true;
    for (const seat_review& s : r.seats) {
        if (!rated(s)) continue;
        if (!first) out += ',';
        first = false;
        object_writer review(out);
        review.text("@type", "Review");
        {
            object_writer author(review.field("author"));
            author.text("@type", "Person");
            author.text("name", seat_title(s.seat) + " seat");
        }
        review.text("reviewBody", s.result->quote);
        object_writer rating(review.field("reviewRating"));
        rating.text("@type", "Rating");
        rating.number("ratingValue", format_number(s.result->score));
        rating.number("bestRating", "100");
        rating.number("worstRating", "0");
    }
    out += ']';
}

// The fields of a tool as a SoftwareApplication. A list holds what a summary of the tool holds (a category page is
// made from summaries); its own page, made from the full review, adds the vendor and each seat's vote.
void append_software_fields(object_writer& o, const page_tool& p, const site_settings& site, const std::string& path, bool with_reviews) {
    const tool& t = p.subject();
    o.text("@type", "SoftwareApplication");
    o.text("name", t.name);
    o.text("url", address(site, path, tool_page_path(t.id, "html")));
    if (!t.category.empty()) o.text("applicationCategory", t.category);
    if (p.unreadable()) return;
    o.text("description", t.tagline);
    const panel_verdict& v = p.review->verdict;
    if (v.ship_pct) append_rating(o.field("aggregateRating"), v);
    if (!with_reviews) return;
    if (t.vendor) {
        object_writer author(o.field("author"));
        author.text("@type", "Organization");
        author.text("name", *t.vendor);
    }
    if (std::any_of(p.review->seats.begin(), p.review->seats.end(), rated)) append_reviews(o.field("review"), *p.review);
}

// The items of an ItemList, numbered from 1; `each(item, k)` writes the fields of item k.
template <class Each>
void append_items(object_writer& list, std::size_t count, Each each) {
    std::string& out = list.field("itemListElement");
    out += '[';
    for (std::size_t k = 0; k < count; ++k) {
        if (k > 0) out += ',';
        object_writer element(out);
        element.text("@type", "ListItem");
        element.number("position", std::to_string(k + 1));
        object_writer item(element.field("item"));
        each(item, k);
    }
    out += ']';
}

void open_document(object_writer& o) { o.text("@context", "https://schema.org"); }

}  // namespace

std::string tool_structured_data(const page_tool& t, const site_settings& site, const std::string& path) {
    std::string out;
    {
        object_writer document(out);
        open_document(document);
        append_software_fields(document, t, site, path, true);
    }
    return out;
}

std::string comparison_structured_data(const comparison& c, const site_settings& site, const std::string& path) {
    std::string out;
    {
        object_writer document(out);
        open_document(document);
        document.text("@type", "ItemList");
        document.text("name", c.title());
        append_items(document, 2, [&](object_writer& item, std::size_t k) { append_software_fields(item, c.tools[k], site, path, false); });
    }
    return out;
}

std::string category_structured_data(const site_index& index, const site_index::category& c, const site_settings& site, const std::string& path) {
    std::string out;
    {
        object_writer document(out);
        open_document(document);
        document.text("@type", "ItemList");
        document.text("name", category_page_title(category_title(c)));
        document.number("numberOfItems", std::to_string(c.comparisons.size() + c.tools.size()));
        append_items(document, c.comparisons.size() + c.tools.size(), [&](object_writer& item, std::size_t k) {
            if (k < c.comparisons.size()) {
                const site_index::entry& e = index.comparisons[c.comparisons[k]];
                item.text("@type", "WebPage");
                item.text("name", e.left->name_in_text() + " vs " + e.right->name_in_text());
                item.text("url", address(site, path, comparison_page_path(e.slug(), "html")));
                return;
            }
            append_software_fields(item, *index.tools[c.tools[k - c.comparisons.size()]], site, path, false);
        });
    }
    return out;
}

}  // namespace verdict::html
