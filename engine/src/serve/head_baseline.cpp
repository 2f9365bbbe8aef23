#include "serve/head_baseline.hpp"

#include "panel/panel_config.hpp"

namespace verdict::serve {

struct head_baseline::reviewed {
    revision_catalog revision;
    std::unique_ptr<panel> seats;
    catalog tools;
    std::vector<comparison_pair> pairs;
    community_votes votes;
    std::vector<tool_review> reviews;

    reviewed(const std::filesystem::path& catalog_dir, const std::filesystem::path& persona_dir, const host_options& host, std::string& failure)
        : revision(catalog_dir, "HEAD") {
        problem_list problems;
        auto config = load_panel_config_file(revision.catalog_dir() / "panel.json", persona_dir, problems);
        if (!config) {
            failure = revision.shown(problems.empty() ? "its panel.json cannot be read" : to_string(problems.front()));
            return;
        }
        revision.take_seat_sources(*config);
        seats = std::make_unique<panel>(std::move(*config), problems, host);
        tools = load_catalog(revision.catalog_dir(), seats->config().seat_ids(), problems);
        pairs = load_comparisons(revision.catalog_dir(), tools, problems);
        votes = load_votes(revision.catalog_dir(), tools, problems);
        std::vector<const tool*> all;
        for (const tool& t : tools.tools) all.push_back(&t);
        reviews = review_tools(*seats, all);
    }
};

head_baseline::head_baseline(std::filesystem::path catalog_dir, std::filesystem::path persona_dir, host_options host)
    : catalog_dir_(std::move(catalog_dir)), persona_dir_(std::move(persona_dir)), host_(std::move(host)) {}

std::optional<catalog_diff> head_baseline::diff_against(const site_state& now, std::string& label, std::string& why_none) {
    std::shared_ptr<const reviewed> head;
    {
        std::lock_guard lock(mutex_);
        const std::optional<std::string> commit = commit_named(catalog_dir_, "HEAD");
        if (!commit) {
            why_none = "the catalog is not in a git repository with a commit";
            return std::nullopt;
        }
        if (*commit != commit_) {
            commit_ = *commit;
            failure_.clear();
            head_.reset();
            try {
                auto made = std::make_shared<reviewed>(catalog_dir_, persona_dir_, host_, failure_);
                if (failure_.empty()) head_ = std::move(made);
            } catch (const std::exception& error) {
                failure_ = error.what();
            }
        }
        if (!head_) {
            why_none = "HEAD's catalog cannot be reviewed: " + failure_;
            return std::nullopt;
        }
        head = head_;
    }
    label = head->revision.label();
    const community_rules& rules = now.seats->config().community;
    return diff_catalog({head->reviews, head->pairs, head->votes, head->seats->config().community}, {now.reviews, now.pairs, now.votes, rules});
}

}  // namespace verdict::serve
