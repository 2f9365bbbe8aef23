// The batch's writer on a real disk, where a Markdown category page is the
// one page in a folder of its own: a write makes that folder, and deleting the
// page takes the emptied folder with it, while any folder that still holds
// something, and any folder further up, is left alone.
#include "batch/file_writer.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
namespace fs = std::filesystem;

TEST_CASE("disk_writer makes a page's missing folder, one level only", "[batch][writer]") {
    test::temp_dir dir;
    disk_writer writer;
    fs::create_directory(dir.path() / "category");
    CHECK(writer.write(dir.path() / "category" / "developer-tools" / "_index.md", "page\n").empty());
    CHECK(test::read_file(dir.path() / "category" / "developer-tools" / "_index.md") == "page\n");
    // A missing page folder is the run's to make, not the writer's: the write fails and makes nothing.
    CHECK_FALSE(writer.write(dir.path() / "compare" / "deeper" / "a-vs-b.md", "page\n").empty());
    CHECK_FALSE(fs::exists(dir.path() / "compare"));
}

TEST_CASE("disk_writer deletes the folder its delete empties, and only that one", "[batch][writer]") {
    test::temp_dir dir;
    disk_writer writer;
    const fs::path folder = dir.path() / "category" / "developer-tools";
    test::write_file(folder / "_index.md", "page\n");
    test::write_file(dir.path() / "category" / "notes.md", "a person's\n");
    CHECK(writer.remove(folder / "_index.md").empty());
    CHECK_FALSE(fs::exists(folder));
    CHECK(fs::exists(dir.path() / "category" / "notes.md"));

    test::write_file(folder / "_index.md", "page\n");
    test::write_file(folder / "draft.md", "a person's\n");
    CHECK(writer.remove(folder / "_index.md").empty());
    CHECK(fs::exists(folder / "draft.md"));
    CHECK(writer.remove(folder / "_index.md").empty());   // already gone
}
