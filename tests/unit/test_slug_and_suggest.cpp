// Slugs (catalog ids) and did-you-mean suggestions.
#include "support/slug.hpp"
#include "support/suggest.hpp"

#include <catch2/catch.hpp>

using namespace verdict;

TEST_CASE("a slug lower-cases letters and digits and joins every other run with one hyphen", "[unit][slug]") {
    CHECK(slug_of("Llama 4 Compact (12B)") == "llama-4-compact-12b");
    CHECK(slug_of("Claude Haiku Open Weights") == "claude-haiku-open-weights");
    CHECK(slug_of("  --Claw   Code!! ") == "claw-code");
    CHECK(slug_of("Café Modèle") == "caf-mod-le");
    CHECK(slug_of("") == "");
}

TEST_CASE("suggestions find near misses, transpositions and case slips, and nothing far away", "[unit][suggest]") {
    const std::vector<std::string> fields{"vendor", "version", "tagline", "description"};
    CHECK(closest_match("vendr", fields) == std::optional<std::string>("vendor"));
    CHECK(closest_match("venodr", fields) == std::optional<std::string>("vendor"));
    CHECK(closest_match("TAGLINE", fields) == std::optional<std::string>("tagline"));
    CHECK_FALSE(closest_match("pricing", fields).has_value());
    CHECK(did_you_mean("descripton", fields) == "did you mean \"description\"?");
    CHECK(did_you_mean("zzz", fields).empty());
}
