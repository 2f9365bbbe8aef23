#include "serve/live_problem.hpp"

#include <nlohmann/json.hpp>

#include <cctype>

namespace verdict::serve {

live_problem live_problem_of(const problem& p) {
    std::string message = "expected " + p.expected + ", found " + p.found;
    if (!p.hint.empty()) message += " (" + p.hint + ")";
    return {p.file, p.where, std::move(message)};
}

live_problem seat_load_problem(const std::string& source, const std::string& failure) {
    live_problem out{source, "", failure};
    // "<source>:<line>: <what>": the line Lua names, as the place.
    const std::size_t at = failure.find(source + ":");
    if (at == std::string::npos) return out;
    std::size_t end = at + source.size() + 1;
    const std::size_t digits = end;
    while (end < failure.size() && std::isdigit(static_cast<unsigned char>(failure[end]))) ++end;
    if (end > digits) out.where = "line " + failure.substr(digits, end - digits);
    return out;
}

std::string problems_json(const std::vector<live_problem>& problems) {
    nlohmann::json list = nlohmann::json::array();
    for (const live_problem& p : problems) list.push_back({{"file", p.file}, {"where", p.where}, {"message", p.message}});
    return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace verdict::serve
