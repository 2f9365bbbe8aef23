// The shared-library host on the real stock plugins.
#include "hosts/shared_library_host.hpp"
#include "support/paths.hpp"

#include <catch2/catch.hpp>

using namespace verdict;

TEST_CASE("each stock plugin loads and says who it is", "[hosts][stock]") {
    for (const std::string name : {"developer", "skeptic", "futurist", "business", "creator"}) {
        auto backend = load_shared_library_persona(test::persona_dir() / (name + ".so"));
        CHECK(backend->identity().id == name);
        CHECK_FALSE(backend->identity().display_name.empty());
        CHECK(backend->identity().version == "2.0.0");
        CHECK(backend->defaults().threshold > 0);
        CHECK_FALSE(backend->defaults().weights.empty());
    }
}
