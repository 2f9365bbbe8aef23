#include "batch/site_tools.hpp"

#include "batch/content_hash.hpp"
#include "batch/page_inputs.hpp"
#include "catalog/tool_file.hpp"
#include "support/text_file.hpp"

#include <algorithm>
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
                       const std::optional<review_records>& records, const std::map<std::string, file_stamp>& stamps)
    : seats_(seats), seat_ids_(seats.config().seat_ids()), environment_(review_environment(seats, catalog_dir)) {
    catalog_.tools.reserve(files.size());
    reviews_.reserve(files.size());
    review_fingerprints_.reserve(files.size());
    sources_.reserve(files.size());
    for (const std::string& file : files) summarize(file, records, stamps);
    records_current_ = records && records->environment == environment_ && taken_from_records_ == records->by_file.size() && newly_recorded_ == 0;
    for (std::size_t i = 0; i < reviews_.size(); ++i) reviews_[i].subject = &catalog_.tools[i];
}

void site_tools::summarize(const std::string& path, const std::optional<review_records>& records, const std::map<std::string, file_stamp>& stamps) {
    // Stamped before it is read, so that a later change is seen next run: by the caller, or here for a file that
    // appeared since.
    const auto stamped = stamps.find(path);
    source from{path, stamped != stamps.end() ? std::optional(stamped->second) : stamp_of(path), false};
    if (records && records->environment == environment_ && from.stamp) {
        const auto found = records->by_file.find(path);
        if (found != records->by_file.end() && found->second.stamp == *from.stamp) {
            catalog_.tools.push_back(tool_of(found->second.summary));
            ++taken_from_records_;
            reviews_.push_back({nullptr, {}, found->second.verdict, {}});
            review_fingerprints_.push_back(found->second.fingerprint);
            from.recordable = true;
            sources_.push_back(std::move(from));
            return;
        }
    }
    ++reviewed_;
    problem_list file_problems;
    tool_file read = read_tool_file(path, seat_ids_, file_problems);
    if (read.subject) {
        const tool_review full = review_tool(seats_, *read.subject);
        for (const std::string& failure : verdict::seat_failures({full}))
            if (std::find(seat_failures_.begin(), seat_failures_.end(), failure) == seat_failures_.end()) seat_failures_.push_back(failure);
        from.recordable = !full.any_failed();
        review_fingerprints_.push_back(review_fingerprint(full));
        catalog_.tools.push_back(tool_of(summary_of(*read.subject)));
        newly_recorded_ += from.recordable;
        reviews_.push_back({nullptr, {}, full.verdict, {}});
    } else {
        catalog_.tools.push_back(placeholder_tool(read));
        reviews_.push_back(unreadable_review(seats_, catalog_.tools.back(), messages_of(file_problems)));
        review_fingerprints_.push_back(review_fingerprint(reviews_.back()));
        problems_.insert(problems_.end(), file_problems.begin(), file_problems.end());
    }
    sources_.push_back(std::move(from));
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

std::unique_ptr<reviewed_tool> site_tools::review_in_full(std::size_t i) const {
    auto out = std::make_unique<reviewed_tool>();
    if (!reviews_[i].unreadable.empty()) {
        out->subject = catalog_.tools[i];
        out->review = reviews_[i];
    } else {
        problem_list file_problems;
        tool_file read = read_tool_file(sources_[i].file, seat_ids_, file_problems);
        if (read.subject) {
            out->subject = std::move(*read.subject);
            const std::lock_guard lock(reviewing_);
            out->review = review_tool(seats_, out->subject);
        } else {   // the file changed during the run: its pages say what is wrong with it now
            out->subject = placeholder_tool(read);
            out->review = unreadable_review(seats_, out->subject, messages_of(file_problems));
        }
    }
    out->review.subject = &out->subject;
    out->page = make_page_tool(out->review, *votes_, seats_.config().community);
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
