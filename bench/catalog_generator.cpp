// Builds one synthetic tool per index. Each optional fact is drawn against its
// own presence odds, so every fact is present in some tools and absent in
// others, and facts vary independently of one another; enums are drawn
// uniformly so every value turns up; numbers hit both ends of their ranges.
// Keys are written in the schema's order so a generated file reads like a
// hand-written one.
#include "catalog_generator.hpp"

#include "phrase_book.hpp"
#include "random_stream.hpp"

#include <cstdio>
#include <algorithm>
#include <initializer_list>
#include <stdexcept>

namespace verdict::bench {
namespace {

using json = nlohmann::ordered_json;

// Independent random streams per purpose, so adding a draw to one never shifts another.
// The facts of tool schema version 2 come from a stream of their own, so they join the catalog a seed generated before
// without changing any fact it already had.
enum stream_purpose : std::uint64_t { tool_facts = 1, tool_category = 2, comparison_pairs = 3, tool_facts_v2 = 4 };

// How often each optional fact appears, in percent (a member's odds apply once its group is present).
// Varied on purpose: when every fact has the same odds, combinations such as "a claim without evidence
// but with breaks_at" are all equally common, and the rare ones are what find bugs.
struct presence {
    std::string_view pointer;
    int percent;
};
constexpr presence presence_table[] = {
    {"/vendor", 90}, {"/kind", 75}, {"/kind/v2", 20}, {"/primitive", 60}, {"/dx_bet", 35}, {"/hard_to_replicate", 30},
    {"/predecessor", 20}, {"/predecessor/improvement", 70}, {"/supports", 30}, {"/supports/day_zero", 50}, {"/track_record", 20},
    {"/differentiator", 25}, {"/availability", 70}, {"/pricing/notes", 40},
    {"/licence", 55}, {"/licence/name", 60}, {"/licence/open_weights", 50}, {"/licence/open_source", 55}, {"/licence/commercial_use", 65},
    {"/distribution", 45}, {"/integrations", 50},
    {"/setup", 60}, {"/setup/api_key", 60}, {"/setup/env_vars", 50}, {"/setup/steps", 55}, {"/setup/first_run", 65}, {"/setup/spares", 30},
    {"/examples", 55}, {"/deployment", 60}, {"/lock_in", 50}, {"/performance", 35},
    {"/benchmarks", 35}, {"/benchmarks/names", 75}, {"/benchmarks/self_reported", 60}, {"/benchmarks/methodology_published", 50},
    {"/claims", 45}, {"/claims/evidence", 70}, {"/claims/evidence/several", 30},
    {"/claims/breaks_at", 45}, {"/claims/holds_for", 30},
    {"/problem", 55}, {"/problem/statement", 80}, {"/problem/solved", 55},
    {"/risks", 50}, {"/risks/legal", 65}, {"/risks/legal_notes", 50}, {"/risks/threat", 55},
    {"/competitors", 45}, {"/competitors/open_weights", 50}, {"/competitors/commercial_use", 45}, {"/competitors/note", 30},
    {"/competitors/shared_note", 15},
    {"/market", 60}, {"/market/buyer", 70}, {"/market/budget_line", 55}, {"/market/revenue_model", 65}, {"/market/moat", 50},
    {"/market/expansion", 45}, {"/market/upgrade_path", 50}, {"/market/strategy", 30}, {"/market/alternative", 25},
    {"/market/value", 30},
    {"/thesis", 55}, {"/thesis/statement", 75}, {"/thesis/falsifiable", 55}, {"/thesis/dependency", 60},
    {"/thesis/dependency_status", 55}, {"/thesis/second_order", 50}, {"/thesis/timing", 60}, {"/thesis/dependencies", 30},
    {"/thesis/dependencies/status", 60}, {"/thesis/next", 30},
    {"/audience", 65}, {"/audience/v2", 25}, {"/audience_note", 20}, {"/ecosystem", 35}, {"/traction", 45}, {"/traction/github_stars", 80},
    {"/traction/note", 40}, {"/traction/becoming", 20},
    {"/seats", 15},
};

bool present(random_stream& rng, std::string_view pointer) {
    for (const presence& p : presence_table)
        if (p.pointer == pointer) return rng.chance(p.percent);
    throw std::logic_error("no presence odds for " + std::string(pointer));
}

std::string pick(random_stream& rng, std::initializer_list<std::string_view> values) {
    return std::string(values.begin()[rng.below(values.size())]);
}

// Lists of 0 to 4 items: the empty list is a fact too ("no integrations"), distinct from an absent one.
std::size_t list_length(random_stream& rng) { return static_cast<std::size_t>(rng.between(0, 4)); }

json some_of(random_stream& rng, std::initializer_list<std::string_view> values, std::int64_t at_least = 0) {
    json out = json::array();
    const auto length = static_cast<std::size_t>(rng.between(at_least, 4));
    for (const std::size_t i : rng.distinct(values.size(), length)) out.push_back(std::string(values.begin()[i]));
    return out;
}

// Stars spread over orders of magnitude, like real projects, with both ends of 0..500000 drawn often enough to occur.
std::int64_t github_stars(random_stream& rng) {
    if (rng.chance(8)) return 0;
    if (rng.chance(5)) return 500000;
    const std::int64_t digits = rng.between(1, 6);
    std::int64_t high = 1;
    for (std::int64_t d = 0; d < digits; ++d) high *= 10;
    return std::min<std::int64_t>(rng.between(high / 10, high - 1), 500000);
}

struct tool_context {
    random_stream& rng;
    random_stream& v2;   ///< Draws for the facts of schema version 2.
    const phrase_bindings& words;
    std::string text(std::string_view pattern) { return expand(rng, pattern, words); }
    std::string text_v2(std::string_view pattern) { return expand(v2, pattern, words); }
};

json supports(random_stream& v) {
    json out = json::array();
    for (const std::string& name : distinct_phrases(v, "support", list_length(v))) {
        json support = {{"name", name}};
        if (present(v, "/supports/day_zero")) support["day_zero"] = v.chance(50);
        out.push_back(std::move(support));
    }
    return out;
}

void add_core_facts(tool_context& c, json& d) {
    random_stream& r = c.rng;
    random_stream& v = c.v2;
    if (present(r, "/kind")) d["kind"] = pick(r, {"model", "platform", "agent", "library", "application", "service", "dataset"});
    if (d.contains("kind") && present(v, "/kind/v2")) d["kind"] = pick(v, {"framework", "sdk", "cli"});
    if (present(r, "/primitive")) d["primitive"] = c.text("{primitive}");
    if (present(v, "/dx_bet")) d["dx_bet"] = c.text_v2("{dx_bet}");
    if (present(v, "/hard_to_replicate")) d["hard_to_replicate"] = v.chance(50);
    if (present(v, "/predecessor")) {
        json& p = d["predecessor"] = {{"name", c.text_v2("{name_a} {name_b} 1")}};
        if (present(v, "/predecessor/improvement")) p["improvement"] = c.text_v2("{improvement}");
    }
    if (present(v, "/supports")) d["supports"] = supports(v);
    if (present(v, "/track_record")) d["track_record"] = c.text_v2("{track_record}");
    if (present(v, "/differentiator")) d["differentiator"] = c.text_v2("{differentiator}");
    if (present(r, "/availability")) d["availability"] = pick(r, {"released", "beta", "demo", "waitlist", "announced"});
    d["pricing"]["entry"] = pick(r, {"free", "freemium", "paid", "usage_based"});
    if (present(r, "/pricing/notes")) d["pricing"]["notes"] = c.text("{pricing_notes}");
    if (present(r, "/licence")) {
        json& l = d["licence"] = json::object();   // may stay empty: "licence": {} is valid and means nothing known
        if (present(r, "/licence/name")) l["name"] = c.text("{licence_name}");
        if (present(r, "/licence/open_weights")) l["open_weights"] = r.chance(50);
        if (present(r, "/licence/open_source")) l["open_source"] = r.chance(50);
        if (present(r, "/licence/commercial_use")) l["commercial_use"] = pick(r, {"allowed", "restricted", "forbidden"});
    }
    if (present(r, "/distribution")) d["distribution"] = distinct_phrases(r, "distribution", list_length(r));
    if (present(r, "/integrations")) d["integrations"] = distinct_phrases(r, "integration", list_length(r));
}

void add_setup_facts(tool_context& c, json& d) {
    random_stream& r = c.rng;
    if (present(r, "/setup")) {
        json& s = d["setup"] = json::object();
        if (present(r, "/setup/api_key")) s["api_key"] = r.chance(50);
        if (present(r, "/setup/env_vars")) s["env_vars"] = r.between(0, 6);
        if (present(r, "/setup/steps")) s["steps"] = r.between(0, 12);
        if (present(r, "/setup/first_run")) s["first_run"] = c.text("{first_run}");
        if (present(c.v2, "/setup/spares")) s["spares"] = c.text_v2("{spares}");
    }
    if (present(r, "/examples")) d["examples"] = pick(r, {"working", "pseudocode", "none"});
    if (present(r, "/deployment")) d["deployment"] = some_of(r, {"local", "on_device", "self_hosted", "cloud"});
    if (present(r, "/lock_in")) d["lock_in"] = pick(r, {"none", "low", "high"});
    if (present(r, "/performance")) d["performance"] = c.text("{performance}");
}

json claims(tool_context& c) {
    json out = json::array();
    for (std::size_t i = list_length(c.rng); i > 0; --i) {
        json claim = {{"text", c.text("{claim}")}};
        if (present(c.rng, "/claims/evidence")) claim["evidence"] = pick(c.rng, {"independent", "documented", "self_reported", "none"});
        if (claim.contains("evidence") && present(c.v2, "/claims/evidence/several"))
            claim["evidence"] = some_of(c.v2, {"independent", "documented", "self_reported", "code"}, 1);
        if (present(c.rng, "/claims/breaks_at")) claim["breaks_at"] = c.text("{breaks_at}");
        if (present(c.v2, "/claims/holds_for")) claim["holds_for"] = c.text_v2("{holds_for}");
        out.push_back(std::move(claim));
    }
    return out;
}

json competitors(tool_context& c) {
    random_stream& r = c.rng;
    json out = json::array();
    const std::string shared = present(c.v2, "/competitors/shared_note") ? c.text_v2("{competitor_note}") : "";
    for (const std::string& name : distinct_phrases(r, "competitor", list_length(r))) {
        json competitor = {{"name", name}};
        if (present(r, "/competitors/open_weights")) competitor["open_weights"] = r.chance(50);
        if (present(r, "/competitors/commercial_use")) competitor["commercial_use"] = pick(r, {"allowed", "restricted", "forbidden"});
        if (!shared.empty()) competitor["note"] = shared;
        else if (present(c.v2, "/competitors/note")) competitor["note"] = c.text_v2("{competitor_note}");
        out.push_back(std::move(competitor));
    }
    return out;
}


void add_evidence(tool_context& c, json& d) {
    random_stream& r = c.rng;
    if (present(r, "/benchmarks")) {
        json& b = d["benchmarks"] = json::object();
        if (present(r, "/benchmarks/names")) b["names"] = distinct_phrases(r, "benchmark", list_length(r));
        if (present(r, "/benchmarks/self_reported")) b["self_reported"] = r.chance(50);
        if (present(r, "/benchmarks/methodology_published")) b["methodology_published"] = r.chance(50);
    }
    if (present(r, "/claims")) d["claims"] = claims(c);
    if (present(r, "/problem")) {
        json& p = d["problem"] = json::object();
        if (present(r, "/problem/statement")) p["statement"] = c.text("{problem}");
        if (present(r, "/problem/solved")) p["solved"] = r.chance(50);
    }
    if (present(r, "/risks")) {
        json& k = d["risks"] = json::object();
        if (present(r, "/risks/legal")) k["legal"] = pick(r, {"none", "low", "medium", "high"});
        if (present(r, "/risks/legal_notes")) k["legal_notes"] = c.text("{legal_notes}");
        if (present(r, "/risks/threat")) k["threat"] = c.text("{threat}");
    }
    if (present(r, "/competitors")) d["competitors"] = competitors(c);
}

json dependencies(tool_context& c) {
    json out = json::array();
    for (const std::string& text : distinct_phrases(c.v2, "dependency", list_length(c.v2))) {
        json dependency = {{"text", text}};
        if (present(c.v2, "/thesis/dependencies/status")) dependency["status"] = pick(c.v2, {"holding", "uncertain", "failing"});
        out.push_back(std::move(dependency));
    }
    return out;
}

void add_market(tool_context& c, json& d) {
    random_stream& r = c.rng;
    if (!present(r, "/market")) return;
    json& m = d["market"] = json::object();
    if (present(r, "/market/buyer")) m["buyer"] = c.text("{team}");
    if (present(r, "/market/budget_line")) m["budget_line"] = c.text("{budget_line}");
    if (present(r, "/market/revenue_model"))
        m["revenue_model"] = pick(r, {"none", "distribution", "usage", "subscription", "licence", "one_time", "services", "open_core"});
    if (present(r, "/market/moat")) m["moat"] = c.text("{moat}");
    if (present(r, "/market/expansion")) m["expansion"] = c.text("{expansion}");
    if (present(r, "/market/upgrade_path")) m["upgrade_path"] = r.chance(50);
    if (present(c.v2, "/market/strategy")) m["strategy"] = c.text_v2("{strategy}");
    if (present(c.v2, "/market/alternative")) m["alternative"] = c.text_v2("{alternative}");
    if (present(c.v2, "/market/value")) m["value"] = c.text_v2("{value}");
}

void add_future_and_traction(tool_context& c, json& d) {
    random_stream& r = c.rng;
    if (present(r, "/thesis")) {
        json& t = d["thesis"] = json::object();
        if (present(r, "/thesis/statement")) t["statement"] = c.text("{thesis}");
        if (present(r, "/thesis/falsifiable")) t["falsifiable"] = r.chance(50);
        if (present(r, "/thesis/dependency")) t["dependency"] = c.text("{dependency}");
        if (present(r, "/thesis/dependency_status")) t["dependency_status"] = pick(r, {"holding", "uncertain", "failing"});
        if (present(r, "/thesis/second_order")) t["second_order"] = c.text("{second_order}");
        if (present(r, "/thesis/timing")) t["timing"] = pick(r, {"early", "on_time", "late"});
        if (present(c.v2, "/thesis/dependencies")) t["dependencies"] = dependencies(c);
        if (present(c.v2, "/thesis/next")) t["next"] = c.text_v2("{next}");
    }
    if (present(r, "/audience")) d["audience"] = some_of(r, {"developers", "researchers", "ml_engineers", "enterprises", "creators", "consumers"});
    if (d.contains("audience") && present(c.v2, "/audience/v2"))
        d["audience"] = some_of(c.v2, {"developers", "creators", "small_companies", "startups", "hobbyists", "students"});
    if (present(c.v2, "/audience_note")) d["audience_note"] = c.text_v2("{audience_note}");
    if (present(r, "/ecosystem")) d["ecosystem"] = distinct_phrases(r, "ecosystem", list_length(r));
    if (present(r, "/traction")) {
        json& t = d["traction"] = json::object();
        if (present(r, "/traction/github_stars")) t["github_stars"] = github_stars(r);
        if (present(r, "/traction/note")) t["note"] = c.text("{traction_note}");
        if (present(c.v2, "/traction/becoming")) t["becoming"] = c.text_v2("{becoming}");
    }
}

// A tool's own panel: a non-empty subset of the panel's seats, kept in panel order as the guide's example is.
void add_seats(random_stream& r, const std::vector<std::string>& seat_ids, json& d) {
    if (seat_ids.empty() || !present(r, "/seats")) return;
    json seats = json::array();
    const std::size_t forced = r.below(seat_ids.size());   // the seat kept should the draws below keep none
    std::vector<bool> keep(seat_ids.size());
    for (std::size_t i = 0; i < seat_ids.size(); ++i) keep[i] = r.chance(70);
    if (std::none_of(keep.begin(), keep.end(), [](bool k) { return k; })) keep[forced] = true;
    for (std::size_t i = 0; i < seat_ids.size(); ++i)
        if (keep[i]) seats.push_back(seat_ids[i]);
    d["seats"] = std::move(seats);
}

std::string numbered(std::size_t number) {
    std::string digits = std::to_string(number);
    return std::string(digits.size() < 5 ? 5 - digits.size() : 0, '0') + digits;
}

// Dates spread over one year, from the index alone, so drawing them moves no other fact.
std::string checked_on(std::size_t index) {
    char text[16];
    std::snprintf(text, sizeof text, "2026-%02zu-%02zu", 1 + index % 12, 1 + index / 12 % 28);
    return text;
}

std::string description(tool_context& c, const std::string& name) {
    std::string text = name + " is " + c.text("a {adj} {thing} for {domain}.");
    for (const std::string& sentence : distinct_phrases(c.rng, "description_sentence", static_cast<std::size_t>(c.rng.between(1, 3))))
        text += " " + sentence;
    return text;
}

}  // namespace

std::string slug_of(std::string_view name) {
    std::string slug;
    bool pending_hyphen = false;
    for (const char ch : name) {
        const bool upper = ch >= 'A' && ch <= 'Z';
        if (!upper && !(ch >= 'a' && ch <= 'z') && !(ch >= '0' && ch <= '9')) {
            pending_hyphen = !slug.empty();   // leading and trailing separators vanish; inner runs become one hyphen
            continue;
        }
        if (pending_hyphen) slug += '-';
        pending_hyphen = false;
        slug += upper ? static_cast<char>(ch - 'A' + 'a') : ch;
    }
    return slug;
}

std::vector<std::string> category_names(std::size_t count) {
    const auto& stock = word_list("category");
    std::vector<std::string> names;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t round = i / stock.size();
        names.push_back(std::string(stock[i % stock.size()]) + (round == 0 ? "" : " " + std::to_string(round + 1)));
    }
    return names;
}

