#include "reports/site_files/site_files.hpp"

#include "reports/html/html_pages.hpp"

namespace verdict {
namespace {

// Crawlers may read everything; the search page only lists what the sitemap already gives them. robots.txt is read
// only at a host's root: for a site published below it, its lines belong in the host's own file.
std::string robots_text(const site_settings& settings) {
    const std::size_t path_start = settings.base_url.find('/', settings.base_url.find("://") + 3);
    return "User-agent: *\nDisallow: " + settings.base_url.substr(path_start) + "search.html\n\nSitemap: " + settings.address_of("sitemap.xml") + "\n";
}

}  // namespace

std::vector<site_file_part> site_files_of(const site_index& index, const site_settings& settings) {
    std::vector<site_file_part> files{{site_file::search_page, 0}, {site_file::search_script, 0}, {site_file::search_data, 0}, {site_file::changes, 0}};
    if (settings.base_url.empty()) return files;   // a sitemap, robots.txt and a feed name absolute addresses
    files.push_back({site_file::robots, 0});
    files.push_back({site_file::sitemap, 0});
    const std::size_t addresses = sitemap_addresses(index);
    if (addresses > sitemap_limit)
        for (std::uint32_t part = 1; part <= (addresses + sitemap_limit - 1) / sitemap_limit; ++part) files.push_back({site_file::sitemap, part});
    files.push_back({site_file::feed, 0});
    return files;
}

std::string site_file_path(site_file_part f) {
    switch (f.file) {
    case site_file::search_page: return "search.html";
    case site_file::search_script: return "search.js";
    case site_file::search_data: return "search-index.js";
    case site_file::changes: return "changes.atom";
    case site_file::robots: return "robots.txt";
    case site_file::sitemap: return f.part == 0 ? "sitemap.xml" : "sitemap-" + std::to_string(f.part) + ".xml";
    case site_file::feed: return "feed.xml";
    }
    return {};
}

std::string render_site_file(site_file_part f, const site_index& index, const site_context& site) {
    switch (f.file) {
    case site_file::search_page: return render_search_html(index, site);
    case site_file::search_script: return std::string(search_script_text());
    case site_file::search_data: return render_search_data(index);
    case site_file::changes: return render_changes_feed(index, site.settings);
    case site_file::robots: return robots_text(site.settings);
    case site_file::sitemap: return render_sitemap(index, site.settings, f.part);
    case site_file::feed: return render_feed(index, site.settings);
    }
    return {};
}

}  // namespace verdict
