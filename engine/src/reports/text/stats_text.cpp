// Numbers are right-aligned so columns compare by eye; a rate is shown with
// its counts ("3 of 5, 60%"), so a small catalog's 100% reads as what it is.
#include "reports/text/stats_text.hpp"

#include "reports/number_format.hpp"
#include "reports/text/text_layout.hpp"

#include <cmath>

namespace verdict {
namespace {

std::string share(int part, int whole) {
    return std::to_string(part) + " of " + std::to_string(whole) + (whole > 0 ? " (" + std::to_string(percent_half_up(part, whole)) + "%)" : "");
}

std::string two_places(double value) {
    const double rounded = std::round(value * 100) / 100;
    return format_number(rounded == 0 ? 0 : rounded);
}

// Rows of cells, the first column left-aligned and the others, numbers all, right-aligned.
void write_columns(std::ostream& out, const std::vector<std::vector<std::string>>& rows, std::string_view indent) {
    std::vector<column_align> align(rows.front().size(), column_align::right);
    align.front() = column_align::left;
    for (const std::string& line : table_lines(rows, indent, align)) out << line << "\n";
}

void write_seats(std::ostream& out, const catalog_stats& s) {
    std::vector<std::vector<std::string>> rows{{"SEAT", "SEATED", "SHIP", "SKIP", "ABSTAIN", "FAILED", "SHIP %", "MEAN SCORE", "DECISIVE"}};
    for (const seat_stats& seat : s.seats)
        rows.push_back({seat.seat + (seat.shadow ? " (shadow)" : ""), std::to_string(seat.seated), std::to_string(seat.ship), std::to_string(seat.skip),
                        std::to_string(seat.abstain), std::to_string(seat.failed),
                        seat.votes() ? std::to_string(percent_half_up(seat.ship, seat.votes())) + "%" : "-", number_or_dash(seat.mean_score ? std::optional(round_to_tenth(*seat.mean_score)) : std::nullopt),
                        seat.decisive ? share(*seat.decisive, seat.counted_votes) : "-"});
    write_columns(out, rows, "");
}

void write_panel(std::ostream& out, const panel_agreement& p) {
    out << "\nPanel agreement: ";
    if (!p.kappa) {
        out << "Fleiss' kappa undefined (" << (p.tools ? "every vote is the same" : "no tool has two votes") << ")\n";
        return;
    }
    out << "Fleiss' kappa " << two_places(*p.kappa) << " (observed " << two_places(*p.observed) << ", by chance " << two_places(*p.expected)
        << "), over the " << p.votes << " votes of the counting seats on " << p.tools << (p.tools == 1 ? " tool" : " tools") << "\n";
}

void write_pairs(std::ostream& out, const std::vector<pair_agreement>& pairs) {
    if (pairs.empty()) return;
    out << "\nAgreement between seats, over the tools both voted on\n";
    std::vector<std::vector<std::string>> rows;
    for (const pair_agreement& p : pairs) rows.push_back({p.first + " · " + p.second, p.both_voted ? share(p.agreed, p.both_voted) : "never both voted"});
    write_columns(out, rows, "  ");
}

void write_rules(std::ostream& out, const seat_stats& seat) {
    const int reviews = seat.seated - seat.failed;
    out << "\n" << seat.seat << (seat.shadow ? " (shadow)" : "") << ": rules over " << reviews << (reviews == 1 ? " review" : " reviews") << "\n";
    if (seat.rules.empty()) {
        out << "  (the persona did not load)\n";
        return;
    }
    std::vector<std::vector<std::string>> rows{{"RULE", "WEIGHT", "WEIGHED", "FIRED", "MEAN POINTS"}};
    std::string never;
    for (const rule_stats& r : seat.rules) {
        rows.push_back({r.rule, format_points(r.weight), std::to_string(r.weighed), share(r.fired, reviews),
                        r.mean_points ? format_points(round_to_tenth(*r.mean_points)) : "-"});
        if (r.fired == 0) never += (never.empty() ? "" : ", ") + r.rule;
    }
    write_columns(out, rows, "  ");
    if (!never.empty()) out << "  never fired: " << never << "\n";
}

}  // namespace

void write_stats_text(std::ostream& out, const catalog_stats& s) {
    out << "Statistics over " << s.tools << (s.tools == 1 ? " tool" : " tools") << " · rule set " << s.rule_set << "\n\n";
    write_seats(out, s);
    write_panel(out, s.panel);
    write_pairs(out, s.pairs);
    for (const seat_stats& seat : s.seats) write_rules(out, seat);
}

}  // namespace verdict
