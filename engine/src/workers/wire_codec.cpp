// One visitor per direction walks the same field lists: the encoder writes
// what the decoder reads, in the same order, by construction. Enums travel as
// their position in the SDK's name table, checked against its size on the
// way in.
#include "workers/wire_codec.hpp"

#include <concepts>
#include <limits>
#include <map>
#include <optional>
#include <type_traits>
#include <vector>

namespace verdict {
namespace {

template <class E> concept catalog_enum = requires { enum_names<E>::values; };

// The fields of each struct that crosses, for a visitor `v` called with each in turn; `x` is const or not.
template <class T> struct fields_of;

#define VERDICT_FIELDS(type, ...)                                  \
    template <> struct fields_of<type> {                           \
        template <class X, class V> static void visit(X& x, V& v) { \
            __VA_ARGS__;                                            \
        }                                                           \
    };

VERDICT_FIELDS(pricing_facts, v(x.entry); v(x.notes))
VERDICT_FIELDS(licence_facts, v(x.name); v(x.open_weights); v(x.open_source); v(x.commercial_use))
VERDICT_FIELDS(setup_facts, v(x.api_key); v(x.env_vars); v(x.steps); v(x.first_run); v(x.spares))
VERDICT_FIELDS(benchmark_facts, v(x.names); v(x.self_reported); v(x.methodology_published))
VERDICT_FIELDS(claim_facts, v(x.text); v(x.evidence); v(x.breaks_at); v(x.holds_for))
VERDICT_FIELDS(predecessor_facts, v(x.name); v(x.improvement))
VERDICT_FIELDS(support_facts, v(x.name); v(x.day_zero))
VERDICT_FIELDS(dependency_facts, v(x.text); v(x.status))
VERDICT_FIELDS(problem_facts, v(x.statement); v(x.solved))
VERDICT_FIELDS(risk_facts, v(x.legal); v(x.legal_notes); v(x.threat))
VERDICT_FIELDS(competitor_facts, v(x.name); v(x.open_weights); v(x.commercial_use); v(x.note))
VERDICT_FIELDS(market_facts, v(x.buyer); v(x.budget_line); v(x.revenue_model); v(x.moat); v(x.expansion); v(x.upgrade_path); v(x.strategy);
               v(x.alternative); v(x.value))
VERDICT_FIELDS(thesis_facts, v(x.statement); v(x.falsifiable); v(x.dependency); v(x.dependency_status); v(x.second_order); v(x.timing);
               v(x.dependencies); v(x.next))
VERDICT_FIELDS(traction_facts, v(x.github_stars); v(x.note); v(x.becoming))
VERDICT_FIELDS(tool, v(x.id); v(x.name); v(x.vendor); v(x.category); v(x.tagline); v(x.description); v(x.updated); v(x.kind);
               v(x.primitive); v(x.dx_bet); v(x.hard_to_replicate); v(x.predecessor); v(x.supports); v(x.track_record); v(x.differentiator);
               v(x.availability); v(x.pricing); v(x.licence); v(x.distribution); v(x.integrations); v(x.setup);
               v(x.examples); v(x.deployment); v(x.lock_in); v(x.performance); v(x.benchmarks); v(x.claims); v(x.problem); v(x.risks);
               v(x.competitors); v(x.market); v(x.thesis); v(x.audience); v(x.audience_note); v(x.ecosystem); v(x.traction); v(x.seats))
VERDICT_FIELDS(settings, v(x.base); v(x.threshold); v(x.min_facts); v(x.weights))
VERDICT_FIELDS(reason, v(x.rule); v(x.points); v(x.fact); v(x.value); v(x.why))
VERDICT_FIELDS(rule_check, v(x.rule); v(x.fact); v(x.value); v(x.fired))
VERDICT_FIELDS(quote_sentence, v(x.text); v(x.rules); v(x.facts))
VERDICT_FIELDS(review, v(x.verdict); v(x.score); v(x.quote); v(x.reasons); v(x.checks); v(x.sentences))
VERDICT_FIELDS(seat_review, v(x.seat); v(x.persona_name); v(x.persona_version); v(x.base); v(x.threshold); v(x.result); v(x.failure); v(x.log);
               v(x.output); v(x.shadow))
VERDICT_FIELDS(panel_verdict, v(x.ship); v(x.skip); v(x.abstain); v(x.failed); v(x.quorum); v(x.rule_set); v(x.ship_pct); v(x.mean_score);
               v(x.missing))
VERDICT_FIELDS(tool_review, v(x.seats); v(x.verdict); v(x.unreadable))
VERDICT_FIELDS(persona_identity, v(x.id); v(x.display_name); v(x.version))
VERDICT_FIELDS(script_limits, v(x.instructions_per_review); v(x.instructions_per_load); v(x.memory_bytes); v(x.source_bytes); v(x.seconds))

#undef VERDICT_FIELDS

template <class T> concept has_fields = requires { fields_of<T>{}; };

struct encoder {
    wire_writer& w;

