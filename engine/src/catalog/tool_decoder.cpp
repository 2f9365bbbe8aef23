// One overload of read() per kind of value, and one line per field below: the
// decoder is a flat map from catalog names to the SDK's struct, nothing more.
// It trusts the schema for types; enum spellings come from the SDK's tables.
#include "catalog/tool_decoder.hpp"

#include <algorithm>
#include <stdexcept>

namespace verdict {
namespace {

using json = nlohmann::json;

template <class E> concept catalog_enum = requires { enum_names<E>::values; };

void read(const json& j, std::string& out) { out = j.get<std::string>(); }
void read(const json& j, bool& out) { out = j.get<bool>(); }
void read(const json& j, int& out) { out = j.get<int>(); }
void read(const json& j, std::int64_t& out) { out = j.get<std::int64_t>(); }

template <catalog_enum E> void read(const json& j, E& out) {
    const auto& names = enum_names<E>::values;
    const auto found = std::find(names.begin(), names.end(), j.get<std::string>());
    if (found == names.end()) throw std::invalid_argument("value outside the schema's enum: " + j.dump());
    out = static_cast<E>(found - names.begin());
}

void read(const json& j, claim_facts& out);
void read(const json& j, competitor_facts& out);
void read(const json& j, benchmark_facts& out);
void read(const json& j, predecessor_facts& out);
void read(const json& j, support_facts& out);
void read(const json& j, dependency_facts& out);

// A list, or (for a field version 1 gave one value) that one value as a list of one.
template <class T> void read(const json& j, std::vector<T>& out) {
    if (!j.is_array()) return read(j, out.emplace_back());
    for (const json& item : j) read(item, out.emplace_back());
}

template <class T> void read(const json& j, std::optional<T>& out) { read(j, out.emplace()); }

template <class T> void field(const json& object, const char* key, T& out) {
    if (object.contains(key)) read(object.at(key), out);
}

// A nested object's members, or an empty object when the catalog leaves the whole group out.
const json& group(const json& document, const char* key) {
    static const json empty = json::object();
    return document.contains(key) ? document.at(key) : empty;
}

void read(const json& j, claim_facts& out) {
    field(j, "text", out.text);
    field(j, "evidence", out.evidence);
    field(j, "breaks_at", out.breaks_at);
    field(j, "holds_for", out.holds_for);
}

void read(const json& j, predecessor_facts& out) {
    field(j, "name", out.name);
    field(j, "improvement", out.improvement);
}

void read(const json& j, support_facts& out) {
    field(j, "name", out.name);
    field(j, "day_zero", out.day_zero);
}

void read(const json& j, dependency_facts& out) {
    field(j, "text", out.text);
    field(j, "status", out.status);
}

void read(const json& j, competitor_facts& out) {
    field(j, "name", out.name);
    field(j, "open_weights", out.open_weights);
    field(j, "commercial_use", out.commercial_use);
    field(j, "note", out.note);
}

void read(const json& j, benchmark_facts& out) {
    field(j, "names", out.names);
    field(j, "self_reported", out.self_reported);
    field(j, "methodology_published", out.methodology_published);
}

void read_groups(const json& d, tool& t) {
    field(group(d, "pricing"), "entry", t.pricing.entry);
    field(group(d, "pricing"), "notes", t.pricing.notes);
    const json& licence = group(d, "licence");
    field(licence, "name", t.licence.name);
    field(licence, "open_weights", t.licence.open_weights);
    field(licence, "open_source", t.licence.open_source);
    field(licence, "commercial_use", t.licence.commercial_use);
    const json& setup = group(d, "setup");
    field(setup, "api_key", t.setup.api_key);
    field(setup, "env_vars", t.setup.env_vars);
    field(setup, "steps", t.setup.steps);
    field(setup, "first_run", t.setup.first_run);
    field(setup, "spares", t.setup.spares);
    field(group(d, "problem"), "statement", t.problem.statement);
    field(group(d, "problem"), "solved", t.problem.solved);
    const json& risks = group(d, "risks");
    field(risks, "legal", t.risks.legal);
    field(risks, "legal_notes", t.risks.legal_notes);
    field(risks, "threat", t.risks.threat);
}

void read_business_and_future(const json& d, tool& t) {
    const json& market = group(d, "market");
    field(market, "buyer", t.market.buyer);
    field(market, "budget_line", t.market.budget_line);
    field(market, "revenue_model", t.market.revenue_model);
    field(market, "moat", t.market.moat);
    field(market, "expansion", t.market.expansion);
    field(market, "upgrade_path", t.market.upgrade_path);
    field(market, "strategy", t.market.strategy);
    field(market, "alternative", t.market.alternative);
    field(market, "value", t.market.value);
    const json& thesis = group(d, "thesis");
    field(thesis, "statement", t.thesis.statement);
    field(thesis, "falsifiable", t.thesis.falsifiable);
    field(thesis, "dependency", t.thesis.dependency);
    field(thesis, "dependency_status", t.thesis.dependency_status);
    field(thesis, "second_order", t.thesis.second_order);
    field(thesis, "timing", t.thesis.timing);
    field(thesis, "dependencies", t.thesis.dependencies);
    field(thesis, "next", t.thesis.next);
    field(group(d, "traction"), "github_stars", t.traction.github_stars);
    field(group(d, "traction"), "note", t.traction.note);
    field(group(d, "traction"), "becoming", t.traction.becoming);
}

}  // namespace

tool decode_tool(const json& d) {
    tool t;
    field(d, "id", t.id);
    field(d, "name", t.name);
    field(d, "vendor", t.vendor);
    field(d, "category", t.category);
    field(d, "tagline", t.tagline);
    field(d, "description", t.description);
    field(d, "updated", t.updated);
    field(d, "kind", t.kind);
    field(d, "primitive", t.primitive);
    field(d, "dx_bet", t.dx_bet);
    field(d, "hard_to_replicate", t.hard_to_replicate);
    field(d, "predecessor", t.predecessor);
    field(d, "supports", t.supports);
    field(d, "track_record", t.track_record);
    field(d, "differentiator", t.differentiator);
    field(d, "availability", t.availability);
    field(d, "distribution", t.distribution);
    field(d, "integrations", t.integrations);
    field(d, "examples", t.examples);
    field(d, "deployment", t.deployment);
    field(d, "lock_in", t.lock_in);
    field(d, "performance", t.performance);
    field(d, "benchmarks", t.benchmarks);
    field(d, "claims", t.claims);
    field(d, "competitors", t.competitors);
    field(d, "audience", t.audience);
    field(d, "audience_note", t.audience_note);
    field(d, "ecosystem", t.ecosystem);
    field(d, "seats", t.seats);
    read_groups(d, t);
    read_business_and_future(d, t);
    return t;
}

}  // namespace verdict
