// The site's two Atom feeds. feed.xml holds the newest comparisons by the date
// of their data, so a reader's feed shows a comparison when its tools change;
// changes.atom holds the latest changes of the seats' verdicts and scores.
// The same catalog and the same history always give the same feeds: dates are
// days (the catalog's data carries no time of day, so an entry is stamped at
// its day's start in UTC), and a change is known by what changed, not when.
#include "reports/site_files/site_files.hpp"

#include "compare/page_wording.hpp"
#include "compare/pick_rule.hpp"
#include "reports/history_wording.hpp"
#include "reports/html/html_escape.hpp"
#include "reports/html/html_parts.hpp"
#include "reports/site_layout.hpp"
#include "support/fnv1a.hpp"

#include <algorithm>
#include <cstdio>

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

// A stable name for `text`, for an entry's id: FNV-1a, 64 bits, in hex.
std::string digest_of(std::string_view text) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a(text)));
    return hex;
}

// The feed's head: its title, its links, its id and the date it was last updated.
void open_feed(std::string& out, const std::string& title, const std::string& subtitle, const std::string& home, const std::string& self,
               const std::string& id, const std::string& date) {
    out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
    append_element(out, "title", title);
    if (!subtitle.empty()) append_element(out, "subtitle", subtitle);
    append_link(out, "", home);
    append_link(out, "self", self);
    append_element(out, "id", id);
    append_element(out, "updated", timestamp(date));
}

// The name a page shows for the tool `id`, or the id when the site has no such tool any more.
std::string tool_name(const site_index& index, const std::string& id) {
    const auto found = std::lower_bound(index.tools.begin(), index.tools.end(), id, [](const page_tool* t, const std::string& wanted) { return t->subject().id < wanted; });
    return found != index.tools.end() && (*found)->subject().id == id ? (*found)->name_in_text() : id;
}

}  // namespace

std::string render_changes_feed(const site_index& index, const site_settings& settings) {
    // Without a base URL the links are relative to the feed, which sits at the site's root, and the ids are names.
    auto address = [&settings](const std::string& path) { return settings.base_url.empty() ? path : settings.address_of(path); };
    std::string latest = index.data_date.empty() ? "1970-01-01" : index.data_date;
    for (const recorded_change& c : index.changes) latest = std::max(latest, c.data_date);
    std::string out;
    open_feed(out, settings.name + ": " + std::string(changes_heading), "Every change of a reviewer's verdict or score, and its cause", address(index_page_path("html")),
              address("changes.atom"), settings.base_url.empty() ? "urn:verdict:changes:" + digest_of(settings.name) : settings.address_of("changes.atom"), latest);
    out.append("<author>");
    append_element(out, "name", settings.name);
    out.append("</author>\n");
    for (const recorded_change& c : index.changes) {
        const std::string line = change_line(c);
        out.append("<entry>\n");
        append_element(out, "title", tool_name(index, c.change.tool_id) + ": " + change_outcome(c));
        append_link(out, "", address(tool_page_path(c.change.tool_id, "html")));
        append_element(out, "id", "urn:verdict:change:" + digest_of(c.change.tool_id + '\n' + line));
        append_element(out, "updated", timestamp(c.data_date.empty() ? latest : c.data_date));
        append_element(out, "summary", line);
        out.append("</entry>\n");
    }
    out.append("</feed>\n");
    return out;
}

std::string render_feed(const site_index& index, const site_settings& settings) {
    // Dates are known for every readable tool; a site of unreadable tools alone has none, and Atom requires one.
    const std::string site_date = index.data_date.empty() ? "1970-01-01" : index.data_date;
    std::string out;
    open_feed(out, settings.name, settings.tagline, settings.address_of(index_page_path("html")), settings.address_of("feed.xml"),
              settings.address_of(index_page_path("html")), site_date);
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
