// site.json is optional: a catalog without one still makes a whole site, named
// for the engine, so that nothing a catalog already holds has to change.
#include "catalog/site_settings.hpp"

#include "json/json_document.hpp"
#include "json/schemas.hpp"
#include "support/file_access.hpp"

namespace verdict {

site_settings load_site_settings(const std::filesystem::path& catalog_dir, problem_list& problems) {
    site_settings settings;
    const std::filesystem::path file = catalog_dir / "site.json";
    if (probe_path(file).kind == path_kind::missing) return settings;
    const std::size_t before = problems.size();
    const auto document = read_json_document(file, site_schema(), problems);
    if (!document || problems.size() > before) return settings;
    settings.name = document->at("name").get<std::string>();
    settings.tagline = document->value("tagline", "");
    settings.description = document->value("description", "");
    if (const auto found = document->find("call_to_action"); found != document->end()) {
        const nlohmann::json& block = *found;
        call_to_action action{block.value("eyebrow", ""), block.at("heading").get<std::string>(), block.at("text").get<std::string>(), "", ""};
        if (const auto link = block.find("link"); link != block.end()) {
            action.link_label = link->at("label").get<std::string>();
            action.link_href = link->at("href").get<std::string>();
        }
        settings.action = std::move(action);
    }
    return settings;
}

std::optional<std::string> normalized_base_url(const std::string& url, std::string& why) {
    const std::size_t scheme_end = url.find("://");
    const std::string scheme = scheme_end == std::string::npos ? std::string() : url.substr(0, scheme_end);
    if (scheme != "http" && scheme != "https") {
        why = "an absolute http:// or https:// address";
        return std::nullopt;
    }
    const std::size_t host_start = scheme_end + 3;
    const std::size_t host_end = url.find('/', host_start);
    if (host_start == url.size() || host_end == host_start) {
        why = "an address with a host";
        return std::nullopt;
    }
    for (const char c : url)
        if (c == '?' || c == '#' || c == '"' || c == '<' || c == '>' || c == '\\' || static_cast<unsigned char>(c) <= ' ') {
            why = "an address without a query, a fragment, spaces, quotes or angle brackets";
            return std::nullopt;
        }
    return url.ends_with('/') ? url : url + "/";
}

}  // namespace verdict
