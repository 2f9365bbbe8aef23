// Problems point into the file (/pairs/3/1) so an editor can find the entry;
// a category that matches no tool is reported rather than silently rendering
// nothing, since that is almost always a misspelling.
//
// Two pairs can share a page name only when "-vs-" occurs in it more than
// once ("a-vs-b" with "c", "a" with "b-vs-c"; "a-vs" with "vs-b"), so only
// pairs with such an id are remembered by name; every other pair of a
// category rule is made, counted and forgotten.
#include "catalog/comparisons.hpp"

#include "json/json_document.hpp"
#include "json/schemas.hpp"
#include "support/suggest.hpp"
#include "support/text_file.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

namespace verdict {
namespace {

using json = nlohmann::json;

std::pair<const tool*, const tool*> key_of(const tool* a, const tool* b) { return std::minmax(a, b); }

// Whether a page name made with this id could be split another way.
bool may_share_page_name(const tool* t) {
    return t->id.find("-vs-") != std::string::npos || t->id.starts_with("vs-") || t->id.ends_with("-vs");
}

// The pairs (a < b, as positions in `members`) of a category rule with an id that may_share_page_name(), in the
// order the rule makes them: found from those ids, without walking every pair of the category.
std::vector<std::pair<std::size_t, std::size_t>> pairs_that_may_share_a_name(const std::vector<const tool*>& members) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t a = 0; a < members.size(); ++a)
        if (may_share_page_name(members[a]))
            for (std::size_t b = 0; b < members.size(); ++b)
                if (b != a && (b > a || !may_share_page_name(members[b]))) out.emplace_back(std::min(a, b), std::max(a, b));
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> categories_of(const catalog& tools) {
    std::set<std::string> names;
    for (const tool& t : tools.tools) names.insert(t.category);
    return {names.begin(), names.end()};
}

// Checks the explicit pairs of comparisons.json: each names two tools of the catalog.
std::vector<comparison_pair> named_pairs(const json& pairs, const catalog& tools, const std::string& shown, problem_list& problems) {
    std::vector<comparison_pair> out;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const std::string pointer = "/pairs/" + std::to_string(i);
        const tool* sides[2] = {nullptr, nullptr};
        for (std::size_t k = 0; k < 2; ++k) {
            const std::string id = pairs[i][k].get<std::string>();
            sides[k] = tools.find(id);
            if (!sides[k]) problems.push_back({shown, pointer + "/" + std::to_string(k), "the id of a catalog tool", "unknown tool \"" + id + "\"",
                                               did_you_mean(id, tools.ids())});
        }
        if (sides[0] && sides[0] == sides[1]) problems.push_back({shown, pointer, "two different tools", "\"" + sides[0]->id + "\" twice", ""});
        out.push_back(sides[0] && sides[1] && sides[0] != sides[1] ? comparison_pair{sides[0], sides[1]} : comparison_pair{});
    }
    return out;
}

// Page names taken so far by pairs that could share one: an explicit pair, or a pair with a "-vs-" id.
class page_names {
public:
    // Empty when `pair`'s page name is free (and now taken); otherwise the refusal.
    std::string take(const comparison_pair& pair) {
        if (taken_.insert(pair.slug()).second) return "";
        return "a pair whose page name, " + pair.slug() + ", another pair already has";
    }

private:
    std::unordered_set<std::string> taken_;
};

}  // namespace

bool comparison_list::excluded(const tool* a, const tool* b) const {
    return std::binary_search(excluded_.begin(), excluded_.end(), key_of(a, b));
}

void comparison_list::for_each(const std::function<void(const comparison_pair&)>& each) const {
    for (const comparison_pair& pair : explicit_) each(pair);
    for (const std::vector<const tool*>& members : members_)
        for (std::size_t a = 0; a < members.size(); ++a)
            for (std::size_t b = a + 1; b < members.size(); ++b)
                if (!excluded(members[a], members[b])) each({members[a], members[b]});
}

std::vector<comparison_pair> comparison_list::all() const {
    std::vector<comparison_pair> out;
    out.reserve(size_);
    for_each([&](const comparison_pair& pair) { out.push_back(pair); });
    return out;
}

