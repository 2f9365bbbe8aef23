#include "panel/seat_fit.hpp"

#include "support/text_file.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace verdict {
namespace {

bool for_any(const tool& t, std::initializer_list<audience_kind> kinds) {
    const auto& who = t.audience.value_or(std::vector<audience_kind>{});
    return std::any_of(who.begin(), who.end(), [&](audience_kind a) { return std::find(kinds.begin(), kinds.end(), a) != kinds.end(); });
}

// The persona a seat holds: the loaded persona's id, else the seat's own.
const std::string& persona_of(const seat& s) { return s.loaded ? s.identity.id : s.config.id; }

// The id of the panel's (non-shadow) seat holding `persona`, if any.
std::optional<std::string> seat_holding(const panel& seats, const std::string& persona) {
    for (const seat& s : seats.seats())
        if (!s.config.shadow && persona_of(s) == persona) return s.config.id;
    return std::nullopt;
}

std::string quoted_list(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& each : items) text += (text.empty() ? "\"" : ", \"") + each + "\"";
    return text;
}

// The ids of the tool's voting seats, in panel order.
std::vector<std::string> voting_ids(const std::vector<const seat*>& seated) {
    std::vector<std::string> ids;
    for (const seat* s : seated)
        if (!s->config.shadow) ids.push_back(s->config.id);
    return ids;
}

}  // namespace

problem_list seat_fit_warnings(const panel& seats, const catalog& tools, const std::filesystem::path& catalog_dir) {
    problem_list warnings;
    const auto business = seat_holding(seats, "business");
    const auto creator = seat_holding(seats, "creator");
    if (!business || !creator) return warnings;
    for (const tool& t : tools.tools) {
        const bool for_creators = for_any(t, {audience_kind::creators});
        const bool for_companies = for_any(t, {audience_kind::enterprises, audience_kind::small_companies, audience_kind::startups});
        if (for_creators == for_companies) continue;
        const std::vector<std::string> ids = voting_ids(seats.seats_for(t));
        const std::string& wrong = for_creators ? *business : *creator;
        const std::string& right = for_creators ? *creator : *business;
        if (std::find(ids.begin(), ids.end(), wrong) == ids.end() || std::find(ids.begin(), ids.end(), right) != ids.end()) continue;
        std::vector<std::string> fitting = ids;
        std::replace(fitting.begin(), fitting.end(), wrong, right);
        warnings.push_back({display_path(catalog_dir / "tools" / (t.id + ".json")), t.seats.empty() ? "/audience" : "/seats",
                            "the " + right + " seat on a tool made for " + std::string(for_creators ? "creators" : "companies"),
                            "seats " + quoted_list(ids) + (t.seats.empty() ? " (the panel's default seats)" : ""),
                            "give it \"seats\": [" + quoted_list(fitting) + "]"});
    }
    return warnings;
}

}  // namespace verdict
