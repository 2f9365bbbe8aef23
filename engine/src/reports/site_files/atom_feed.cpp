// The feed holds the newest comparisons by the date of their data, so a
// reader's feed shows a comparison when its tools change, and the same
// catalog always gives the same feed. Dates are days: the catalog's data
// carries no time of day, so an entry is stamped at its day's start in UTC.
#include "reports/site_files/site_files.hpp"

#include "compare/page_wording.hpp"
#include "compare/pick_rule.hpp"
#include "reports/html/html_escape.hpp"
#include "reports/html/html_parts.hpp"
#include "reports/site_layout.hpp"

namespace verdict {
namespace {

std::string timestamp(const std::string& date) { return date + "T00:00:00Z"; }

// The feed's text is escaped as the pages' is: XML reads HTML's five references, and printable text holds none of
// the control characters XML forbids.
void append_element(std::string& out, std::string_view name, std::string_view text) {
    html::append_element(out, name, text);
    out += '\n';
}

void append_link(std::string& out, std::string_view rel, const std::string& href) {
    out.append("<link");
    if (!rel.empty()) out.append(" rel=\"").append(rel).append("\"");
    out.append(" href=\"");
    html::append_escaped(out, href);
    out.append("\"/>\n");
}

std::string summary_of(const site_index::entry& e) {
    std::string text = "Panel ship " + panel_pct_text(e.left->review->verdict) + " for " + e.left->name_in_text() + " against " +
                       panel_pct_text(e.right->review->verdict) + " for " + e.right->name_in_text() + ". ";
    if (!e.choice.winner) return text + "A tie.";
    return text + "The pick: " + (*e.choice.winner == 0 ? e.left : e.right)->name_in_text() + ", on " + std::string(label_of(e.choice.decided_by)) + ".";
}

}  // namespace

std::string render_feed(const site_index& index, const site_settings& settings) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
    append_element(out, "title", settings.name);
    if (!settings.tagline.empty()) append_element(out, "subtitle", settings.tagline);
    append_link(out, "", settings.address_of(index_page_path("html")));
    append_link(out, "self", settings.address_of("feed.xml"));
    append_element(out, "id", settings.address_of(index_page_path("html")));
    // Dates are known for every readable tool; a site of unreadable tools alone has none, and Atom requires one.
    const std::string site_date = index.data_date.empty() ? "1970-01-01" : index.data_date;
    append_element(out, "updated", timestamp(site_date));
    out.append("<author>");
    append_element(out, "name", settings.name);
    out.append("</author>\n");
    for (const std::size_t i : index.newest) {
        const site_index::entry& e = index.comparisons[i];
        const std::string date = data_date_of(e);
        const std::string address = settings.address_of(comparison_page_path(e.slug(), "html"));
        out.append("<entry>\n");
        append_element(out, "title", e.left->name_in_text() + " vs " + e.right->name_in_text());
        append_link(out, "", address);
        append_element(out, "id", address);
        append_element(out, "updated", timestamp(date.empty() ? site_date : date));
        append_element(out, "summary", summary_of(e));
        out.append("</entry>\n");
    }
    out.append("</feed>\n");
    return out;
}

}  // namespace verdict