    void operator()(const std::string& x) { w.text(x); }
    void operator()(bool x) { w.boolean(x); }
    void operator()(double x) { w.number(x); }
    template <std::integral I> void operator()(I x) {
        if constexpr (std::is_signed_v<I>) w.signed_varint(x);
        else w.varint(x);
    }
    template <catalog_enum E> void operator()(E x) { w.varint(static_cast<std::uint64_t>(x)); }
    template <class T> void operator()(const std::optional<T>& x) {
        w.boolean(x.has_value());
        if (x) (*this)(*x);
    }
    template <class T> void operator()(const std::vector<T>& x) {
        w.varint(x.size());
        for (const T& item : x) (*this)(item);
    }
    template <class K, class T, class C> void operator()(const std::map<K, T, C>& x) {
        w.varint(x.size());
        for (const auto& [key, value] : x) {
            (*this)(key);
            (*this)(value);
        }
    }
    template <has_fields T> void operator()(const T& x) { fields_of<T>::visit(x, *this); }
};

struct decoder {
    wire_reader& r;

    void operator()(std::string& x) { x = r.text(); }
    void operator()(bool& x) { x = r.boolean(); }
    void operator()(double& x) { x = r.number(); }
    template <std::integral I> void operator()(I& x) {
        if constexpr (std::is_signed_v<I>) {
            const std::int64_t value = r.signed_varint();
            if (value < std::numeric_limits<I>::min() || value > std::numeric_limits<I>::max()) throw wire_error("a number out of range");
            x = static_cast<I>(value);
        } else {
            const std::uint64_t value = r.varint();
            if (value > std::numeric_limits<I>::max()) throw wire_error("a number out of range");
            x = static_cast<I>(value);
        }
    }
    template <catalog_enum E> void operator()(E& x) { x = static_cast<E>(r.below(enum_names<E>::values.size(), "a catalog value")); }
    template <class T> void operator()(std::optional<T>& x) {
        x.reset();
        if (!r.boolean()) return;
        (*this)(x.emplace());
    }
    template <class T> void operator()(std::vector<T>& x) {
        x.clear();
        const std::size_t n = r.count();
        x.reserve(n);
        for (std::size_t i = 0; i < n; ++i) (*this)(x.emplace_back());
    }
    template <class K, class T, class C> void operator()(std::map<K, T, C>& x) {
        x.clear();
        const std::size_t n = r.count();
        for (std::size_t i = 0; i < n; ++i) {
            K key;
            (*this)(key);
            (*this)(x[std::move(key)]);
        }
    }
    template <has_fields T> void operator()(T& x) { fields_of<T>::visit(x, *this); }
};

template <class T> void encode_any(wire_writer& w, const T& x) {
    encoder e{w};
    e(x);
}

template <class T> T decode_any(wire_reader& r) {
    T x{};
    decoder d{r};
    d(x);
    return x;
}

}  // namespace

void encode(wire_writer& w, const tool& t) { encode_any(w, t); }
void encode(wire_writer& w, const settings& s) { encode_any(w, s); }
void encode(wire_writer& w, const review& r) { encode_any(w, r); }
void encode(wire_writer& w, const tool_review& r) { encode_any(w, r); }
void encode(wire_writer& w, const persona_identity& identity) { encode_any(w, identity); }
void encode(wire_writer& w, const script_limits& limits) { encode_any(w, limits); }

tool decode_tool(wire_reader& r) { return decode_any<tool>(r); }
settings decode_settings(wire_reader& r) { return decode_any<settings>(r); }
review decode_review(wire_reader& r) { return decode_any<review>(r); }
tool_review decode_tool_review(wire_reader& r) { return decode_any<tool_review>(r); }
persona_identity decode_identity(wire_reader& r) { return decode_any<persona_identity>(r); }
script_limits decode_limits(wire_reader& r) { return decode_any<script_limits>(r); }

}  // namespace verdict
