#include "batch/site_tools.hpp"

#include "batch/content_hash.hpp"
#include "batch/in_parallel.hpp"
#include "batch/page_inputs.hpp"
#include "catalog/tool_file.hpp"
#include "support/text_file.hpp"

#include <algorithm>
#include <future>
#include <set>

namespace verdict {
namespace {

// What a review depends on besides the tool's file: the engine, the panel configuration, and each seat's persona
// as its implementation file stands now.
std::string review_environment(const panel& seats, const std::filesystem::path& catalog_dir) {
    content_hash h;
    h.add(VERDICT_VERSION);
    problem_list ignored;   // an unreadable file hashes as absent, and the panel has already reported it
    h.add(read_text_file(catalog_dir / "panel.json", std::size_t{64} << 20, ignored).value_or(""));
    for (const seat_config& s : seats.config().seats)
        h.add(s.id).add(s.source.generic_string()).add(read_text_file(s.source, std::size_t{1} << 30, ignored).value_or(""));
    return h.hex();
}

tool_summary summary_of(const tool& t) { return {t.id, t.name, t.category, t.tagline, t.updated}; }

// A tool that holds only its summary's facts: those the index shows and the comparisons list reads.
tool tool_of(tool_summary s) {
    tool out;
    out.id = std::move(s.id);
    out.name = std::move(s.name);
    out.category = std::move(s.category);
    out.tagline = std::move(s.tagline);
    out.updated = std::move(s.updated);
    return out;
}

std::vector<std::string> messages_of(const problem_list& problems) {
    std::vector<std::string> out;
    for (const problem& p : problems) out.push_back(to_string(p));
    return out;
}

}  // namespace

std::vector<std::string> tool_files_by_id(const std::filesystem::path& catalog_dir, problem_list& problems) {
    // "a.json" comes before "a-b.json", which sort the other way by file name: the files are sorted by id.
    std::vector<std::pair<std::string, std::string>> by_id;
    for (const std::filesystem::path& file : tool_file_paths(catalog_dir, problems)) by_id.emplace_back(file.stem().string(), file.generic_string());
    std::sort(by_id.begin(), by_id.end());
    std::vector<std::string> files;
    files.reserve(by_id.size());
    for (auto& [id, file] : by_id) files.push_back(std::move(file));
    return files;
}

site_tools::site_tools(const panel& seats, const std::filesystem::path& catalog_dir, const std::vector<std::string>& files,
                       const review_records* records, const std::map<std::string, file_stamp>& stamps, std::size_t jobs,
                       verdict_history* history)
    : seats_(seats), seat_ids_(seats.config().seat_ids()), environment_(review_environment(seats, catalog_dir)), jobs_(jobs), history_(history) {
    // A seat stopped for the rest of the run while the tools were summarized fails on every tool, including those
    // summarized before it was stopped: summarize again, until no seat stops along the way.
    for (std::size_t stopped = seats.seats_stopped();; stopped = seats.seats_stopped()) {
        summarize_all(files, records, stamps);
        if (seats.seats_stopped() == stopped) break;
    }
    records_current_ = records && records->environment == environment_ && taken_from_records_ == records->by_file.size() && newly_recorded_ == 0;
    for (std::size_t i = 0; i < reviews_.size(); ++i) reviews_[i].subject = &catalog_.tools[i];
}

void site_tools::summarize_all(const std::vector<std::string>& files, const review_records* records,
                               const std::map<std::string, file_stamp>& stamps) {
    catalog_.tools.clear();
    reviews_.clear();
    review_fingerprints_.clear();
    sources_.clear();
    problems_.clear();
    seat_failures_.clear();
    reviewed_ = taken_from_records_ = newly_recorded_ = 0;
    if (history_) history_->restart();
    spill_.clear();
    catalog_.tools.reserve(files.size());
    reviews_.reserve(files.size());
    review_fingerprints_.reserve(files.size());
    sources_.reserve(files.size());
    // Each stretch is read while the one before it is reviewed: the reading threads and the panel's workers share
    // the cores, rather than each waiting on the other.
    auto stretch_at = [&](std::size_t start) {
        const std::vector<std::string> some(files.begin() + static_cast<std::ptrdiff_t>(start),
                                            files.begin() + static_cast<std::ptrdiff_t>(std::min(start + stretch, files.size())));
        return take_recorded(some, records, stamps);
    };
    auto read = [this](read_stretch some) {
        some.files = read_files(some.paths, some.problems);
        return some;
    };
    std::future<read_stretch> next = std::async(std::launch::async, read, stretch_at(0));
    for (std::size_t start = 0; start < files.size(); start += stretch) {
        read_stretch current = next.get();
        if (start + stretch < files.size()) next = std::async(std::launch::async, read, stretch_at(start + stretch));
        summarize(current);
    }
}

const review_record* site_tools::still_recorded(const review_records* records, const std::string& path,
                                               const std::optional<file_stamp>& stamp) const {
    if (!records || records->environment != environment_ || !stamp) return nullptr;
    const auto found = records->by_file.find(path);
    return found != records->by_file.end() && found->second.stamp == *stamp ? &found->second : nullptr;
}

std::vector<tool_file> site_tools::read_files(const std::vector<std::string>& paths, std::vector<problem_list>& problems) const {
    std::vector<tool_file> read(paths.size());
    problems.assign(paths.size(), {});
    in_parallel(paths.size(), jobs_, [&](std::size_t i) { read[i] = read_tool_file(paths[i], seat_ids_, problems[i]); });
    return read;
}

site_tools::read_stretch site_tools::take_recorded(const std::vector<std::string>& paths, const review_records* records,
                                                    const std::map<std::string, file_stamp>& stamps) {
    read_stretch out;
    for (const std::string& path : paths) {
        // Stamped before it is read, so that a later change is seen next run: by the caller, or here for a file that
        // appeared since.
        const auto stamped = stamps.find(path);
        source from{path, stamped != stamps.end() ? std::optional(stamped->second) : stamp_of(path), false};
        if (const review_record* record = still_recorded(records, path, from.stamp)) {
            catalog_.tools.push_back(tool_of(record->summary));
            ++taken_from_records_;
            reviews_.push_back({nullptr, {}, record->verdict, {}});
            review_fingerprints_.push_back(record->fingerprint);
            from.recordable = true;
        } else {
            out.positions.push_back(catalog_.tools.size());
            out.paths.push_back(path);
            catalog_.tools.emplace_back();
            reviews_.emplace_back();
            review_fingerprints_.emplace_back();
        }
        sources_.push_back(std::move(from));
    }
    return out;
}

void site_tools::summarize(read_stretch& some) {
    std::vector<tool_file>& read = some.files;
    reviewed_ += read.size();
    std::vector<const tool*> readable;
    for (const tool_file& f : read)
        if (f.subject) readable.push_back(&*f.subject);
    std::vector<tool_review> full = review_tools(seats_, readable);
    if (history_) history_->stage(full, seats_.config().rule_set);
    for (std::size_t k = 0, next = 0; k < read.size(); ++k) {
        const std::size_t i = some.positions[k];
        if (read[k].subject) {
            const tool_review& r = full[next++];
            for (const std::string& failure : verdict::seat_failures({r}))
                if (std::find(seat_failures_.begin(), seat_failures_.end(), failure) == seat_failures_.end()) seat_failures_.push_back(failure);
            sources_[i].recordable = !r.any_failed();
            newly_recorded_ += sources_[i].recordable;
            review_fingerprints_[i] = review_fingerprint(r);
            spill_.put(i, *read[k].subject, r);
            catalog_.tools[i] = tool_of(summary_of(*read[k].subject));
            reviews_[i] = {nullptr, {}, r.verdict, {}};
        } else {
            catalog_.tools[i] = placeholder_tool(read[k]);
            reviews_[i] = unreadable_review(seats_, catalog_.tools[i], messages_of(some.problems[k]));
            review_fingerprints_[i] = review_fingerprint(reviews_[i]);
            problems_.insert(problems_.end(), some.problems[k].begin(), some.problems[k].end());
        }
    }
    spill_.flush();
}

void site_tools::attach_votes(const community_votes& votes) {
    votes_ = &votes;
    pages_.clear();
    fingerprints_.clear();
    for (std::size_t i = 0; i < reviews_.size(); ++i) {
        pages_.push_back(make_page_tool(reviews_[i], votes, seats_.config().community));
        fingerprints_.push_back(tool_fingerprint(review_fingerprints_[i], pages_.back().community));
    }
}

std::vector<std::unique_ptr<reviewed_tool>> site_tools::review_in_full(const std::vector<std::size_t>& indexes) const {
    std::vector<std::unique_ptr<reviewed_tool>> out(indexes.size());
    std::vector<char> taken(indexes.size(), 0);
    in_parallel(indexes.size(), jobs_, [&](std::size_t k) {
        out[k] = std::make_unique<reviewed_tool>();
        taken[k] = spill_.take(indexes[k], out[k]->subject, out[k]->review);
    });
    std::vector<std::string> paths;
    for (std::size_t k = 0; k < indexes.size(); ++k)
        if (!taken[k] && reviews_[indexes[k]].unreadable.empty()) paths.push_back(sources_[indexes[k]].file);
    std::vector<problem_list> file_problems;
    std::vector<tool_file> read = read_files(paths, file_problems);
    std::vector<const tool*> readable;
    std::vector<std::size_t> readable_at;
    for (std::size_t k = 0, next = 0; k < indexes.size(); ++k) {
        if (taken[k]) continue;
        reviewed_tool& t = *out[k];
        const std::size_t i = indexes[k];
        if (!reviews_[i].unreadable.empty()) {
            t.subject = catalog_.tools[i];
            t.review = reviews_[i];
            continue;
        }
        tool_file& f = read[next];
        if (f.subject) {
            t.subject = std::move(*f.subject);
            readable.push_back(&t.subject);
            readable_at.push_back(k);
        } else {   // the file changed during the run: its pages say what is wrong with it now
            t.subject = placeholder_tool(f);
            t.review = unreadable_review(seats_, t.subject, messages_of(file_problems[next]));
        }
        ++next;
    }
    std::vector<tool_review> reviews = review_tools(seats_, readable);
    for (std::size_t r = 0; r < reviews.size(); ++r) out[readable_at[r]]->review = std::move(reviews[r]);
    for (auto& t : out) {
        t->review.subject = &t->subject;
        t->page = make_page_tool(t->review, *votes_, seats_.config().community);
        if (history_ && t->review.unreadable.empty()) t->page.changes = history_->recent(t->subject.id, changes_shown);
    }
    return out;
}

review_records site_tools::records() const {
    review_records out{environment_, {}};
    for (std::size_t i = 0; i < sources_.size(); ++i)
        if (sources_[i].recordable)
            out.by_file.emplace(sources_[i].file, review_record{*sources_[i].stamp, summary_of(catalog_.tools[i]), reviews_[i].verdict, review_fingerprints_[i]});
    return out;
}

}  // namespace verdict
