// Layout choices: one row per rule weighed, in the order the persona weighed
// them, with the running total beside it, so the score can be followed from
// the base by eye; a rule that did not fire shows the weight it would have
// given. The last line says what would flip the verdict, in points.
#include "reports/text/explain_text.hpp"

#include "compare/page_wording.hpp"
#include "reports/number_format.hpp"
#include "reports/text/review_text.hpp"
#include "reports/text/text_layout.hpp"
#include "support/display_text.hpp"
#include "verdict/persona.hpp"


namespace verdict {
namespace {

// What the margin means for the verdict: how many points it can lose, or needs.
std::string margin_line(const score_walk& w) {
    const review& r = *w.review->result;
    const std::string against = format_number(r.score) + " against threshold " + format_number(w.threshold);
    if (!w.margin) {
        const std::string known = w.known_facts ? std::to_string(*w.known_facts) : "too few";
        return "= " + format_number(r.score) + ": abstains, knowing " + known + " of the facts it weighs (min_facts " + std::to_string(w.min_facts) + ")";
    }
    if (*w.margin >= 0) return "= " + against + ": ship, margin " + format_points(*w.margin) + " (it skips after losing more than " + format_number(*w.margin) + " points)";
    return "= " + against + ": skip, margin " + format_points(*w.margin) + " (it ships with " + format_number(-*w.margin) + " more points)";
}

}  // namespace

void write_score_walk(std::ostream& out, const score_walk& w, const std::string& indent) {
    std::vector<std::vector<std::string>> rows{{"RULE", "WEIGHT", "FIRED", "POINTS", "TOTAL", "FACT = VALUE"},
                                               {"base", "", "", "", format_number(w.base), ""}};
    for (const walk_step& s : w.steps)
        rows.push_back({printable_text(s.rule), s.weight ? format_points(*s.weight) : "", s.rule == clamp_rule ? "" : s.fired ? "yes" : "no",
                        s.fired ? format_points(s.points) : "0", format_number(s.total), printable_text(s.fact + " = " + s.value)});
    using enum column_align;
    for (const std::string& line : table_lines(rows, indent, {left, right, right, right, right, left})) out << line << "\n";
    if (!w.every_rule) out << indent << "(a review built without a scorecard: only the rules that fired are known)\n";
    out << indent << margin_line(w) << "\n";
}

void write_quote_sources(std::ostream& out, const review& r, const std::string& indent) {
    if (r.sentences.empty()) {
        out << indent << "(a quote given whole: its sentences do not say what they stand on)\n";
        return;
    }
    out << indent << "The quote, sentence by sentence, and what each stands on:\n";
    for (std::size_t i = 0; i < r.sentences.size(); ++i) {
        const quote_sentence& q = r.sentences[i];
        std::string sources;
        if (!q.rules.empty()) sources = (q.rules.size() == 1 ? "rule " : "rules ") + join_list(q.rules);
        if (!q.facts.empty()) sources += (sources.empty() ? "" : "; ") + std::string(q.facts.size() == 1 ? "fact " : "facts ") + join_list(q.facts);
        out << indent << std::to_string(i + 1) << ". " << printable_text(q.text) << "\n" << indent << "   stands on " << printable_text(sources) << "\n";
    }
}

void write_explanation_text(std::ostream& out, const tool_explanation& e) {
    const tool& t = *e.review->subject;
    out << printable_text(t.name) << " (" << t.id << ")\n" << panel_line(e.review->verdict) << "\n";
    for (const score_walk& w : e.seats) {
        const seat_review& s = *w.review;
        out << "\n" << s.seat;
        if (!s.persona_name.empty()) out << " · " << printable_text(s.persona_name) << " " << printable_text(s.persona_version);
        out << " · " << name_of(s.outcome()) << (s.result ? " " + format_number(s.result->score) : "");
        if (s.shadow) out << " · " << shadow_note;
        out << "\n";
        if (!s.result) {
            out << "  " << printable_text(s.failure) << "\n";
            continue;
        }
        write_score_walk(out, w, "  ");
        write_quote_sources(out, *s.result, "  ");
    }
}

}  // namespace verdict
