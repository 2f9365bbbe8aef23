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

void add_to(std::string& list, const std::string& item) { list += (list.empty() ? "" : ", ") + item; }

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

bool holds(const site_state& state, std::size_t at, const std::string& id) { return at < state.tools.tools.size() && state.tools.tools[at].id == id; }

std::size_t failed_seats(const tool_review& r, const std::set<std::string>& only = {}) {
    return static_cast<std::size_t>(std::count_if(r.seats.begin(), r.seats.end(), [&](const seat_review& s) {
        return !s.result && (only.empty() || only.count(s.seat));
    }));
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

tool_review live_catalog::with_unseated_review(const site_state& state, const tool_review& r, const std::string& seat_id) {
    std::lock_guard lock(reviewing_);
    tool_review out = r;
    add_unseated_review(*state.seats, out, seat_id);
    return out;
}

reload_report live_catalog::apply(const catalog_change& change) {
    std::lock_guard reviewing(reviewing_);
    const auto start = std::chrono::steady_clock::now();
    catalog_change wanted = pending_;
    wanted.merge(change);
    const std::shared_ptr<const site_state> base = current();
    reload_report report;
    rebuilt next = rebuild(base.get(), wanted, report);
    if (report.what.empty()) report.what = "nothing";
    pending_ = next.held;
    if (!next.held.empty()) report.held_back = next.held.describe();
    if (next.state) {
        std::lock_guard lock(mutex_);
        current_ = std::move(next.state);
    }
    report.problems = problems().size();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

std::shared_ptr<const panel> live_catalog::load_seats() {
    problem_list found;
    auto config = load_panel_config(catalog_dir_, persona_dir_, found);
    if (config) {
        std::lock_guard lock(mutex_);
        read_sources_.clear();
        for (const seat_config& s : config->seats) read_sources_.emplace_back(s.id, s.source);
    }
    std::shared_ptr<const panel> seats = config ? std::make_shared<const panel>(std::move(*config), found, host_) : nullptr;
    std::vector<live_problem> problems = shown(found);
    if (seats)
        for (const seat& s : seats->seats())
            if (!s.loaded) problems.push_back(seat_load_problem(display_path(s.config.source), s.failure));
    set_problems("panel", std::move(problems));
    return seats;
}

std::unique_ptr<site_state> live_catalog::load_everything(const site_state* base, reload_report& report) {
    std::shared_ptr<const panel> seats = load_seats();
    if (!seats || (base && lost_a_seat(*base->seats, *seats))) return nullptr;
    auto state = std::make_unique<site_state>();
    state->seats = seats;
    problem_list found;
    state->tools = load_catalog(catalog_dir_, seats->config().seat_ids(), found);
    {
        std::lock_guard lock(mutex_);
        std::erase_if(problems_, [](const auto& entry) { return entry.first.rfind("tool ", 0) == 0; });
    }
    std::map<std::string, problem_list> by_file;
    for (problem& p : found) by_file[p.file].push_back(std::move(p));
    for (auto& [file, list] : by_file) set_problems("tool " + file, shown(list));
    std::vector<const tool*> all;
    for (const tool& t : state->tools.tools) all.push_back(&t);
    state->reviews = review_tools(*seats, all);
    for (const tool_review& r : state->reviews) report.failed_reviews += failed_seats(r);
    report.what = counted(all.size(), "tool") + " by " + counted(seats->seats().size(), "seat");
    found.clear();
    state->settings = load_site_settings(catalog_dir_, found);
    set_problems("site", shown(found));
    return state;
}

live_catalog::seats_reloaded live_catalog::reload_seats(site_state& state, const site_state& base, const catalog_change& change,
                                                        reload_report& report) {
    std::shared_ptr<const panel> seats = load_seats();
    if (!seats || lost_a_seat(*base.seats, *seats)) return seats_reloaded::held;
    if (seats->config().seat_ids() != base.seats->config().seat_ids()) return seats_reloaded::panel_changed;
    state.seats = seats;
    review_seats_again(*seats, state.reviews, std::vector<std::string>(change.seats.begin(), change.seats.end()));
    std::size_t sitting = 0;
    for (const tool_review& r : state.reviews) {
        const std::size_t failed = failed_seats(r, change.seats);
        report.failed_reviews += failed;
        sitting += std::any_of(r.seats.begin(), r.seats.end(), [&](const seat_review& s) { return change.seats.count(s.seat) > 0; });
    }
    std::string ids;
    for (const std::string& id : change.seats) add_to(ids, "seat " + id);
    add_to(report.what, ids + " on " + counted(sitting, "tool"));
    return seats_reloaded::applied;
}

bool live_catalog::read_tool_files(site_state& state, const catalog_change& change, reload_report& report) {
    bool tool_set_changed = false;
    const std::vector<std::string> seat_ids = state.seats->config().seat_ids();
    for (const std::filesystem::path& file : change.tool_files) {
        // A tool file holds the tool its name says: the decoder refuses any other id.
        const std::string id = file.stem().string();
        std::size_t at = place_of(state.tools, id);
        if (probe_path(file).kind == path_kind::missing) {
            set_problems(tool_source(file), {});
            if (!holds(state, at, id)) continue;
            state.tools.tools.erase(state.tools.tools.begin() + static_cast<std::ptrdiff_t>(at));
            state.reviews.erase(state.reviews.begin() + static_cast<std::ptrdiff_t>(at));
            add_to(report.what, id + " (removed)");
            tool_set_changed = true;
            continue;
        }
        problem_list found;
        tool_file read = read_tool_file(file, seat_ids, found);
        set_problems(tool_source(file), shown(found));
        if (!read.subject) continue;   // the tool keeps its last good review, and its pages their content
        tool_review review = review_tool(*state.seats, *read.subject);
        report.failed_reviews += failed_seats(review);
        add_to(report.what, id + " (" + counted(review.seats.size(), "seat") + ")");
        if (holds(state, at, id)) {
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

live_catalog::rebuilt live_catalog::rebuild(const site_state* base, const catalog_change& change, reload_report& report) {
    rebuilt out;
    bool reread_votes = change.votes;
    bool reread_comparisons = change.comparisons || !change.tool_files.empty();
    if (!base || change.everything) {
        out.state = load_everything(base, report);
        if (!out.state) {
            out.held = change;
            return out;
        }
        reread_votes = reread_comparisons = true;
    } else {
        out.state = copy_inputs(*base);
        // A persona that no longer loads holds back its seats' part of the change; the rest goes ahead.
        const seats_reloaded seats = change.seats.empty() ? seats_reloaded::applied : reload_seats(*out.state, *base, change, report);
        if (seats == seats_reloaded::held) out.held.seats = change.seats;
        if (seats == seats_reloaded::panel_changed) {
            catalog_change everything = change;
            everything.everything = true;
            report = {};
            return rebuild(base, everything, report);
        }
        if (read_tool_files(*out.state, change, report)) reread_votes = true;
        if (change.site) {
            problem_list found;
            site_settings settings = load_site_settings(catalog_dir_, found);
            set_problems("site", shown(found));
            if (found.empty()) out.state->settings = std::move(settings);
            else out.held.site = true;
        }
    }
    site_state& state = *out.state;
    if (reread_votes) {
        problem_list found;
        state.votes = load_votes(catalog_dir_, state.tools, found);
        set_problems("votes", shown(found));
    }
    if (reread_comparisons) {
        // A comparisons.json that breaks keeps its last good list; one that only names a tool now gone loses that pair.
        const auto last_good = base ? base->pair_ids : state.pair_ids;
        problem_list found;
        read_comparisons(state, catalog_dir_, found);
        set_problems("comparisons", shown(found));
        if (!found.empty() && change.comparisons && base) {
            state.pair_ids = last_good;
            out.held.comparisons = true;
        }
    }
    finish(state);
    return out;
}

std::vector<std::pair<std::string, std::filesystem::path>> live_catalog::seat_sources() const {
    std::lock_guard lock(mutex_);
    std::vector<std::pair<std::string, std::filesystem::path>> out = read_sources_;
    if (current_)
        for (const seat& s : current_->seats->seats())
            if (std::find(out.begin(), out.end(), std::make_pair(s.config.id, s.config.source)) == out.end()) out.emplace_back(s.config.id, s.config.source);
    return out;
}

catalog_change live_catalog::classify(const std::vector<std::filesystem::path>& changed) const {
    const auto canonical = [](const std::filesystem::path& p) {
        std::error_code ignored;
        return std::filesystem::weakly_canonical(std::filesystem::absolute(p, ignored), ignored);
    };
    const std::filesystem::path catalog = canonical(catalog_dir_);
    const auto sources = seat_sources();
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
        for (const auto& [id, source] : sources)
            if (canonical(source) == file) out.seats.insert(id);
    }
    return out;
}

std::vector<std::filesystem::path> live_catalog::folders() const {
    std::vector<std::filesystem::path> out{catalog_dir_, catalog_dir_ / "tools", catalog_dir_ / "votes"};
    std::vector<std::pair<std::string, std::filesystem::path>> sources = seat_sources();
    // Before the first load, the panel file alone says where the personas are: they are watched before they load.
    if (sources.empty()) {
        problem_list ignored;   // the load reports them
        if (const auto config = load_panel_config(catalog_dir_, persona_dir_, ignored))
            for (const seat_config& s : config->seats) sources.emplace_back(s.id, s.source);
    }
    for (const auto& [id, source] : sources)
        if (std::find(out.begin(), out.end(), source.parent_path()) == out.end()) out.push_back(source.parent_path());
    return out;
}

}  // namespace verdict::serve
