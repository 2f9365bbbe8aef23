// Full reviews set aside on disk between reviewing the tools and rendering
// their pages. A batch reviews every tool before it can plan a page (the
// index and the page keys need the whole catalog), and the whole catalog's
// full reviews do not fit in memory on a large site; reading and reviewing
// each tool a second time for its pages cost as much as the first. Setting
// each review aside in its wire encoding and reading it back when its pages
// are made costs a small part of either.
//
// The file has no name (it goes when the run ends, however it ends) and lives
// in the temporary folder ($TMPDIR, else /tmp), so it never takes the room the
// site's pages and state need on their disk. A review that could not be set
// aside is simply not held: the tool is then read and reviewed again for its
// pages, as it would be without a spill.
#pragma once

#include "panel/tool_review.hpp"
#include "verdict/tool.hpp"
#include "workers/wire.hpp"

#include <cstdint>
#include <vector>

namespace verdict {

class review_spill {
public:
    /// Opens an unnamed file in the temporary folder; when it cannot be, the spill holds nothing.
    review_spill();
    ~review_spill();
    review_spill(const review_spill&) = delete;
    review_spill& operator=(const review_spill&) = delete;

    /// Sets `review` of `subject` aside as tool `index`, once flush() has written it.
    void put(std::size_t index, const tool& subject, const tool_review& review);
    /// Writes what put() was given since the last flush; a write that fails leaves those tools not held.
    void flush();
    /// Forgets every tool held, and makes the file empty.
    void clear();

    bool holds(std::size_t index) const { return index < places_.size() && places_[index].size > 0; }
    /// Reads tool `index` back into `subject` and `review` (whose subject it leaves null); false when it cannot be
    /// read whole, which a disk error alone can cause. Safe on many threads at once.
    bool take(std::size_t index, tool& subject, tool_review& review) const;

private:
    void stop_using();

    struct place {
        std::uint64_t offset = 0;
        std::uint64_t size = 0;
    };

    int fd_ = -1;
    std::uint64_t end_ = 0;                 ///< The file's size: where the next flush writes.
    std::vector<place> places_;             ///< By tool index; size 0: not held.
    wire_writer pending_;
    std::vector<std::pair<std::size_t, place>> pending_places_;   ///< Offsets within pending_.
};

}  // namespace verdict
