// The dash for a missing number is U+2014, as the reference pages print it.
#include "compare/page_wording.hpp"

#include "reports/number_format.hpp"
#include "verdict/persona.hpp"

namespace verdict {
namespace {

constexpr std::string_view no_value = "—";

// What one side of a not-comparable row says: "ships X", "abstained on X", "failed on X", "not on X's panel".
std::string side_phrase(cell_state state, const std::string& name) {
    switch (state) {
    case cell_state::ship: return "ships " + name;
    case cell_state::skip: return "skips " + name;
    case cell_state::abstain: return "abstained on " + name;
    case cell_state::failed: return "failed on " + name;
    case cell_state::not_seated: return "not on " + name + "'s panel";
    }
    return {};
}

}  // namespace

std::string plural(int count, std::string_view word) { return std::to_string(count) + " " + std::string(word) + (count == 1 ? "" : "s"); }

std::string category_page_title(const std::string& category) { return category + " comparisons"; }

std::string_view site_description(const site_settings& settings) {
    if (!settings.description.empty()) return settings.description;
    return settings.tagline.empty() ? index_lead : std::string_view(settings.tagline);
}

std::string category_description(const std::string& category, std::size_t tools, std::size_t comparisons) {
    return category_page_title(category) + ": " + category_counts(tools, comparisons) + ", each with the panel's verdict.";
}

std::string category_counts(std::size_t tools, std::size_t comparisons) {
    return plural(static_cast<int>(tools), "tool") + " · " + plural(static_cast<int>(comparisons), "comparison");
}

std::string seat_title(std::string_view seat) {
    std::string out(seat);
    for (char& c : out)
        if (c == '_') c = ' ';
    return sentence_case(out);
}

std::string row_title(const scorecard_row& row) {
    return row.paired() ? seat_title(row.cells[0].seat) + " · " + seat_title(row.cells[1].seat) : seat_title(row.cells[0].seat);
}

std::string seat_list(const std::vector<std::string>& seats) {
    std::string list;
    for (const std::string& seat : seats) list += (list.empty() ? "" : ", ") + seat_title(seat);
    return list.empty() ? "None" : list;
}

std::string_view name_of(cell_state state) {
    static constexpr std::string_view names[] = {"ship", "skip", "abstain", "failed", "not_seated"};
    return names[static_cast<int>(state)];
}

std::string_view label_of(cell_state state) {
    static constexpr std::string_view labels[] = {"Ship", "Skip", "Abstained", "Failed", "Not on this panel"};
    return labels[static_cast<int>(state)];
}

cell_state state_of(const seat_review* review) {
    if (!review) return cell_state::not_seated;
    switch (review->outcome()) {
    case seat_outcome::ship: return cell_state::ship;
    case seat_outcome::skip: return cell_state::skip;
    case seat_outcome::abstain: return cell_state::abstain;
    case seat_outcome::failed: return cell_state::failed;
    }
    return cell_state::failed;
}

std::string panel_pct_text(const panel_verdict& v) { return v.ship_pct ? std::to_string(*v.ship_pct) + "%" : std::string(no_value); }

std::string panel_detail(const panel_verdict& v) {
    if (!v.ship_pct) return "insufficient: " + std::to_string(v.voting()) + " voted, quorum " + std::to_string(v.quorum);
    return std::to_string(v.ship) + " of " + plural(v.voting(), "voting seat") + (v.ship == 1 ? " ships" : " ship");
}

std::string mean_score_text(const panel_verdict& v) {
    return v.mean_score ? format_number(round_to_tenth(*v.mean_score)) : std::string(no_value);
}

std::string community_pct_text(const community_score& c) {
    return c.ship_pct ? std::to_string(*c.ship_pct) + "%" : std::string(no_value);
}

std::string community_detail(const community_score& c) {
    if (c.voters == 0) return "no votes yet";
    if (!c.ship_pct) return plural(c.voters, "voter") + ", " + std::to_string(c.min_voters) + " needed";
    return plural(c.voters, "voter");
}

std::string disagreement_sentence(const page_tool& t) {
    if (!t.sharp_disagreement) return {};
    return "The community and the panel disagree sharply on " + t.name_in_text() + ": community " + community_pct_text(t.community) +
           ", panel " + panel_pct_text(t.review->verdict) + ".";
}

std::string entry_label(entry_price price) {
    static constexpr std::string_view labels[] = {"Free", "Freemium", "Paid", "Usage-based"};
    return std::string(labels[static_cast<int>(price)]);
}

std::string licence_label(const tool& t) {
    if (t.licence.name) return *t.licence.name;
    const auto open = openness_of(t);
    if (!open) return std::string(not_stated);
    if (!open->open) return "Closed";
    return open->fact == "licence.open_source" ? "Open source" : "Open weights";
}

std::string commercial_use_label(const tool& t) {
    return t.licence.commercial_use ? sentence_case(std::string(name_of(*t.licence.commercial_use))) : std::string(not_stated);
}

std::string entry_text(const page_tool& t) { return t.unreadable() ? std::string(not_stated) : entry_label(t.subject().pricing.entry); }

// An unreadable tool's placeholder holds defaults (a "free" entry price) that no page may show as facts.
std::array<pricing_row, 4> pricing_rows(const page_tool& t) {
    const tool& s = t.subject();
    const bool known = !t.unreadable();
    const std::string unknown(not_stated);
    return {{{"Entry", entry_text(t)},
             {"Licence", known ? licence_label(s) : unknown},
             {"Commercial use", known ? commercial_use_label(s) : unknown},
             {"Pricing notes", known ? s.pricing.notes.value_or(unknown) : unknown}}};
}

std::string not_reviewed_text(const page_tool& t) {
    return t.name_in_text() + " was not reviewed: verdict could not read its catalog file (" +
           plural(static_cast<int>(t.review->unreadable.size()), "problem") + ")";
}

std::vector<std::string> not_comparable_sentences(const comparison& c) {
    std::vector<std::string> sentences;
    for (const std::string& seat : c.split.not_comparable)
        sentences.push_back(seat_title(seat) + ": " + side_phrase(state_of(c.tools[0].review->find_seat(seat)), c.tools[0].name_in_text()) + "; " +
                            side_phrase(state_of(c.tools[1].review->find_seat(seat)), c.tools[1].name_in_text()) + ".");
    return sentences;
}

std::string comparison_description(const comparison& c) {
    return c.title() + ": panel ship " + panel_pct_text(c.tools[0].review->verdict) + " against " + panel_pct_text(c.tools[1].review->verdict) +
           ". " + c.choice.reason;
}

std::string tool_description(const page_tool& t) {
    const std::string figure = "Panel ship " + panel_pct_text(t.review->verdict) + " (" + panel_detail(t.review->verdict) + ").";
    if (t.unreadable()) return not_reviewed_text(t) + ". " + figure;
    const std::string& tagline = t.subject().tagline;
    const bool ends_sentence = !tagline.empty() && std::string_view(".!?").find(tagline.back()) != std::string_view::npos;
    return tagline + (ends_sentence ? " " : ". ") + figure;
}

std::string footer_before_date(const std::string& rule_set) { return "Rule set " + rule_set + " · catalog data as of "; }

std::string footer_date(const std::string& data_date) { return data_date.empty() ? std::string(no_value) : data_date; }

std::string footer_line(const std::string& rule_set, const std::string& data_date) { return footer_before_date(rule_set) + footer_date(data_date); }

}  // namespace verdict
