// Layout choices: the panel line first because it is the answer; the receipt
// under each quote in evaluation order so it can be added up by eye from the
// base; wrapped at 100 columns so it reads in a default terminal. Catalog and
// persona text goes through printable_text(), as on every page, so an escape
// sequence in a tool's name cannot retitle or recolour the terminal.
#include "reports/text/review_text.hpp"

#include "compare/page_wording.hpp"
#include "reports/number_format.hpp"
#include "reports/text/text_layout.hpp"
#include "support/display_text.hpp"

#include <algorithm>

namespace verdict {
namespace {

constexpr std::size_t page_width = 100;

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string outcome_word(const seat_review& s) {
    return upper(name_of(s.outcome()));
}

// Each reason on two lines: points, rule and why; then the fact it read, under the why.
void write_reasons(std::ostream& out, const review& r, double base) {
    std::size_t rule_width = 0;
    for (const reason& each : r.reasons) rule_width = std::max(rule_width, display_width(each.rule));
    const std::string fact_indent(4 + 6 + rule_width + 2, ' ');
    out << "    base " << format_number(base) << "\n";
    for (const reason& each : r.reasons) {
        out << "    " << pad_right(format_points(each.points), 5) << " " << pad_right(printable_text(each.rule), rule_width) << "  "
            << printable_text(each.why) << "\n";
        out << fact_indent << wrap(printable_text(each.fact + " = " + each.value), page_width, fact_indent, fact_indent.size()) << "\n";
    }
    out << "    = " << format_number(r.score) << "\n";
}

// A failure's first line is the error; a script's traceback follows on lines of its own, kept as they are.
void write_failure(std::ostream& out, const std::string& failure) {
    std::size_t start = 0;
    while (start <= failure.size()) {
        std::size_t end = failure.find('\n', start);
        if (end == std::string::npos) end = failure.size();
        const std::string line = printable_text(failure.substr(start, end - start));   // a tab, like any control, shows as a space
        out << "  " << (start == 0 ? wrap(line, page_width, "  ", 2) : "  " + line) << "\n";
        start = end + 1;
    }
}

void write_seat(std::ostream& out, const seat_review& s) {
    out << "\n" << s.seat;
    if (!s.persona_name.empty()) out << " · " << s.persona_name << " " << s.persona_version;
    out << " · " << outcome_word(s);
    if (s.result) out << " " << format_number(s.result->score) << " (threshold " << format_number(s.threshold.value_or(0)) << ")";
    if (s.shadow) out << " · " << shadow_note;
    out << "\n";
    if (!s.result) {
        write_failure(out, s.failure);
        return;
    }
    out << "  “" << wrap(printable_text(s.result->quote), page_width - 1, "   ", 3) << "”\n";
    for (const std::string& line : s.log) out << "  log: " << printable_text(line) << "\n";
    write_reasons(out, *s.result, s.base.value_or(0));
}

}  // namespace

std::string panel_line(const panel_verdict& v) {
    const std::string counts = std::to_string(v.ship) + " ship, " + std::to_string(v.skip) + " skip, " + std::to_string(v.abstain) +
                               " abstain, " + std::to_string(v.failed) + " failed";
    const std::string mean = v.mean_score ? " · mean score " + format_number(round_to_tenth(*v.mean_score)) : "";
    if (!v.ship_pct) {
        std::string missing;
        for (const std::string& seat : v.missing) missing += (missing.empty() ? "" : ", ") + seat;
        return "Panel insufficient: " + std::to_string(v.voting()) + " voted, quorum " + std::to_string(v.quorum) + " · missing " +
               missing + " · " + counts + mean + " · rule set " + v.rule_set;
    }
    return "Panel ship " + std::to_string(*v.ship_pct) + "% (" + std::to_string(v.ship) + "/" + std::to_string(v.voting()) + ")" + mean +
           " · " + counts + " · rule set " + v.rule_set;
}

void write_review_text(std::ostream& out, const tool_review& r) {
    const tool& t = *r.subject;
    out << printable_text(t.name) << " (" << t.id << ")\n";
    out << printable_text(t.category) << (t.vendor ? " · " + printable_text(*t.vendor) : "") << " · " << printable_text(t.tagline) << "\n";
    out << panel_line(r.verdict) << "\n";
    for (const seat_review& s : r.seats) write_seat(out, s);
}

}  // namespace verdict
