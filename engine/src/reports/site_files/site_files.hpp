// The files a site has beside its pages, each made from the whole index: the
// search page with its script and data, the Atom feed of verdict changes, and,
// for a site with a base URL, its sitemap, robots.txt and Atom feed of
// comparisons. They come with the HTML pages, which are
// the pages they point readers and crawlers at.
#pragma once

#include "compare/site_index.hpp"
#include "reports/site_context.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace verdict {

enum class site_file : std::uint8_t { search_page, search_script, search_data, changes, robots, sitemap, feed };

/// One file: the sitemap has parts past sitemap_limit addresses (part 0 is sitemap.xml, then sitemap-1.xml...).
struct site_file_part {
    site_file file = site_file::search_page;
    std::uint32_t part = 0;
};

/// The most addresses one sitemap file may list (the sitemaps.org protocol's limit).
inline constexpr std::size_t sitemap_limit = 50000;

/// How many of the catalog's latest changes changes.atom holds.
inline constexpr std::size_t feed_changes = 50;

/// The site files of a site of `index`: the search files and changes.atom always, the rest with a base URL.
std::vector<site_file_part> site_files_of(const site_index& index, const site_settings& settings);

/// Where `f` goes, relative to the site's root: "search.html", "sitemap-2.xml"...
std::string site_file_path(site_file_part f);

/// The bytes of `f`.
std::string render_site_file(site_file_part f, const site_index& index, const site_context& site);

/// The search script, search.js (compiled in from engine/src/reports/site_files/search.js).
std::string_view search_script_text();

/// search-index.js: every category, comparison and tool with its line and path, for search.js.
std::string render_search_data(const site_index& index);

/// sitemap.xml (part 0) and its parts: every HTML page's address and the date of its data.
std::string render_sitemap(const site_index& index, const site_settings& settings, std::uint32_t part);

/// feed.xml: the newest comparisons, as an Atom feed.
std::string render_feed(const site_index& index, const site_settings& settings);

/// changes.atom: the catalog's latest changes of its seats' verdicts and scores (index.changes), as an Atom feed.
std::string render_changes_feed(const site_index& index, const site_settings& settings);

/// How many addresses the sitemap lists for `index`.
std::size_t sitemap_addresses(const site_index& index);

}  // namespace verdict