generated_tool make_tool(const catalog_plan& plan, std::size_t index) {
    random_stream rng(stream_seed(plan.seed, tool_facts, index));
    const std::string name_a = expand(rng, "{name_a}");
    const std::string name_b = expand(rng, "{name_b}");
    const std::string name = "Tool " + numbered(index + 1) + " " + name_a + " " + name_b + expand(rng, "{name_suffix}");
    phrase_bindings words{{"name_a", name_a}, {"cmd", slug_of(name_b)}};
    const std::string vendor = expand(rng, "{vendor}", words);
    words.emplace_back("vendor", vendor);
    random_stream v2(stream_seed(plan.seed, tool_facts_v2, index));
    tool_context c{rng, v2, words};

    // Every category is used once before any repeats; after that, earlier categories are favoured (the minimum of two
    // draws), so category sizes are uneven as in a real catalog.
    random_stream category_rng(stream_seed(plan.seed, tool_category, index));
    const std::size_t count = plan.categories.size();
    const std::size_t category = index < count ? index : std::min(category_rng.below(count), category_rng.below(count));

    generated_tool out{json::object(), {slug_of(name), category}};
    json& d = out.document;
    d["id"] = out.key.id;
    d["name"] = name;
    if (present(v2, "/vendor")) d["vendor"] = vendor;
    d["category"] = plan.categories.at(category);
    d["tagline"] = c.text("{tagline}");
    d["description"] = description(c, name);
    d["updated"] = checked_on(index);
    add_core_facts(c, d);
    add_setup_facts(c, d);
    add_evidence(c, d);
    add_market(c, d);
    add_future_and_traction(c, d);
    add_seats(rng, plan.seat_ids, d);
    return out;
}

