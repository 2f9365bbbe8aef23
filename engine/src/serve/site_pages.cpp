#include "serve/site_pages.hpp"

#include "reports/page_renderers.hpp"
#include "reports/site_files/site_files.hpp"

#include <string_view>

namespace verdict::serve {
namespace {

// "compare/a-vs-b.html" as the folder "compare", the name "a-vs-b" and the format "html"; nullopt for a path that is
// not a page's in HTML or JSON.
struct page_address {
    std::string_view folder;
    std::string_view name;
    std::string_view format;
};

std::optional<page_address> address_of(std::string_view path) {
    const std::size_t dot = path.rfind('.');
    if (dot == std::string_view::npos) return std::nullopt;
    const std::string_view format = path.substr(dot + 1);
    if (format != "html" && format != "json") return std::nullopt;
    const std::string_view stem = path.substr(0, dot);
    const std::size_t slash = stem.find('/');
    if (slash == std::string_view::npos) return page_address{"", stem, format};
    if (stem.find('/', slash + 1) != std::string_view::npos) return std::nullopt;
    return page_address{stem.substr(0, slash), stem.substr(slash + 1), format};
}

served_page page_of(std::string body, std::string_view format) { return {200, format == "json" ? json_type : html_type, std::move(body)}; }

std::optional<served_page> site_file_page(const site_state& state, std::string_view path) {
    for (const site_file_part part : site_files_of(state.index, state.settings)) {
        if (site_file_path(part) != path) continue;
        const std::string_view type = path.ends_with(".js") ? script_type : path.ends_with(".html") ? html_type : "application/xml; charset=utf-8";
        return served_page{200, std::string(type), render_site_file(part, state.index, state.site)};
    }
    return std::nullopt;
}

}  // namespace

std::optional<served_page> site_page(const site_state& state, const std::string& path) {
    const std::string_view relative = path == "/" ? std::string_view("index.html") : std::string_view(path).substr(1);
    if (auto file = site_file_page(state, relative)) return file;
    const auto address = address_of(relative);
    if (!address) return std::nullopt;
    const std::string name(address->name);
    if (address->folder.empty() && name == "index") return page_of(render_index(state.index, state.site, address->format), address->format);
    if (address->folder == "category") {
        const auto found = state.category_by_slug.find(name);
        if (found == state.category_by_slug.end()) return std::nullopt;
        return page_of(render_category_page(state.index, state.index.categories[found->second], state.site, address->format), address->format);
    }
    if (address->folder == "compare") {
        const auto found = state.pair_by_slug.find(name);
        if (found == state.pair_by_slug.end()) return std::nullopt;
        const site_index::entry& e = state.index.comparisons[found->second];
        return page_of(render_comparison(compose(*e.left, *e.right, state.seats->config()), state.site, address->format), address->format);
    }
    if (address->folder == "tools") {
        const page_tool* page = state.find_page(name);
        if (!page) return std::nullopt;
        return page_of(render_tool_page(*page, state.site, address->format), address->format);
    }
    return std::nullopt;
}

}  // namespace verdict::serve
