#include "serve/live_catalog.hpp"

#include "catalog/site_settings.hpp"
#include "catalog/tool_file.hpp"
#include "panel/panel_config.hpp"
#include "support/file_access.hpp"
#include "support/text_file.hpp"

#include <algorithm>
#include <chrono>
#include <optional>

namespace verdict::serve {
namespace {

std::vector<live_problem> shown(const problem_list& problems) {
    std::vector<live_problem> out;
    for (const problem& p : problems) out.push_back(live_problem_of(p));
    return out;
}

std::string tool_source(const std::filesystem::path& file) { return "tool " + display_path(file); }

std::string counted(std::size_t n, const std::string& what) { return std::to_string(n) + " " + what + (n == 1 ? "" : "s"); }

// The panel of `catalog_dir`, with the problems of its file and of each seat whose persona did not load; null when the
// file itself cannot be used.
std::shared_ptr<const panel> load_seats(const std::filesystem::path& catalog_dir, const std::filesystem::path& persona_dir, const host_options& host,
                                        std::vector<live_problem>& problems) {
    problem_list found;
    auto config = load_panel_config(catalog_dir, persona_dir, found);
    std::shared_ptr<const panel> seats = config ? std::make_shared<const panel>(std::move(*config), found, host) : nullptr;
    problems = shown(found);
    if (seats)
        for (const seat& s : seats->seats())
            if (!s.loaded) problems.push_back(seat_load_problem(display_path(s.config.source), s.failure));
    return seats;
}

// Whether `now` fails to load a seat that `before` loaded: an edit broke its persona.
bool lost_a_seat(const panel& before, const panel& now) {
    for (const seat& s : now.seats()) {
        if (s.loaded) continue;
        const auto was = std::find_if(before.seats().begin(), before.seats().end(), [&](const seat& b) { return b.config.id == s.config.id; });
        if (was != before.seats().end() && was->loaded) return true;
    }
    return false;
}

// Where tool `id` is, or would go, in `tools`, which are in id order.
std::size_t place_of(const catalog& tools, const std::string& id) {
    return static_cast<std::size_t>(
        std::lower_bound(tools.tools.begin(), tools.tools.end(), id, [](const tool& t, const std::string& wanted) { return t.id < wanted; }) -
        tools.tools.begin());
}

void remove_tool(site_state& state, const std::string& id) {
    const std::size_t at = place_of(state.tools, id);
    if (at == state.tools.tools.size() || state.tools.tools[at].id != id) return;
    state.tools.tools.erase(state.tools.tools.begin() + static_cast<std::ptrdiff_t>(at));
    state.reviews.erase(state.reviews.begin() + static_cast<std::ptrdiff_t>(at));
}

}  // namespace

live_catalog::live_catalog(std::filesystem::path catalog_dir, std::filesystem::path persona_dir, host_options host)
    : catalog_dir_(std::move(catalog_dir)), persona_dir_(std::move(persona_dir)), host_(std::move(host)) {}

std::shared_ptr<const site_state> live_catalog::current() const {
    std::lock_guard lock(mutex_);
    return current_;
}

std::vector<live_problem> live_catalog::problems() const {
    std::lock_guard lock(mutex_);
    std::vector<live_problem> out;
    for (const auto& [source, list] : problems_) out.insert(out.end(), list.begin(), list.end());
    return out;
}

void live_catalog::set_problems(const std::string& source, std::vector<live_problem> problems) {
    std::lock_guard lock(mutex_);
    if (problems.empty()) problems_.erase(source);
    else problems_[source] = std::move(problems);
}

reload_report live_catalog::load() {
    catalog_change everything;
    everything.everything = true;
    return apply(everything);
}

reload_report live_catalog::apply(const catalog_change& change) {
    const auto start = std::chrono::steady_clock::now();
    catalog_change wanted = pending_;
    wanted.merge(change);
    const std::shared_ptr<const site_state> base = current();
    reload_report report;
    std::unique_ptr<site_state> next = rebuild(base.get(), wanted, report.what);
    if (!next) report.what = "nothing";
    report.kept_last_good = !next || (base && broke(wanted));
    if (report.kept_last_good) pending_ = wanted;
    else {
        pending_ = {};
        std::lock_guard lock(mutex_);
        current_ = std::move(next);
    }
    report.problems = problems().size();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

bool live_catalog::broke(const catalog_change& change) const {
    std::lock_guard lock(mutex_);
    const auto has = [this](const std::string& source) { return problems_.count(source) > 0; };
    return ((change.everything || !change.seats.empty()) && has("panel")) || (change.comparisons && has("comparisons")) ||
           (change.votes && has("votes")) || (change.site && has("site"));
}

std::unique_ptr<site_state> live_catalog::load_everything(std::string& what) {
    std::vector<live_problem> seat_problems;
    std::shared_ptr<const panel> seats = load_seats(catalog_dir_, persona_dir_, host_, seat_problems);
    set_problems("panel", std::move(seat_problems));
    if (!seats) return nullptr;
    auto state = std::make_unique<site_state>();
    state->seats = seats;
    problem_list found;
    state->tools = load_catalog(catalog_dir_, seats->config().seat_ids(), found);
    {
        std::lock_guard lock(mutex_);
        for (auto it = problems_.begin(); it != problems_.end();) it = it->first.rfind("tool ", 0) == 0 ? problems_.erase(it) : std::next(it);
    }
    std::map<std::string, problem_list> by_file;
    for (problem& p : found) by_file[p.file].push_back(std::move(p));
    for (auto& [file, list] : by_file) set_problems("tool " + file, shown(list));
    std::vector<const tool*> all;
    for (const tool& t : state->tools.tools) {
        all.push_back(&t);
        state->file_ids.emplace(display_path(catalog_dir_ / "tools" / (t.id + ".json")), t.id);
    }
    state->reviews = review_tools(*seats, all);
    what = counted(all.size(), "tool") + " by " + counted(seats->seats().size(), "seat");
    return state;
}

bool live_catalog::read_tool_files(site_state& state, const catalog_change& change, std::string& what) {
    bool tool_set_changed = false;
    const std::vector<std::string> seat_ids = state.seats->config().seat_ids();
    for (const std::filesystem::path& file : change.tool_files) {
        const std::string shown_file = display_path(file);
        const auto held = state.file_ids.find(shown_file);
        if (probe_path(file).kind == path_kind::missing) {
            set_problems(tool_source(file), {});
            if (held == state.file_ids.end()) continue;
            remove_tool(state, held->second);
            what += (what.empty() ? "" : ", ") + held->second + " (removed)";
            state.file_ids.erase(held);
            tool_set_changed = true;
            continue;
        }
        problem_list found;
        tool_file read = read_tool_file(file, seat_ids, found);
        set_problems(tool_source(file), shown(found));
        if (!read.subject) continue;
        if (held != state.file_ids.end() && held->second != read.subject->id) {
            remove_tool(state, held->second);
            tool_set_changed = true;
        }
        tool_review review = review_tool(*state.seats, *read.subject);
        const std::size_t at = place_of(state.tools, read.subject->id);
        what += (what.empty() ? "" : ", ") + read.subject->id + " (" + counted(review.seats.size(), "seat") + ")";
        state.file_ids[shown_file] = read.subject->id;
        if (at < state.tools.tools.size() && state.tools.tools[at].id == read.subject->id) {
            state.tools.tools[at] = std::move(*read.subject);
            state.reviews[at] = std::move(review);
        } else {
            state.tools.tools.insert(state.tools.tools.begin() + static_cast<std::ptrdiff_t>(at), std::move(*read.subject));
            state.reviews.insert(state.reviews.begin() + static_cast<std::ptrdiff_t>(at), std::move(review));
            tool_set_changed = true;
        }
    }
    return tool_set_changed;
}

std::unique_ptr<site_state> live_catalog::rebuild(const site_state* base, const catalog_change& change, std::string& what) {
    std::unique_ptr<site_state> state;
    bool reread_votes = change.votes;
    if (!base || change.everything) {
        state = load_everything(what);
        if (!state) return nullptr;
        reread_votes = true;
        problem_list found;
        state->settings = load_site_settings(catalog_dir_, found);
        set_problems("site", shown(found));
    } else {
        state = copy_inputs(*base);
        if (!change.seats.empty()) {
            std::vector<live_problem> seat_problems;
            std::shared_ptr<const panel> seats = load_seats(catalog_dir_, persona_dir_, host_, seat_problems);
            const bool lost = !seats || lost_a_seat(*base->seats, *seats);
            set_problems("panel", std::move(seat_problems));
            if (!seats || lost) return nullptr;
            if (seats->config().seat_ids() != base->seats->config().seat_ids()) {
                catalog_change everything;
                everything.everything = true;
                return rebuild(nullptr, everything, what);
            }
            state->seats = seats;
            const std::vector<std::string> ids(change.seats.begin(), change.seats.end());
            review_seats_again(*seats, state->reviews, ids);
            for (const std::string& id : ids) what += (what.empty() ? "seat " : ", seat ") + id;
            what += " on " + counted(state->reviews.size(), "tool");
        }
        if (read_tool_files(*state, change, what)) reread_votes = true;
        if (change.site) {
            problem_list found;
            state->settings = load_site_settings(catalog_dir_, found);
            set_problems("site", shown(found));
        }
    }
    if (reread_votes) {
        problem_list found;
        state->votes = load_votes(catalog_dir_, state->tools, found);
        set_problems("votes", shown(found));
    }
    problem_list found;
    finish(*state, catalog_dir_, found);
    set_problems("comparisons", shown(found));
    if (what.empty()) what = "nothing";   // a tool file that did not read, or comparisons, votes, site settings alone
    return state;
}

catalog_change live_catalog::classify(const std::vector<std::filesystem::path>& changed) const {
    const auto canonical = [](const std::filesystem::path& p) {
        std::error_code ignored;
        return std::filesystem::weakly_canonical(std::filesystem::absolute(p, ignored), ignored);
    };
    const std::filesystem::path catalog = canonical(catalog_dir_);
    const std::shared_ptr<const site_state> state = current();
    catalog_change out;
    for (const std::filesystem::path& each : changed) {
        const std::filesystem::path file = canonical(each);
        const std::filesystem::path folder = file.parent_path();
        const std::string name = file.filename().string();
        if (folder == catalog) {
            if (name == "panel.json" || name == "tools") out.everything = true;
            if (name == "comparisons.json") out.comparisons = true;
            if (name == "site.json") out.site = true;
            if (name == "votes") out.votes = true;
        } else if (folder == catalog / "tools" && file.extension() == ".json" && name.front() != '.') {
            out.tool_files.insert(catalog_dir_ / "tools" / name);
        } else if (folder == catalog / "votes") {
            out.votes = true;
        }
        if (!state) continue;
        for (const seat& s : state->seats->seats())
            if (canonical(s.config.source) == file) out.seats.insert(s.config.id);
    }
    return out;
}

std::vector<std::filesystem::path> live_catalog::folders() const {
    std::vector<std::filesystem::path> out{catalog_dir_, catalog_dir_ / "tools", catalog_dir_ / "votes"};
    // Before the first load, the panel file alone says where the personas are: they are watched before they load.
    std::optional<panel_config> read;
    const std::shared_ptr<const site_state> state = current();
    if (!state) {
        problem_list ignored;   // the load reports them
        read = load_panel_config(catalog_dir_, persona_dir_, ignored);
    }
    const panel_config* config = state ? &state->seats->config() : read ? &*read : nullptr;
    if (config)
        for (const seat_config& s : config->seats) {
            const std::filesystem::path folder = s.source.parent_path();
            if (std::find(out.begin(), out.end(), folder) == out.end()) out.push_back(folder);
        }
    return out;
}

}  // namespace verdict::serve
