// The sitemap lists every HTML page once, the index first, with the date of
// the data it shows as its last modification: a page changes when its data
// does, and the date is the same whichever run made it. Past 50,000 pages,
// sitemap.xml becomes an index of sitemap-1.xml, sitemap-2.xml...
#include "reports/site_files/site_files.hpp"

#include "reports/html/html_escape.hpp"
#include "reports/site_layout.hpp"

#include <algorithm>

namespace verdict {
namespace {

struct address {
    std::string path;
    std::string date;   ///< May be empty.
};

address address_at(const site_index& index, std::size_t i) {
    if (i == 0) return {index_page_path("html"), index.data_date};
    i -= 1;
    if (i < index.categories.size()) return {category_page_path(index.categories[i].slug, "html"), index.categories[i].data_date};
    i -= index.categories.size();
    if (i < index.comparisons.size()) return {comparison_page_path(index.comparisons[i].slug(), "html"), data_date_of(index.comparisons[i])};
    i -= index.comparisons.size();
    const page_tool& t = *index.tools.at(i);
    return {tool_page_path(t.subject().id, "html"), data_date_of(t)};
}

void append_location(std::string& out, const std::string& tag, const std::string& location, const std::string& date) {
    out.append("<").append(tag).append("><loc>");
    html::append_escaped(out, location);
    out.append("</loc>");
    if (!date.empty()) out.append("<lastmod>").append(date).append("</lastmod>");
    out.append("</").append(tag).append(">\n");
}

constexpr std::string_view xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
constexpr std::string_view sitemap_namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

}  // namespace

std::size_t sitemap_addresses(const site_index& index) { return 1 + index.categories.size() + index.comparisons.size() + index.tools.size(); }

std::string render_sitemap(const site_index& index, const site_settings& settings, std::uint32_t part) {
    const std::size_t total = sitemap_addresses(index);
    std::string out(xml_declaration);
    if (part == 0 && total > sitemap_limit) {
        out.append("<sitemapindex xmlns=\"").append(sitemap_namespace).append("\">\n");
        for (std::uint32_t k = 1; k <= (total + sitemap_limit - 1) / sitemap_limit; ++k)
            append_location(out, "sitemap", settings.address_of("sitemap-" + std::to_string(k) + ".xml"), index.data_date);
        out.append("</sitemapindex>\n");
        return out;
    }
    const std::size_t first = part == 0 ? 0 : (part - 1) * sitemap_limit;
    const std::size_t last = part == 0 ? total : std::min(total, first + sitemap_limit);
    out.reserve(out.size() + 128 * (last - first));
    out.append("<urlset xmlns=\"").append(sitemap_namespace).append("\">\n");
    for (std::size_t i = first; i < last; ++i) {
        const address a = address_at(index, i);
        append_location(out, "url", settings.address_of(a.path), a.date);
    }
    out.append("</urlset>\n");
    return out;
}

}  // namespace verdict
