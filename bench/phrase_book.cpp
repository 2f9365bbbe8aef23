// The generator's vocabulary. Text facts follow the catalog guide: noun phrases
// and clauses that start lower-case and end without a full stop, because the
// personas drop them into their quotes as they are. Some entries are non-ASCII
// on purpose (café, naïve, Zürich, €, ×, an em dash, an emoji) so every run
// exercises UTF-8 in file contents, slugs and quotes.
#include "phrase_book.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace verdict::bench {
namespace {

using word_lists = std::map<std::string_view, std::vector<std::string_view>>;

const word_lists& lists() {
    static const word_lists all{
        // Words for names and vendors.
        {"name_a", {"Nimbus", "Quartz", "Café", "Naïve", "Ember", "Atlas", "Lumen", "Drift", "Harbor", "Sable", "Orbit", "Kestrel",
                    "Zephyr", "Tessera", "Mosaic", "Cinder", "Fjord", "Halcyon", "Juniper", "Ångström", "Vesper", "Basalt", "Marlin", "Saffron"}},
        {"name_b", {"Forge", "Relay", "Studio", "Engine", "Stack", "Bench", "Pilot", "Lens", "Loom", "Works", "Hub", "Kit", "Lab", "Mesh",
                    "Flow", "Core", "Scribe", "Sentry", "Canvas", "Compass"}},
        // Mostly nothing: a suffix is the exception, and each one tests a slug rule (parentheses, dots, a trailing symbol, a dash).
        {"name_suffix", {"", "", "", "", "", "", " 2", " (12B)", " Pro", ".js", "+", " — Preview", " X", " v3.1"}},
        {"vendor", {"{name_a} Labs", "{name_a} AI", "ultraworkers", "Société Lumière", "Zürich Systems AG", "Kōan Labs", "tinkerbyte",
                    "Fjord Analytics", "Halcyon Research", "Open Orchard Collective", "m.okafor", "Mosaic & Sons", "Basalt Inc."}},
        {"category", {"Developer Tools", "Model Hosting", "Coding Agents", "Open-Weight Models", "Search & Retrieval", "Data Labelling",
                      "Evaluation", "Observability", "Speech — Voice & Audio", "Image Generation", "Video", "Design", "Productivity",
                      "Customer Support", "Security", "Robotics", "Education", "Healthcare", "Legal", "Finance", "Gaming", "Research",
                      "Café & Retail Analytics", "Writing"}},
        // Shared vocabulary. Adjectives start with a consonant so "a {adj}" always reads right.
        {"adj", {"lightweight", "serverless", "streaming", "quantized", "multilingual", "self-hosted", "GPU-backed", "Rust-native",
                 "federated", "privacy-first", "low-latency", "distilled", "typed", "declarative", "collaborative", "permissively licensed",
                 "browser-based", "zero-config"}},
        {"thing", {"inference runtime", "vector database", "coding agent", "evaluation harness", "speech model", "image pipeline",
                   "feature store", "prompt router", "retrieval layer", "notebook environment", "fine-tuning service", "data catalog",
                   "workflow engine", "embedding model", "code sandbox", "caching proxy", "browser agent", "transcription service",
                   "design assistant", "observability stack"}},
        {"domain", {"LLM serving", "code review", "customer support", "document search", "video editing", "genomics", "legal discovery",
                    "game modding", "robotics", "podcast production", "café and restaurant analytics", "on-call incident response",
                    "tax preparation", "academic peer review"}},
        {"does", {"restores pre-warmed CUDA contexts instead of initialising them from scratch", "routes each prompt to the cheapest model that passes its evals",
                  "keeps every embedding on your own hardware", "turns a folder of PDFs into a searchable index",
                  "replays production traffic against each new model", "writes the tests before it writes the code",
                  "caches tool calls across agent runs", "streams partial results while the batch is still running",
                  "transcribes café-noise recordings without a cloud round-trip"}},
        {"pain", {"GPU cold start problem", "context window limit", "hallucinated citation problem", "flaky test problem", "annotation bottleneck",
                  "latency budget", "data-residency requirement", "evaluation gap", "long tail of edge cases", "on-call fatigue"}},
        {"team", {"platform teams at mid-size SaaS companies", "ML engineers at growth-stage companies burned by idle GPU capacity",
                  "solo developers shipping side projects", "research labs with small GPU budgets", "agencies building client chatbots",
                  "enterprise data teams under compliance review", "indie game studios", "newsrooms — from local papers to wire services",
                  "heads of support at e-commerce brands", "security leads at regulated banks"}},
        {"people", {"designers", "data scientists", "support agents", "students", "game modders", "researchers"}},
        {"bigco", {"AWS", "Google Cloud", "Microsoft", "OpenAI", "Anthropic", "Meta", "Apple", "Nvidia", "Databricks", "Hugging Face"}},
        {"data", {"code from public repositories", "stock photography", "podcast transcripts", "news articles", "forum posts", "café reviews"}},
        {"gpu", {"A100", "H100", "RTX 4090", "M3 MacBook"}},
        {"ms", {"20", "50", "100", "250"}},
        {"x", {"2", "3", "5", "10"}},
        {"n", {"3", "12", "40", "120", "500"}},
        {"pct", {"12", "30", "40", "60", "90"}},
        {"year", {"2027", "2028", "2030"}},
        {"years", {"two", "three", "five"}},
        {"unit", {"token", "request", "GPU-second", "build", "page", "image"}},
        // Lists whose entries are list items in a tool file: no slots, so entries stay distinct.
        {"distribution", {"Hugging Face", "npm", "PyPI", "crates.io", "Docker Hub", "GitHub Releases", "Homebrew", "the App Store",
                          "the Ollama library", "Maven Central"}},
        {"integration", {"vLLM", "TGI", "llama.cpp", "LangChain", "LlamaIndex", "PyTorch", "JAX", "Kubernetes", "VS Code", "Jupyter",
                         "Postgres", "Slack", "custom model servers"}},
        {"benchmark", {"MMLU", "HumanEval", "SWE-bench Verified", "GSM8K", "MT-Bench", "ARC-AGI", "LiveCodeBench", "MATH", "GPQA Diamond",
                       "MTEB", "BEIR", "LongBench", "Café-QA (internal)"}},
        {"ecosystem", {"plugins", "themes", "community fine-tunes", "LoRA adapters", "VS Code extensions", "starter templates", "Discord bots",
                       "tutorials", "Helm charts", "Terraform modules"}},
        {"competitor", {"Replicate", "Baseten", "self-managed vLLM on EKS", "Pinecone", "Weaviate", "Cursor", "GitHub Copilot", "Midjourney",
                        "ElevenLabs", "Ollama", "Hugging Face TGI", "Mistral Small", "Qwen 3", "Gemma 3", "DeepSeek V3", "Modal", "LangSmith",
                        "Perplexity", "Notion AI", "Descript"}},
        // One pattern list per text fact of the schema.
        {"tagline", {"The {adj} {thing} for {domain}", "A {adj} {thing} that {does}", "Ship {domain} faster 🚀",
                     "Your {thing}, minus the {pain} — finally", "Open {thing} for {domain}, made in Zürich"}},
        {"description_sentence", {"It {does}.", "Early users report {pct}% less time lost to the {pain}.",
                                  "The team previously built a {adj} {thing} for {domain}.", "It targets {team}.",
                                  "The launch post calls it naïve by design — fewer knobs, sane defaults.",
                                  "Pricing starts at €{n} a month, with a free tier for students."}},
        {"primitive", {"a {adj} {thing} that {does}", "a {adj} {thing} built on {integration}",
                       "a single {thing} API over {n} model providers", "snapshot-based memory loading that {does}"}},
        {"pricing_notes", {"pay per {unit}; no reserved capacity and no idle compute", "free tier up to {n} thousand {unit}s a month",
                           "seat-based, €{n} per user per month", "open source; the hosted version is billed per {unit}",
                           "enterprise pricing on request"}},
        {"licence_name", {"Apache 2.0 licence", "MIT licence", "{name_a} community licence", "custom research-only licence",
                          "AGPL-3.0 licence", "Business Source Licence", "OpenRAIL-M licence", "Creative Commons BY-NC licence"}},
        {"first_run", {"pip install {cmd}", "npm create {cmd}@latest", "docker run -p 8080:8080 {cmd}/server", "cargo install {cmd}",
                       "brew install {cmd}", "{cmd} init", "uvx {cmd} serve", "curl -fsSL https://get.{cmd}.dev | sh"}},
        {"performance", {"a Rust-native performance profile", "sub-{ms}ms p95 latency on a single {gpu}",
                         "{x}× the throughput of {competitor} on the same hardware", "a cold start under {ms} ms",
                         "streaming output at {n} tokens per second on a laptop"}},
        {"claim", {"sub-{ms}ms cold starts for LLMs", "{pct}% fewer hallucinated citations than {competitor}",
                   "{x}× cheaper inference than {competitor}", "state-of-the-art accuracy on {benchmark}",
                   "zero-config deployment to {distribution}", "a {pct}-point lead over naïve retrieval baselines"}},
        {"breaks_at", {"70B+ models that need multi-GPU tensor parallelism", "documents longer than {n} pages", "more than {n} concurrent users",
                       "prompts outside English", "accented input like café menus and naïve transliterations",
                       "repositories with more than {n} thousand files", "anything that needs network access inside the sandbox"}},
        {"problem", {"the {pain} that made {domain} impractical", "the {pain} every team in {domain} works around by hand",
                     "the {pain} in {domain}"}},
        {"legal_notes", {"it trains on scraped {data} without a clear licence", "its terms let the vendor reuse customer prompts for training",
                         "a pending patent claim covers its core {thing}",
                         "it was rewritten from leaked source, and clean-room protocols may not hold up in court",
                         "EU data-residency rules apply to every {domain} customer"}},
        {"threat", {"{bigco} shipping a native {thing} with their enterprise distribution", "open-weight models catching up within a release cycle",
                    "{bigco} bundling a free {thing} into its platform", "a price war among {thing} vendors"}},
        {"budget_line", {"infrastructure", "R&D", "marketing", "customer support", "security", "developer productivity", "data platform",
                         "content production", "legal"}},
        {"moat", {"execution depth on the {pain}", "a proprietary dataset of {data}", "network effects among {people}",
                  "integration breadth across {n} platforms", "nothing beyond first-mover brand",
                  "switching costs from fine-tuned adapters customers cannot export"}},
        {"expansion", {"teams that start with the {thing} pull in {vendor}'s broader {thing} for {domain}",
                       "seats grow as {people} invite their collaborators", "usage grows with every new {domain} workload",
                       "an enterprise tier adds SSO, audit logs and data residency"}},
        {"thesis", {"{domain} moves from hosted APIs to {adj} models within {years} years", "every {domain} team will run a {adj} {thing} by {year}",
                    "the {thing} is becoming a commodity, and the value moves to the data",
                    "GPU utilisation economics will favour serverless over reserved capacity as traffic grows burstier"}},
        {"dependency", {"model proliferation continuing", "GPU prices falling", "regulators accepting synthetic training data",
                        "open-weight models staying within a release of the frontier", "{bigco} keeping its API terms stable",
                        "developers trusting agents with write access"}},
        {"second_order", {"power shifts from foundation model providers toward the application layer",
                          "the race moves to the model layer, and every {thing} vendor competes on UX",
                          "{domain} budgets move from headcount to compute",
                          "small teams can ship what took a department — and incumbents lose their moat"}},
        {"dx_bet", {"pay per {unit} with no capacity reservation beats running your own {thing}",
                    "one {thing} API is worth more than the best {thing} you have to wire up yourself",
                    "developers will trade a little latency for never touching a GPU again",
                    "the licence stays out of the way for the 80% case — local runs, experiments and offline demos"}},
        {"improvement", {"a {x}× memory reduction", "{x}× faster cold starts", "support for {n} more languages",
                         "a {pct}% smaller download with the same accuracy on {benchmark}"}},
        {"support", {"Llama 4", "Qwen3", "Gemma 3", "Mistral Large", "Apple A16", "Snapdragon 8 Gen 3", "Raspberry Pi 5", "WebGPU",
                     "the {gpu}", "{integration}"}},
        {"track_record", {"{vendor} has historically been more closed than {bigco}", "{vendor} has shipped on every date it announced",
                          "the last {thing} from {vendor} was abandoned within a year", "{vendor} kept its API stable for {years} years"}},
        {"differentiator", {"the only {adj} {thing} in the list", "{vendor}'s brand weight with {people}",
                            "an evaluation suite that ships with every release"}},
        {"audience_note", {"indie game studios", "{people} who never open a terminal", "small teams in {domain}", "students on a laptop"}},
        {"spares", {"a single line of Kubernetes YAML", "an account or a credit card", "a GPU of your own", "a weekend of glue code"}},
        {"next", {"{vendor} ships a larger model within 18 months", "every {domain} team expects a {adj} {thing} by {year}",
                  "{bigco} follows with its own {thing}"}},
        {"strategy", {"look open without cannibalising API revenue", "give the {thing} away and sell the hosting",
                      "land in {domain} teams and expand to the whole company"}},
        {"alternative", {"just downloading Llama", "self-hosting {competitor}", "a weekend with {integration}"}},
        {"value", {"you pay only for inference, not for idle time", "one invoice replaces {n} vendor contracts",
                   "support tickets close {pct}% faster"}},
        {"becoming", {"the Linux of coding agents", "the default {thing} for {domain}", "a platform others build {ecosystem} on"}},
        {"competitor_note", {"already integrated into every inference stack on the planet", "free for teams under {n} seats",
                             "backed by {bigco}'s distribution", "open source under the Apache 2.0 licence"}},
        {"holds_for", {"models that fit in VRAM after snapshot restoration", "documents under {n} pages", "English prompts",
                       "teams of up to {n} users"}},
        {"traction_note", {"in under two weeks", "since the beta opened", "mostly from one launch thread",
                           "after a viral demo — organic, no paid launch", "across {n} forks", "in its first month"}},
    };
    return all;
}

// Guards against a list that names itself: no honest pattern nests this deep.
constexpr int max_depth = 8;

std::string expand_at(random_stream& rng, std::string_view pattern, const phrase_bindings& bindings, int depth);

std::string fill_slot(random_stream& rng, std::string_view slot, const phrase_bindings& bindings, int depth) {
    for (const auto& [name, value] : bindings)
        if (name == slot) return value;
    const auto& entries = word_list(slot);
    return expand_at(rng, entries[rng.below(entries.size())], bindings, depth + 1);
}

std::string expand_at(random_stream& rng, std::string_view pattern, const phrase_bindings& bindings, int depth) {
    if (depth > max_depth) throw std::logic_error("phrase patterns nest deeper than " + std::to_string(max_depth) + " levels");
    std::string text;
    for (std::size_t at = 0; at < pattern.size();) {
        const std::size_t open = pattern.find('{', at);
        const std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
        if (close == std::string_view::npos) {
            text += pattern.substr(at);
            break;
        }
        text += pattern.substr(at, open - at);
        text += fill_slot(rng, pattern.substr(open + 1, close - open - 1), bindings, depth);
        at = close + 1;
    }
    return text;
}

}  // namespace

const std::vector<std::string_view>& word_list(std::string_view slot) {
    const auto found = lists().find(slot);
    if (found == lists().end()) throw std::logic_error("no word list or binding for the phrase slot {" + std::string(slot) + "}");
    return found->second;
}

std::string expand(random_stream& rng, std::string_view pattern, const phrase_bindings& bindings) {
    return expand_at(rng, pattern, bindings, 0);
}

std::vector<std::string> distinct_phrases(random_stream& rng, std::string_view slot, std::size_t count, const phrase_bindings& bindings) {
    const auto& entries = word_list(slot);
    std::vector<std::string> out;
    for (const std::size_t i : rng.distinct(entries.size(), count)) {
        std::string phrase = expand(rng, entries[i], bindings);
        // Two patterns can expand alike; lists in a tool file hold each item once.
        if (std::find(out.begin(), out.end(), phrase) == out.end()) out.push_back(std::move(phrase));
    }
    return out;
}

}  // namespace verdict::bench
