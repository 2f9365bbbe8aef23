#include "serve/persona_lab.hpp"

#include "reports/html/html_document.hpp"
#include "reports/html/html_escape.hpp"
#include "reports/html/html_parts.hpp"
#include "reports/number_format.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace verdict::serve {
namespace {

// What the seat said of one tool at HEAD, by tool id; a tool missing from the map said the same as now.
std::map<std::string, const review_change*> changes_of(const catalog_diff& d, const std::string& seat) {
    std::map<std::string, const review_change*> out;
    for (const review_change& c : d.changed_reviews)
        if (c.seat == seat) out.emplace(c.tool_id, &c);
    return out;
}

// A cell whose sort key differs from its text: numbers sort as numbers, absent ones last.
void append_cell(std::string& out, const std::string& text, const std::string& key, const char* css = "") {
    out += "<td";
    if (*css) out.append(" class=\"").append(css).append("\"");
    out += " data-key=\"";
    html::append_escaped(out, key);
    out += "\">";
    html::append_text(out, text);
    out += "</td>";
}

std::string number_key(std::optional<double> value) { return value ? format_number(*value) : ""; }

void append_seat_picker(std::string& out, const site_state& state, const std::string& seat) {
    out += "<form class=\"search-box\" method=\"get\" action=\"/lab/\"><label for=\"lab-seat\">Seat</label><select id=\"lab-seat\" name=\"seat\">";
    for (const seat_config& s : state.seats->config().seats) {
        out += "<option";
        if (s.id == seat) out += " selected";
        out += " value=\"";
        html::append_escaped(out, s.id);
        out += "\">";
        html::append_text(out, s.id + (s.shadow ? " (shadow)" : ""));
        out += "</option>";
    }
    out += "</select><button type=\"submit\">Show</button></form>";
}

// What the line above the table counts.
struct lab_counts {
    std::size_t seated = 0;
    std::size_t ships = 0;
    std::size_t flips = 0;
};

// One tool's row: its name linking its page, the seat's verdict, score, margin and fired rules, and with a baseline,
// what the seat said at HEAD ("new" for a tool HEAD lacks), a flip marked.
void append_row(std::string& rows, const tool_review& r, const std::string& seat, const lab_baseline& baseline,
                const std::map<std::string, const review_change*>& changes, lab_counts& counts) {
    const seat_review* s = r.find_seat(seat);
    const std::string& id = r.subject->id;
    const auto change = changes.find(id);
    const bool flipped = change != changes.end() && change->second->flipped();
    rows += flipped ? "<tr class=\"flip\">" : "<tr>";
    rows += "<th scope=\"row\" data-key=\"";
    html::append_escaped(rows, r.subject->name);
    rows += "\"><a href=\"../tools/";
    html::append_escaped(rows, id);
    rows += ".html\">";
    html::append_bdi(rows, r.subject->name);
    rows += "</a></th>";
    const std::string verdict = s ? std::string(name_of(s->outcome())) : "not seated";
    append_cell(rows, verdict, verdict, s && s->result ? verdict.c_str() : "");
    const std::optional<double> score = s && s->result ? std::optional<double>(s->result->score) : std::nullopt;
    const std::optional<double> margin =
        s && s->result && s->threshold && s->result->verdict != verdict_kind::abstain ? std::optional<double>(s->result->score - *s->threshold) : std::nullopt;
    append_cell(rows, number_or_dash(score), number_key(score));
    append_cell(rows, margin ? (*margin > 0 ? "+" : "") + format_number(*margin) : "-", number_key(margin));
    std::string fired;
    if (s && s->result)
        for (const reason& each : s->result->reasons)
            fired += (fired.empty() ? "" : ", ") + each.rule + " " + (each.points > 0 ? "+" : "") + format_number(each.points);
    if (s && !s->result) fired = s->failure;
    append_cell(rows, fired.empty() ? "-" : fired, fired);
    if (baseline.diff) {
        const bool added = std::any_of(baseline.diff->added_tools.begin(), baseline.diff->added_tools.end(),
                                       [&](const tool_presence& t) { return t.tool_id == id; });
        const std::string before = added ? "new" : change == changes.end() ? verdict : change->second->before.verdict;
        append_cell(rows, before + (flipped ? " → " + verdict : ""), before, flipped ? "flipped" : "");
    }
    rows += "</tr>";
    if (s) ++counts.seated;
    if (s && s->outcome() == seat_outcome::ship) ++counts.ships;
    if (flipped) ++counts.flips;
}

}  // namespace

served_page lab_page(const site_state& state, const std::string& wanted, const lab_baseline& baseline) {
    const panel_config& config = state.seats->config();
    const std::string seat = config.find(wanted) ? wanted : (config.seats.empty() ? std::string() : config.seats.front().id);
    html::page_head head;
    head.title = "Persona lab: " + seat;
    head.path = "lab/index.html";
    head.description = "Every tool's review by the " + seat + " seat.";
    std::string out;
    html::open_page(out, head, state.settings);
    out += "<h1>Persona lab: ";
    html::append_text(out, seat);
    out += "</h1>";
    if (!wanted.empty() && wanted != seat) {
        out += "<p role=\"status\">No seat \"";
        html::append_text(out, wanted);
        out += "\" in the panel; showing ";
        html::append_text(out, seat);
        out += ".</p>";
    }
    append_seat_picker(out, state, seat);
    const std::map<std::string, const review_change*> changes = baseline.diff ? changes_of(*baseline.diff, seat) : std::map<std::string, const review_change*>{};
    lab_counts counts;
    std::string rows;
    for (const tool_review& r : state.reviews) append_row(rows, r, seat, baseline, changes, counts);
    const std::size_t seated = counts.seated, ships = counts.ships, flips = counts.flips;
    out += "<p>";
    html::append_text(out, std::to_string(seated) + " of " + std::to_string(state.reviews.size()) + " tools seat " + seat + "; it ships " +
                               std::to_string(ships) + ". Rule set " + config.rule_set + ".");
    if (baseline.diff) html::append_text(out, " Against " + baseline.label + ": " + std::to_string(flips) + (flips == 1 ? " flip." : " flips."));
    else html::append_text(out, " No column for HEAD: " + baseline.why_none + ".");
    out += "</p><table class=\"lab\" id=\"lab-table\"><caption class=\"visually-hidden\">";
    html::append_text(out, "Every tool's review by the " + seat + " seat; choose a column's heading to sort by it");
    out += "</caption><thead><tr>";
    for (const char* column : {"Tool", "Verdict", "Score", "Margin", "Rules fired"}) out.append("<th scope=\"col\"><button type=\"button\">").append(column).append("</button></th>");
    if (baseline.diff) out += "<th scope=\"col\"><button type=\"button\">At HEAD</button></th>";
    out += "</tr></thead><tbody>" + rows + "</tbody></table>";
    out += "<style>.lab tr.flip{background:var(--warn-bg)}.lab td.flipped{font-weight:700}.lab td.ship{color:var(--ship)}"
           ".lab td.skip{color:var(--skip)}.lab th button{background:none;color:var(--ink);padding:0}</style>";
    out += "<script src=\"";
    out += lab_script_path;
    out += "\" defer></script>";
    html::close_page(out, state.settings, config.rule_set, state.index.data_date);
    return {200, html_type, std::move(out)};
}

}  // namespace verdict::serve
