// The facts of one catalog tool, as a persona sees them.
//
// Part of the persona SDK. Every fact a persona may weigh is here, with the
// names the catalog schema (catalog/schema/tool.schema.json) gives it. A fact
// the catalog does not state is an empty std::optional (or an absent list):
// personas must treat absence as "unknown", never as "no".
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verdict {

/// What the tool is at its core.
enum class tool_kind { model, platform, agent, library, application, service, dataset, framework, sdk, cli };
/// Entry price as a buyer meets it.
enum class entry_price { free, freemium, paid, usage_based };
/// Whether the licence lets you build a commercial product on the tool.
enum class commercial_terms { allowed, restricted, forbidden };
/// Whether the release is the artifact itself or a promise of one.
enum class release_stage { released, beta, demo, waitlist, announced };
/// What the published examples are.
enum class examples_quality { working, pseudocode, none };
/// Where the tool runs.
enum class deployment_target { local, on_device, self_hosted, cloud };
/// How tied a user is to one vendor.
enum class lock_in_level { none, low, high };
/// How much legal risk hangs over the tool.
enum class risk_level { none, low, medium, high };
/// What backs a claim.
enum class evidence_kind { independent, documented, self_reported, code, none };
/// How a business earns from the release.
enum class revenue_kind { none, distribution, usage, subscription, licence, one_time, services, open_core };
/// Whether the dependency a thesis needs is holding.
enum class dependency_health { holding, uncertain, failing };
/// Whether the release is early, on time or late to its trend.
enum class trend_timing { early, on_time, late };
/// Who the tool is made for.
enum class audience_kind { developers, researchers, ml_engineers, enterprises, creators, consumers, small_companies, startups, hobbyists, students };

/// The spelling of each enumeration's values in catalog files and in Lua, in
/// declaration order. The catalog schema's enum lists use the same spellings.
template <class E> struct enum_names;
template <> struct enum_names<tool_kind> {
    static constexpr std::array<std::string_view, 10> values{"model", "platform", "agent", "library", "application", "service", "dataset",
                                                            "framework", "sdk", "cli"};
};
template <> struct enum_names<entry_price> {
    static constexpr std::array<std::string_view, 4> values{"free", "freemium", "paid", "usage_based"};
};
template <> struct enum_names<commercial_terms> {
    static constexpr std::array<std::string_view, 3> values{"allowed", "restricted", "forbidden"};
};
template <> struct enum_names<release_stage> {
    static constexpr std::array<std::string_view, 5> values{"released", "beta", "demo", "waitlist", "announced"};
};
template <> struct enum_names<examples_quality> {
    static constexpr std::array<std::string_view, 3> values{"working", "pseudocode", "none"};
};
template <> struct enum_names<deployment_target> {
    static constexpr std::array<std::string_view, 4> values{"local", "on_device", "self_hosted", "cloud"};
};
template <> struct enum_names<lock_in_level> {
    static constexpr std::array<std::string_view, 3> values{"none", "low", "high"};
};
template <> struct enum_names<risk_level> {
    static constexpr std::array<std::string_view, 4> values{"none", "low", "medium", "high"};
};
template <> struct enum_names<evidence_kind> {
    static constexpr std::array<std::string_view, 5> values{"independent", "documented", "self_reported", "code", "none"};
};
template <> struct enum_names<revenue_kind> {
    static constexpr std::array<std::string_view, 8> values{"none", "distribution", "usage", "subscription", "licence", "one_time", "services", "open_core"};
};
template <> struct enum_names<dependency_health> {
    static constexpr std::array<std::string_view, 3> values{"holding", "uncertain", "failing"};
};
template <> struct enum_names<trend_timing> {
    static constexpr std::array<std::string_view, 3> values{"early", "on_time", "late"};
};
template <> struct enum_names<audience_kind> {
    static constexpr std::array<std::string_view, 10> values{"developers", "researchers", "ml_engineers", "enterprises", "creators",
                                                            "consumers", "small_companies", "startups", "hobbyists", "students"};
};

/// The catalog spelling of an enumeration value, e.g. name_of(lock_in_level::none) == "none".
template <class E> constexpr std::string_view name_of(E value) {
    return enum_names<E>::values.at(static_cast<std::size_t>(value));
}

/// Price facts.
struct pricing_facts {
    entry_price entry = entry_price::free;   ///< Required by the schema.
    std::optional<std::string> notes;        ///< Free text, e.g. "pay per token".
};

/// Licence facts.
struct licence_facts {
    std::optional<std::string> name;                 ///< e.g. "Llama community licence".
    std::optional<bool> open_weights;                 ///< Model weights are downloadable.
    std::optional<bool> open_source;                  ///< Source code is published under an open licence.
    std::optional<commercial_terms> commercial_use;
};

/// Set-up friction before the first useful run.
struct setup_facts {
    std::optional<bool> api_key;             ///< An API key is required.
    std::optional<int> env_vars;             ///< Environment variables to set.
    std::optional<int> steps;                ///< Steps from nothing to a first result.
    std::optional<std::string> first_run;    ///< The command that gets you running, e.g. "modal deploy".
    std::optional<std::string> spares;       ///< What it spares you, e.g. "a single line of Kubernetes YAML".
};

/// Benchmark claims.
struct benchmark_facts {
    std::vector<std::string> names;                  ///< e.g. "MMLU", "HumanEval".
    std::optional<bool> self_reported;               ///< Reported by the vendor only.
    std::optional<bool> methodology_published;       ///< The method behind the numbers is public.
};

/// One headline claim the vendor makes.
struct claim_facts {
    std::string text;                        ///< A noun phrase: "sub-100ms cold starts for LLMs".
    std::vector<evidence_kind> evidence;     ///< What backs it, each kind once; empty when unknown.
    std::optional<std::string> breaks_at;    ///< Where the claim stops holding.
    std::optional<std::string> holds_for;    ///< Where it does hold.

    /// True when it is backed by something besides the vendor's word: independent checks, documentation or code.
    bool backed() const {
        for (const evidence_kind e : evidence)
            if (e == evidence_kind::independent || e == evidence_kind::documented || e == evidence_kind::code) return true;
        return false;
    }
    /// True when it is backed by `kind` among others.
    bool backed_by(evidence_kind kind) const {
        for (const evidence_kind e : evidence)
            if (e == kind) return true;
        return false;
    }
};

struct predecessor_facts {
    std::string name;                        ///< The existing tool this release is a new version of.
    std::optional<std::string> improvement;  ///< What it improves, e.g. "a 40x memory reduction".
};

struct support_facts {
    std::string name;                        ///< A model, device or platform it supports.
    std::optional<bool> day_zero;            ///< Supported from the day it came out.
};

struct dependency_facts {
    std::string text;                        ///< What has to hold, as a noun phrase.
    std::optional<dependency_health> status;
};

/// The problem the release addresses.
struct problem_facts {
    std::optional<std::string> statement;    ///< A noun phrase naming the problem.
    std::optional<bool> solved;              ///< The release actually solves it.
};

/// Risks hanging over the release.
struct risk_facts {
    std::optional<risk_level> legal;
    std::optional<std::string> legal_notes;  ///< One clause saying why.
    std::optional<std::string> threat;       ///< What could make it irrelevant within a year.
};

/// A direct competitor.
struct competitor_facts {
    std::string name;
    std::optional<bool> open_weights;
    std::optional<commercial_terms> commercial_use;
    std::optional<std::string> note;             ///< What stands out about it, as a clause.
};

/// Who pays, from which budget, and why they stay.
struct market_facts {
    std::optional<std::string> buyer;            ///< Who buys it.
    std::optional<std::string> budget_line;      ///< Which budget pays, e.g. "infrastructure".
    std::optional<revenue_kind> revenue_model;
    std::optional<std::string> moat;             ///< What keeps customers.
    std::optional<std::string> expansion;        ///< Where further revenue comes from.
    std::optional<bool> upgrade_path;            ///< Free use leads into paid use by design.
    std::optional<std::string> strategy;         ///< The vendor's strategic logic, as a clause.
    std::optional<std::string> alternative;      ///< What a buyer would do instead, e.g. "just downloading Llama".
    std::optional<std::string> value;            ///< What the buyer pays for, as a clause.
};

/// The bet the release makes on the future.
struct thesis_facts {
    std::optional<std::string> statement;        ///< A clause: the bet itself.
    std::optional<bool> falsifiable;             ///< The statement can be proven wrong.
    std::optional<std::string> dependency;       ///< What has to hold for the bet to pay.
    std::optional<dependency_health> dependency_status;
    std::optional<std::string> second_order;     ///< The effect beyond the release itself.
    std::optional<trend_timing> timing;
    std::optional<std::vector<dependency_facts>> dependencies;   ///< Everything that has to hold, when more than one does.
    std::optional<std::string> next;             ///< What follows if the bet pays, as a clause.
};

/// Adoption signals.
struct traction_facts {
    std::optional<std::int64_t> github_stars;
    std::optional<std::string> note;             ///< e.g. "in under two weeks".
    std::optional<std::string> becoming;         ///< What it is turning into, e.g. "the Linux of coding agents".
};

/// One catalog tool. Identity fields are always present; every other fact may be absent.
struct tool {
    std::string id;             ///< Lowercase slug of the name, e.g. "claw-code".
    std::string name;
    std::optional<std::string> vendor;   ///< Who makes it, when the source names anyone.
    std::string category;
    std::string tagline;
    std::string description;
    std::string updated;        ///< The date the entry's facts were last checked, "YYYY-MM-DD".

    std::optional<tool_kind> kind;
    std::optional<std::string> primitive;        ///< A noun phrase: what it is at its core.
    std::optional<std::string> dx_bet;           ///< The bet it makes on developer experience, as a clause.
    std::optional<bool> hard_to_replicate;       ///< Real infrastructure, not something to rebuild on a weekend.
    std::optional<predecessor_facts> predecessor;
    std::optional<std::vector<support_facts>> supports;   ///< Models, devices or platforms it supports.
    std::optional<std::string> track_record;     ///< What the vendor's or the project's record says, as a clause.
    std::optional<std::string> differentiator;   ///< What it adds over its competitors, as a noun phrase.
    std::optional<release_stage> availability;
    pricing_facts pricing;
    licence_facts licence;
    std::optional<std::vector<std::string>> distribution;   ///< Where it is published, e.g. "Hugging Face".
    std::optional<std::vector<std::string>> integrations;   ///< Standard stacks it works with.
    setup_facts setup;
    std::optional<examples_quality> examples;
    std::optional<std::vector<deployment_target>> deployment;
    std::optional<lock_in_level> lock_in;
    std::optional<std::string> performance;                 ///< A noun phrase, e.g. "a Rust-native performance profile".
    std::optional<benchmark_facts> benchmarks;
    std::optional<std::vector<claim_facts>> claims;
    problem_facts problem;
    risk_facts risks;
    std::optional<std::vector<competitor_facts>> competitors;
    market_facts market;
    thesis_facts thesis;
    std::optional<std::vector<audience_kind>> audience;
    std::optional<std::string> audience_note;              ///< Who it is for, in words, e.g. "indie game studios".
    std::optional<std::vector<std::string>> ecosystem;      ///< What the community builds on it, e.g. "plugins".
    traction_facts traction;
    std::vector<std::string> seats;                         ///< Panel seats; empty means the panel's default seats.
};

/// Which openness fact a persona should cite, and whether the tool is open.
struct openness {
    std::string_view fact;   ///< "licence.open_source" or "licence.open_weights".
    bool open = false;
};

/// Open source when it is true, else open weights when known, else open source; nullopt when neither is known.
inline std::optional<openness> openness_of(const tool& t) {
    if (t.licence.open_source == true) return openness{"licence.open_source", true};
    if (t.licence.open_weights) return openness{"licence.open_weights", *t.licence.open_weights};
    if (t.licence.open_source) return openness{"licence.open_source", false};
    return std::nullopt;
}

}  // namespace verdict