json make_comparisons(const catalog_plan& plan, const std::vector<tool_key>& tools) {
    constexpr std::size_t max_pairs_per_tool = 5;
    constexpr std::size_t window = 6;   // partners come from the next few tools of the category, so pairs stay local
    std::vector<std::vector<std::size_t>> members(plan.categories.size());
    for (std::size_t i = 0; i < tools.size(); ++i) members.at(tools[i].category).push_back(i);
    random_stream rng(stream_seed(plan.seed, comparison_pairs, 0));
    std::vector<std::size_t> pairs_of(tools.size(), 0);
    json pairs = json::array();
    for (const auto& group : members)
        for (std::size_t k = 0; k < group.size(); ++k) {
            const std::size_t ahead = std::min(window, group.size() - k - 1);
            for (const std::size_t step : rng.distinct(ahead, static_cast<std::size_t>(rng.between(1, 3)))) {
                const std::size_t a = group[k];
                const std::size_t b = group[k + 1 + step];
                if (pairs_of[a] >= max_pairs_per_tool || pairs_of[b] >= max_pairs_per_tool) continue;
                ++pairs_of[a];
                ++pairs_of[b];
                pairs.push_back(json::array({tools[a].id, tools[b].id}));
            }
        }
    json out = json::object();
    out["pairs"] = std::move(pairs);
    return out;
}

}  // namespace verdict::bench
