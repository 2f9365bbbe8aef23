// Problems point into the file (/pairs/3/1) so an editor can find the entry;
// a category that matches no tool is reported rather than silently rendering
// nothing, since that is almost always a misspelling.
#include "catalog/comparisons.hpp"

#include "json/json_document.hpp"
#include "json/schemas.hpp"
#include "support/suggest.hpp"
#include "support/text_file.hpp"

#include <set>
#include <unordered_set>
#include <utility>

namespace verdict {
namespace {

using json = nlohmann::json;

class pair_list {
public:
    // Empty when the pair is added; otherwise why not: it is listed already (either way round), or its page name
    // is another pair's (ids with "-vs-" in them can run together: "a-vs-b" with "c", "a" with "b-vs-c").
    std::string add(const tool* left, const tool* right) {
        const comparison_pair pair{left, right};
        if (seen_.count(std::minmax(left->id, right->id))) return "a pair already listed";
        if (!slugs_.insert(pair.slug()).second) return "a pair whose page name, " + pair.slug() + ", another pair already has";
        seen_.insert(std::minmax(left->id, right->id));
        pairs_.push_back(pair);
        return "";
    }
    std::vector<comparison_pair> take() { return std::move(pairs_); }

private:
    std::set<std::pair<std::string, std::string>> seen_;
    std::unordered_set<std::string> slugs_;
    std::vector<comparison_pair> pairs_;
};

std::vector<std::string> categories_of(const catalog& tools) {
    std::set<std::string> names;
    for (const tool& t : tools.tools) names.insert(t.category);
    return {names.begin(), names.end()};
}

void add_explicit(const json& pairs, const catalog& tools, const std::string& shown, pair_list& out, problem_list& problems) {
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const std::string pointer = "/pairs/" + std::to_string(i);
        const tool* sides[2] = {nullptr, nullptr};
        for (std::size_t k = 0; k < 2; ++k) {
            const std::string id = pairs[i][k].get<std::string>();
            sides[k] = tools.find(id);
            if (!sides[k]) problems.push_back({shown, pointer + "/" + std::to_string(k), "the id of a catalog tool", "unknown tool \"" + id + "\"",
                                               did_you_mean(id, tools.ids())});
        }
        if (!sides[0] || !sides[1]) continue;
        if (sides[0] == sides[1]) problems.push_back({shown, pointer, "two different tools", "\"" + sides[0]->id + "\" twice", ""});
        else if (const std::string refused = out.add(sides[0], sides[1]); !refused.empty())
            problems.push_back({shown, pointer, "each pair once, each with a page name of its own", refused, ""});
    }
}

void add_categories(const json& categories, const catalog& tools, const std::string& shown, pair_list& out, problem_list& problems) {
    for (std::size_t i = 0; i < categories.size(); ++i) {
        const std::string name = categories[i].get<std::string>();
        std::vector<const tool*> members;
        for (const tool& t : tools.tools)
            if (t.category == name) members.push_back(&t);
        if (members.empty())
            problems.push_back({shown, "/all_pairs_within/" + std::to_string(i), "the category of a catalog tool", "\"" + name + "\"",
                                did_you_mean(name, categories_of(tools))});
        for (std::size_t a = 0; a < members.size(); ++a)
            for (std::size_t b = a + 1; b < members.size(); ++b)
                if (const std::string refused = out.add(members[a], members[b]); refused.starts_with("a pair whose page name"))
                    problems.push_back({shown, "/all_pairs_within/" + std::to_string(i), "each pair with a page name of its own", refused, ""});
    }
}

}  // namespace

std::vector<comparison_pair> load_comparisons(const std::filesystem::path& catalog_dir, const catalog& tools, problem_list& problems) {
    const std::filesystem::path file = catalog_dir / "comparisons.json";
    const std::size_t before = problems.size();
    const auto document = read_json_document(file, comparisons_schema(), problems, max_comparisons_file_bytes);
    if (!document || problems.size() > before) return {};
    const std::string shown = display_path(file);
    pair_list out;
    if (document->contains("pairs")) add_explicit(document->at("pairs"), tools, shown, out, problems);
    if (document->contains("all_pairs_within")) add_categories(document->at("all_pairs_within"), tools, shown, out, problems);
    return out.take();
}

}  // namespace verdict
