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
inline std::string extension_of(std::string_view format) { return format == "text" ? "txt" : std::string(format); }

/// The folders below the root that hold pages.
inline constexpr std::array<const char*, 3> page_folders{"category", "compare", "tools"};

inline std::string index_page_path(std::string_view format) { return "index." + extension_of(format); }

inline std::string category_page_path(std::string_view slug, std::string_view format) {
    return "category/" + std::string(slug) + "." + extension_of(format);
}

inline std::string comparison_page_path(std::string_view slug, std::string_view format) {
    return "compare/" + std::string(slug) + "." + extension_of(format);
}

inline std::string tool_page_path(std::string_view id, std::string_view format) {
    return "tools/" + std::string(id) + "." + extension_of(format);
}

}  // namespace verdict
