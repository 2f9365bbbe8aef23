// The batch checks every page's size through an open folder: a file inside
// it, at any depth, must give its size; anything that is not a regular file,
// or a folder that could not be opened, must give nothing.
#include "support/open_folder.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
namespace fs = std::filesystem;

TEST_CASE("an open folder gives the size of regular files inside it, and nothing for anything else", "[unit]") {
    test::temp_dir dir;
    test::write_file(dir.path() / "index.html", "12345");
    test::write_file(dir.path() / "compare" / "a-vs-b.md", std::string(70000, 'x'));
    fs::create_directories(dir.path() / "tools");
    fs::create_symlink("index.html", dir.path() / "linked.html");

    const open_folder folder(dir.path());
    CHECK(folder.file_size("index.html") == 5u);
    CHECK(folder.file_size("compare/a-vs-b.md") == 70000u);
    CHECK(folder.file_size("linked.html") == 5u);   // a link to a page counts as the page, as stat() follows it
    CHECK_FALSE(folder.file_size("tools"));
    CHECK_FALSE(folder.file_size("tools/missing.html"));
    CHECK_FALSE(folder.file_size(""));

    const open_folder missing(dir.path() / "no-such-folder");
    CHECK_FALSE(missing.file_size("index.html"));
}
