// Where each page lives in a rendered site, relative to its root, so that the
// index's links and the pages written by a batch always agree:
//   index.<ext>   category/<slug>.<ext>   compare/<left-id>-vs-<right-id>.<ext>   tools/<id>.<ext>
// Markdown is a Hugo content folder as it is, so its index and category pages
// are the list pages of the site and of a section: _index.md and
// category/<slug>/_index.md (an index.md would be a page of its own at the
// address of the home page). ("category", not "categories": a Hugo site keeps
// that name for its taxonomy.)
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace verdict {

/// The file extension of a report format: "html", "md", "json", or "txt" for text.
inline std::string_view extension_of(std::string_view format) { return format == "text" ? std::string_view("txt") : format; }

/// The folders below the root that hold pages.
inline constexpr std::array<const char*, 3> page_folders{"category", "compare", "tools"};

/// "<folder>/<name>.<ext>", or "<name>.<ext>" with no folder, built in one allocation: a batch works out the path of
/// every page of the site on every run.
inline std::string page_path(std::string_view folder, std::string_view name, std::string_view format) {
    const std::string_view ext = extension_of(format);
    std::string path;
    path.reserve(folder.size() + name.size() + ext.size() + 2);
    if (!folder.empty()) path.append(folder).append("/");
    return path.append(name).append(".").append(ext);
}

inline std::string index_page_path(std::string_view format) { return page_path("", format == "md" ? "_index" : "index", format); }

inline std::string category_page_path(std::string_view slug, std::string_view format) {
    if (format == "md") return page_path(std::string("category/").append(slug), "_index", format);
    return page_path("category", slug, format);
}

inline std::string comparison_page_path(std::string_view slug, std::string_view format) { return page_path("compare", slug, format); }

inline std::string tool_page_path(std::string_view id, std::string_view format) { return page_path("tools", id, format); }

/// "../" for each folder the page at `path` is in: what it puts before a path from the site's root.
inline std::string root_of(std::string_view path) {
    std::string root;
    for (const char c : path)
        if (c == '/') root += "../";
    return root;
}

/// The relative link from the page at `from` to the page at `to` (both paths as above), so a page links the same
/// file wherever the site is copied.
inline std::string relative_link(std::string_view from, std::string_view to) { return root_of(from).append(to); }

}  // namespace verdict
