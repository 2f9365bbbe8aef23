#include "serve/head_baseline.hpp"

#include "diff/catalog_data.hpp"
#include "diff/revision_catalog.hpp"
#include "panel/panel_config.hpp"

#include <algorithm>

namespace verdict::serve {
namespace {

// How often git is asked which commit HEAD is: a lab page reloaded on every save must not run git every time.
constexpr std::chrono::seconds commit_check_every{1};

}  // namespace

struct head_baseline::reviewed {
    revision_catalog revision;
    std::unique_ptr<panel> seats;
    std::unique_ptr<catalog_data> data;
    std::vector<tool_review> reviews;

    // `seat_ids` are the working tree's seats: with HEAD's, the seats a tool may name, as `verdict diff` allows.
    reviewed(const std::filesystem::path& catalog_dir, const std::filesystem::path& persona_dir, const host_options& host,
             std::vector<std::string> seat_ids, std::string& failure)
        : revision(catalog_dir, "HEAD") {
        problem_list problems;
        auto config = load_panel_config_file(revision.catalog_dir() / "panel.json", persona_dir, problems);
        if (!config) {
            failure = revision.shown(problems.empty() ? "its panel.json cannot be read" : to_string(problems.front()));
            return;
        }
        revision.take_seat_sources(*config);
        seats = std::make_unique<panel>(std::move(*config), problems, host);
        for (const std::string& id : seats->config().seat_ids())
            if (std::find(seat_ids.begin(), seat_ids.end(), id) == seat_ids.end()) seat_ids.push_back(id);
        data = load_catalog_data(revision.catalog_dir(), seat_ids, problems);
        std::vector<const tool*> all;
        for (const tool& t : data->tools.tools) all.push_back(&t);
        reviews = review_tools(*seats, all);
    }
};

head_baseline::head_baseline(std::filesystem::path catalog_dir, std::filesystem::path persona_dir, host_options host)
    : catalog_dir_(std::move(catalog_dir)), persona_dir_(std::move(persona_dir)), host_(std::move(host)) {}

head_baseline::~head_baseline() { stop(); }

void head_baseline::stop() {
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(mutex_);
        ready_ = nullptr;
        threads.swap(reviewing_);
    }
    for (std::thread& t : threads) t.join();
}

void head_baseline::on_ready(std::function<void()> ready) {
    std::lock_guard lock(mutex_);
    ready_ = std::move(ready);
}

void head_baseline::review(std::string commit, std::vector<std::string> seat_ids) {
    std::shared_ptr<const reviewed> made;
    std::string failure;
    try {
        auto head = std::make_shared<reviewed>(catalog_dir_, persona_dir_, host_, std::move(seat_ids), failure);
        if (failure.empty()) made = std::move(head);
    } catch (const std::exception& error) {
        failure = error.what();
    }
    std::function<void()> ready;
    {
        std::lock_guard lock(mutex_);
        busy_ = false;
        if (commit != reviewed_commit_) return;
        head_ = std::move(made);
        failure_ = std::move(failure);
        ready = ready_;
    }
    if (ready) ready();
}

std::optional<catalog_diff> head_baseline::diff_against(const site_state& now, std::string& label, std::string& why_none) {
    std::shared_ptr<const reviewed> head;
    {
        std::lock_guard lock(mutex_);
        const auto time = std::chrono::steady_clock::now();
        if (!checked_ || time - *checked_ >= commit_check_every) {
            checked_ = time;
            try {
                head_commit_ = commit_named(catalog_dir_, "HEAD");
            } catch (const std::exception& error) {   // no process to run git: the column waits for the next check
                why_none = std::string("git cannot be run: ") + error.what();
                return std::nullopt;
            }
        }
        if (!head_commit_) {
            why_none = "the catalog is not in a git repository with a commit";
            return std::nullopt;
        }
        if (*head_commit_ != reviewed_commit_ && !busy_) {
            reviewed_commit_ = *head_commit_;
            head_.reset();
            failure_.clear();
            busy_ = true;
            reviewing_.emplace_back(&head_baseline::review, this, reviewed_commit_, now.seats->config().seat_ids());
        }
        if (busy_) {
            why_none = "HEAD (" + head_commit_->substr(0, 7) + ") is being reviewed; this page reloads when it is ready";
            return std::nullopt;
        }
        if (!head_) {
            why_none = "HEAD's catalog cannot be reviewed: " + failure_;
            return std::nullopt;
        }
        head = head_;
        label = head->revision.label();
    }
    const catalog_data& old = *head->data;
    return diff_catalog({head->reviews, old.pairs, old.votes, head->seats->config().community},
                        {now.reviews, now.pairs, now.votes, now.seats->config().community});
}

}  // namespace verdict::serve
