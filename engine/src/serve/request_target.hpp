// The target of a request, checked before anything is looked up: the server
// makes every page it serves and never opens a file by the name a request
// gives, but a path that tries to climb out of the site (`..`, encoded once
// or twice, a backslash, an absolute address) is refused outright rather
// than looked up, and only a Host that names this machine is answered, so a
// page from another site cannot reach the server through a name that was
// made to point here (DNS rebinding).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace verdict::serve {

struct request_target {
    std::string path;                             ///< Percent-decoded, starting with "/".
    std::map<std::string, std::string> query;     ///< Decoded names and values.

    /// The value of `name` in the query, or empty.
    std::string param(const std::string& name) const;
};

/// The target of a request line ("/compare/a-vs-b.html?x=1"), or why it is refused.
std::variant<request_target, std::string> parse_target(std::string_view target);

/// Whether a request's Host header `host` names this server: one of `names` (localhost, the loopback addresses, the
/// address bound, and any the user allowed), with no port or with `port`.
bool allowed_host(std::string_view host, const std::vector<std::string>& names, unsigned short port);

}  // namespace verdict::serve
