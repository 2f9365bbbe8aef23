// Where each page lives in a rendered site, relative to its root, so that the
// index's links and the pages written by a batch always agree:
//   index.<ext>   category/<slug>.<ext>   compare/<left-id>-vs-<right-id>.<ext>   tools/<id>.<ext>
// ("category", not "categories": a Hugo site keeps that name for its taxonomy.)
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

inline std::string index_page_path(std::string_view format) { return page_path("", "index", format); }

inline std::string category_page_path(std::string_view slug, std::string_view format) { return page_path("category", slug, format); }

inline std::string comparison_page_path(std::string_view slug, std::string_view format) { return page_path("compare", slug, format); }

inline std::string tool_page_path(std::string_view id, std::string_view format) { return page_path("tools", id, format); }

}  // namespace verdict
