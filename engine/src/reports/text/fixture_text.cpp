// Misses are spelt in capitals and carry their receipt, so a long run can be
// scanned for them; what holds takes one line. The last line is the count.
#include "reports/text/fixture_text.hpp"

#include "reports/number_format.hpp"
#include "reports/text/explain_text.hpp"
#include "support/display_text.hpp"

namespace verdict {
namespace {

// How each seat came out, on one line: what a missed panel expectation is read by.
std::string seats_line(const tool_review& r) {
    std::string line;
    for (const seat_review& s : r.seats) {
        line += (line.empty() ? "" : " · ") + s.seat + (s.shadow ? " (shadow) " : " ");
        line += std::string(name_of(s.outcome())) + (s.result ? " " + format_number(s.result->score) : "");
    }
    return line;
}

}  // namespace

void write_fixture_text(std::ostream& out, const std::vector<std::unique_ptr<fixture_outcome>>& outcomes) {
    std::string file;
    std::size_t expectations = 0;
    std::size_t misses = 0;
    for (const auto& o : outcomes) {
        if (o->from->file != file) {
            file = o->from->file;
            out << (expectations ? "\n" : "") << printable_text(file) << "\n";
        }
        const std::string name = printable_text(o->name());
        for (const expectation_check& c : o->checks) {
            ++expectations;
            if (c.holds) {
                out << "  ok    " << name << " · " << c.subject << ": " << c.found << "\n";
                continue;
            }
            ++misses;
            out << "  MISS  " << name << " · " << c.subject << ": expected " << c.expected << ", found " << c.found << "  (" << c.pointer << ")\n";
            if (c.receipt) write_score_walk(out, *c.receipt, "          ");
            else if (c.subject == "panel") out << "          " << printable_text(seats_line(o->review)) << "\n";
            else if (const seat_review* s = o->review.find_seat(c.subject); s && !s->result) out << "          " << printable_text(s->failure) << "\n";
        }
    }
    out << "\n" << expectations - misses << " of " << expectations << " expectations hold, in " << outcomes.size() << " fixture"
        << (outcomes.size() == 1 ? "" : "s") << "; " << misses << (misses == 1 ? " miss" : " misses") << ".\n";
}

}  // namespace verdict
