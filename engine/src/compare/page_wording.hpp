// The words pages use for states, prices and numbers, shared by every format
// so that a page says the same thing in HTML, Markdown, JSON and text. Each
// function returns plain text; formats escape it.
#pragma once

#include "aggregate/panel_verdict.hpp"
#include "catalog/site_settings.hpp"
#include "community/community_votes.hpp"
#include "compare/comparison.hpp"
#include "verdict/tool.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace verdict {

/// What a comparison page says under its title, as the reference pages do.
inline constexpr std::string_view comparison_lead =
    "Which one should you ship with? Here is the side-by-side panel verdict, pricing read, reviewer split, and community vote "
    "comparison.";

/// The sections of a comparison page, in order, under the names every format gives them.
inline constexpr std::string_view scorecard_heading = "Reviewer scorecard";
inline constexpr std::string_view pricing_heading = "Pricing read";
inline constexpr std::string_view split_heading = "Reviewer split";
inline constexpr std::string_view community_heading = "Community vote";
inline constexpr std::string_view pick_heading = "Which one should you ship with?";
inline constexpr std::string_view changes_heading = "What changed";

/// The index page's title and the line under it.
inline constexpr std::string_view index_title = "AI tool comparisons";
inline constexpr std::string_view index_lead =
    "AI tools compared side by side: a panel of reviewers says ship or skip, the community votes, and each comparison ends with the pick "
    "and the reason for it.";

/// A comparison page's description for search engines and link previews: both panel figures, then the pick's reason.
std::string comparison_description(const comparison& c);
/// A tool page's description: its tagline, then its panel figure.
std::string tool_description(const page_tool& t);

/// A category page's description: "Developer Tools comparisons: 5 tools · 10 comparisons, each with the panel's verdict."
std::string category_description(const std::string& category, std::size_t tools, std::size_t comparisons);

/// What a tool page says in place of its list of comparisons when none includes it.
inline constexpr std::string_view no_comparisons = "No comparison of the catalog includes this tool yet.";

/// What the site says it is, for search engines and link previews: its description, else its tagline, else the
/// index's lead.
std::string_view site_description(const site_settings& settings);

/// A category page's title: "Developer Tools comparisons".
std::string category_page_title(const std::string& category);
/// The line under a category page's title.
inline constexpr std::string_view category_lead =
    "Every comparison of a tool in this category, with both tools' panel ship % and the pick, then every tool in it with its own page.";
/// "5 tools · 10 comparisons".
std::string category_counts(std::size_t tools, std::size_t comparisons);

/// What a page says of a fact the catalog does not give.
inline constexpr std::string_view not_stated = "Not stated";

/// What a page says in place of the facts of a tool whose catalog file could not be read, followed by its problems.
inline constexpr std::string_view unreadable_notice = "verdict could not read this tool's catalog file, so the panel did not review it:";

/// What every report says beside a shadow seat's review.
inline constexpr std::string_view shadow_note = "shadow seat, not counted";
/// What a tool page says in a shadow seat's review.
inline constexpr std::string_view shadow_sentence = "Shadow seat: this persona is on trial. Its review is shown but does not count toward the panel ship %.";

/// "1 voter", "3 voters": a count and its noun.
std::string plural(int count, std::string_view word);

/// "developer" -> "Developer", "early_adopter" -> "Early adopter".
std::string seat_title(std::string_view seat);

/// A scorecard row's title: its seat's ("Developer"), or both seats' when it pairs two ("Business · Creator").
std::string row_title(const scorecard_row& row);

/// "Developer, Futurist", or "None" for no seats.
std::string seat_list(const std::vector<std::string>& seats);

/// "ship", "skip", "abstain", "failed", "not_seated": the state's name in JSON and front matter.
std::string_view name_of(cell_state state);
/// "Ship", "Skip", "Abstained", "Failed", "Not on this panel".
std::string_view label_of(cell_state state);
/// The state of `review` (null: the seat does not sit on the tool's panel).
cell_state state_of(const seat_review* review);

/// "75%", or "—" when the panel is insufficient.
std::string panel_pct_text(const panel_verdict& v);
/// "3 of 4 voting seats ship", "1 of 4 voting seats ships", or "insufficient: 2 voted, quorum 3".
std::string panel_detail(const panel_verdict& v);
/// "72.5", or "—" when no seat voted.
std::string mean_score_text(const panel_verdict& v);

/// "62%", or "—" below the minimum number of voters.
std::string community_pct_text(const community_score& c);
/// "31 voters", "4 voters, 10 needed", "no votes yet".
std::string community_detail(const community_score& c);
/// "The community and the panel disagree sharply on <name>: community 20%, panel 100%." Empty unless sharp.
std::string disagreement_sentence(const page_tool& t);

/// "Free", "Freemium", "Paid", "Usage-based".
std::string entry_label(entry_price price);
/// The licence's name, else "Open source" / "Open weights" / "Closed", else "Not stated".
std::string licence_label(const tool& t);
/// "Allowed", "Restricted", "Forbidden", "Not stated".
std::string commercial_use_label(const tool& t);

/// The entry price's label, or "Not stated" for a tool whose catalog file could not be read.
std::string entry_text(const page_tool& t);

struct pricing_row {
    std::string_view label;
    std::string value;
};
/// The pricing read in page order: entry, licence, commercial use, pricing notes; each "Not stated" when the tool's
/// catalog file could not be read.
std::array<pricing_row, 4> pricing_rows(const page_tool& t);

/// "Claw Code was not reviewed: verdict could not read its catalog file (2 problems)", for a list of tools.
std::string not_reviewed_text(const page_tool& t);

/// Why each seat of c.split.not_comparable is not in the split, in that order, e.g. "Business: not on Claw Code's
/// panel; ships Modal GPU Serverless Inference."
std::vector<std::string> not_comparable_sentences(const comparison& c);

/// "Rule set 2026.11-1 · catalog data as of 2026-11-21", or "… as of —" when no date is known.
std::string footer_line(const std::string& rule_set, const std::string& data_date);
/// footer_line() up to its date: "Rule set 2026.11-1 · catalog data as of ".
std::string footer_before_date(const std::string& rule_set);
/// The date footer_line() ends with: `data_date`, or "—".
std::string footer_date(const std::string& data_date);

}  // namespace verdict