comparison_list load_comparison_list(const std::filesystem::path& catalog_dir, const catalog& tools, problem_list& problems, problem_list* notes) {
    const std::filesystem::path file = catalog_dir / "comparisons.json";
    const std::size_t before = problems.size();
    const auto document = read_json_document(file, comparisons_schema(), problems, max_comparisons_file_bytes);
    comparison_list out;
    if (!document || problems.size() > before) return out;
    const std::string shown = display_path(file);
    page_names names;
    // Explicit pairs: each once, either way round, where it first appears.
    std::map<std::pair<const tool*, const tool*>, std::size_t> first_at;
    const std::vector<comparison_pair> named = named_pairs(document->value("pairs", json::array()), tools, shown, problems);
    for (std::size_t i = 0; i < named.size(); ++i) {
        const comparison_pair& pair = named[i];
        if (!pair.left) continue;
        const auto [first, added] = first_at.emplace(key_of(pair.left, pair.right), i);
        if (!added) {
            if (notes) notes->push_back({shown, "/pairs/" + std::to_string(i), "each pair once", "the pair of /pairs/" + std::to_string(first->second) + " again", "it is made once, as listed there"});
            continue;
        }
        if (std::string refused = names.take(pair); !refused.empty()) {
            problems.push_back({shown, "/pairs/" + std::to_string(i), "each pair with a page name of its own", std::move(refused), ""});
            continue;
        }
        out.explicit_.push_back(pair);
        out.excluded_.push_back(key_of(pair.left, pair.right));
    }
    std::sort(out.excluded_.begin(), out.excluded_.end());
    out.size_ = out.explicit_.size();

    const std::size_t limit = document->value("max_category_pairs", default_max_category_pairs);
    const json categories = document->value("all_pairs_within", json::array());
    for (std::size_t i = 0; i < categories.size(); ++i) {
        const std::string pointer = "/all_pairs_within/" + std::to_string(i);
        comparison_list::category_rule rule{categories[i].get<std::string>(), 0, 0};
        std::vector<const tool*> members;
        for (const tool& t : tools.tools)
            if (t.category == rule.category) members.push_back(&t);
        if (members.empty())
            problems.push_back({shown, pointer, "the category of a catalog tool", "\"" + rule.category + "\"", did_you_mean(rule.category, categories_of(tools))});
        rule.tools = members.size();
        rule.pairs = members.size() * (members.size() - (members.empty() ? 0 : 1)) / 2;
        for (const auto& [a, b] : out.excluded_) rule.pairs -= a->category == rule.category && b->category == rule.category;
        if (rule.pairs > limit) {
            problem p{shown, pointer, "a category of at most " + std::to_string(limit) + " pairs (/max_category_pairs)",
                      "\"" + rule.category + "\" with " + std::to_string(rule.tools) + " tools, which make " + std::to_string(rule.pairs) + " pairs",
                      "list the pairs you want under /pairs, or raise /max_category_pairs"};
            p.fatal = true;
            problems.push_back(std::move(p));
            continue;
        }
        std::vector<std::pair<const tool*, const tool*>> clashing;
        for (const auto& [a, b] : pairs_that_may_share_a_name(members))
            if (!out.excluded(members[a], members[b]))
                if (std::string refused = names.take({members[a], members[b]}); !refused.empty()) {
                    problems.push_back({shown, pointer, "each pair with a page name of its own", std::move(refused), ""});
                    clashing.push_back(key_of(members[a], members[b]));
                }
        rule.pairs -= clashing.size();
        out.excluded_.insert(out.excluded_.end(), clashing.begin(), clashing.end());
        std::sort(out.excluded_.begin(), out.excluded_.end());
        out.size_ += rule.pairs;
        out.rules_.push_back(std::move(rule));
        out.members_.push_back(std::move(members));
    }
    return out;
}

std::vector<comparison_pair> load_comparisons(const std::filesystem::path& catalog_dir, const catalog& tools, problem_list& problems) {
    return load_comparison_list(catalog_dir, tools, problems).all();
}

}  // namespace verdict
