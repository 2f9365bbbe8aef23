// The pieces the HTML pages are built from: elements holding catalog text,
// sections, verdict badges, the ship % bar, and a tool's header and figures,
// so that a tool looks the same on its own page, on every comparison and in
// the index.
#pragma once

#include "aggregate/panel_verdict.hpp"
#include "compare/comparison.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace verdict::html {

/// Appends <start>text</name>: `start` is the start tag's inside, e.g. `p class="note"`, and `text` is catalog or
/// persona text (balanced and escaped here).
void append_element(std::string& out, std::string_view start, std::string_view text);

/// Opens a page section headed by an h2 with the id `id`; close it with close_section().
void open_section(std::string& out, std::string_view id, std::string_view heading);
void close_section(std::string& out);

/// A verdict badge that says its state in a word and a symbol, e.g. "✓ Ship", so colour is never the only signal.
void append_badge(std::string& out, cell_state state);

/// The panel ship % as a bar, with the % and the fraction as its text alternative.
void append_ship_bar(std::string& out, const panel_verdict& v);

/// "Score 72 · threshold 60", plus " · base 50" when `with_base`.
void append_score_line(std::string& out, const seat_review& s, bool with_base);

/// The category, the name as a `heading` element (e.g. "h2 id=\"tool-0\""), and the tagline; of a tool whose catalog
/// file could not be read, what is known of the first two.
void append_tool_intro(std::string& out, const page_tool& t, std::string_view heading);

/// The figures a reader compares first: panel ship % with its bar and fraction, community score, entry price.
void append_tool_figures(std::string& out, const page_tool& t);

/// The catalog's description of the tool, or, when its catalog file could not be read, the notice and its problems.
/// With a `fold_id` (unique in the page), a long description folds on a phone, behind a control that unfolds it.
void append_description(std::string& out, const page_tool& t, std::string_view fold_id = {});

/// The forms `t`'s name takes in text: as the catalog gives it (persona quotes) and, when they differ, with its
/// bidi controls closed (the model's sentences), for append_with_names().
std::vector<std::string> name_forms(const page_tool& t);

/// The "What changed" section: each tool's last changes of its seats' verdicts and scores, under the tool's name when
/// the page shows more than one tool, and a link to the site's feed of changes (`root` is the page's way back to the
/// site's root); nothing when none of them has a change.
void append_changes(std::string& out, const std::vector<const page_tool*>& tools, const std::string& root);

/// The first line of a seat's failure message: the error, without a script's traceback.
std::string_view first_line(std::string_view text);

}  // namespace verdict::html
