// What the site calls itself and asks of its readers (catalog/site.json), and
// where it will be published (--base-url). Every page carries them: the name
// in its header, the call to action at its end, and, with a base URL, the
// absolute addresses search engines and link previews need.
#pragma once

#include "support/problem.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace verdict {

struct call_to_action {
    std::string eyebrow;      ///< May be empty.
    std::string heading;
    std::string text;
    std::string link_label;   ///< Empty when the block has no link.
    std::string link_href;
};

struct site_settings {
    std::string name = "verdict";
    std::string tagline;       ///< May be empty.
    std::string description;   ///< May be empty.
    std::optional<call_to_action> action;
    /// Where the site's root will be published, ending in "/", e.g. "https://example.com/ai/"; empty for a site
    /// whose pages link each other relatively and claim no address.
    std::string base_url;

    /// The address of `path` (relative to the site's root) on the published site; empty without a base URL.
    std::string address_of(const std::string& path) const { return base_url.empty() ? std::string() : base_url + path; }
};

/// Reads `<catalog_dir>/site.json`; without one, the defaults. A file with a problem gives the defaults too, after
/// the problem is added to `problems`.
site_settings load_site_settings(const std::filesystem::path& catalog_dir, problem_list& problems);

/// `url` as a base URL ("https://example.com/ai" becomes "https://example.com/ai/"), or nullopt when it is not an
/// absolute http(s) address with a host and no query or fragment; `why` then says what is wrong.
std::optional<std::string> normalized_base_url(const std::string& url, std::string& why);

}  // namespace verdict
