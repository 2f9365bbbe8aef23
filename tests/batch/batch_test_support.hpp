// What the batch tests share: catalogs to run on (generated or copied),
// the real program run on them, and snapshots of an output folder taken
// from the file system itself, so that "written", "unchanged" and
// "deleted" are judged by inodes, times and bytes, never by what the
// engine says it did.
#pragma once

#include "support/generated_catalog.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace verdict::test {

namespace fs = std::filesystem;

/// One regular file of an output folder as the file system shows it.
struct file_state {
    std::uint64_t size = 0;
    std::uint64_t hash = 0;       ///< Of its bytes; exact comparisons read both files again (same_files()).
    std::uint64_t inode = 0;      ///< An atomic replace renames a new file into place: a new inode.
    std::int64_t mtime_ns = 0;
};

/// Every regular file under a folder (hidden ones too), by path relative to it in generic form.
using folder_snapshot = std::map<std::string, file_state>;

folder_snapshot snapshot_of(const fs::path& dir);

/// The modification times of `dir` and of every folder under it: they change when a file is created, renamed or
/// deleted in them, even a temporary that is gone again.
std::map<std::string, std::int64_t> folder_times(const fs::path& dir);

/// Paths present in both snapshots whose inode or modification time changed, plus paths only in `after`.
std::set<std::string> rewritten_paths(const folder_snapshot& before, const folder_snapshot& after);

/// Paths only in `before`.
std::set<std::string> removed_paths(const folder_snapshot& before, const folder_snapshot& after);

/// The paths where the two folders' regular files differ, byte for byte, or exist in one only ("only in a: ...").
std::vector<std::string> differences(const fs::path& a, const fs::path& b);

/// The rows `select` finds in `out`'s state, one line each, the columns separated by "|"; why not, when it cannot be
/// read.
std::string state_rows(const fs::path& out, const std::string& select);

/// The same, for the state in `file` (kept outside its folder with --state).
std::string state_file_rows(const fs::path& file, const std::string& select);

/// Runs `sql` on `out`'s state, as a maintainer would in sqlite3; fails the test when it cannot.
void state_exec(const fs::path& out, const std::string& sql);

/// Clears the inputs of `out`'s last complete run, so that the next run is not a no-op and reads every input.
inline void forget_inputs(const fs::path& out) { state_exec(out, "DELETE FROM meta WHERE name = 'inputs_environment'"); }

/// The pages table of `out`'s state, in path order.
std::string manifest_rows(const fs::path& out);

/// How many items there are and the first `shown` of them, one a line: for messages about long lists.
std::string first_of(const std::vector<std::string>& items, std::size_t shown = 10);

/// The paths of a snapshot named like an interrupted write's temporary: ".<name>.tmp-<digits>".
std::vector<std::string> temporaries_in(const folder_snapshot& snapshot);


/// Copies the shipped catalog (tools, panel, comparisons) into `dir`.
void copy_stock_catalog(const fs::path& dir);

/// `verdict batch --catalog <catalog> --out <out> --quiet <extra...>`.
process_result run_batch_command(const fs::path& catalog, const fs::path& out, const std::vector<std::string>& extra = {});

/// The number before `what` in the summary line ("... 12 written, 3 unchanged ..."), or -1 when absent.
long summary_count(const std::string& out, const std::string& what);

/// The comparisons of `<catalog>/comparisons.json` as (left, right) ids, read independently of the engine:
/// explicit pairs in file order, then each listed category's pairs in id order, each pair once either way round.
std::vector<std::pair<std::string, std::string>> comparisons_of(const fs::path& catalog);

/// Every page of `tool_id` in `formats`: its tool pages and each comparison it is in.
std::set<std::string> pages_of_tool(const fs::path& catalog, const std::string& tool_id, const std::vector<std::string>& formats);

/// The category pages in `formats` that show `tool_id`: its own category's, and those of the categories of the tools
/// it is compared with, which list the comparison. Slugs are made here as the layout documents them (ASCII letters
/// and digits lower-cased, any other run one hyphen), for catalogs whose category names do not collide.
std::set<std::string> category_pages_of_tool(const fs::path& catalog, const std::string& tool_id, const std::vector<std::string>& formats);

/// The page in `format` of the category of `tool_id` (category_page()).
std::string category_page_of(const fs::path& catalog, const std::string& tool_id, const std::string& format);

/// Where the layout documents the index in `format`: "index.<ext>", or "_index.md", a Hugo site's home page.
std::string index_page(const std::string& format);

/// Where the layout documents a category's page in `format`: "category/<slug>.<ext>", or "category/<slug>/_index.md",
/// a Hugo section's page.
std::string category_page(const std::string& slug, const std::string& format);

/// Makes `catalog`'s panel a new rule set, `rule_set`, whose developer ships only at 95: most developer verdicts flip,
/// on any catalog, and the history records each.
void demand_more_of_developers(const fs::path& catalog, const std::string& rule_set);

/// Replaces one field of one tool file of `catalog`.
void edit_tool(const fs::path& catalog, const std::string& tool_id, const std::string& field, const std::string& value);

/// Gives a tool its name in capitals (ASCII letters only) and returns it. A tool's id must be the slug of its name,
/// and the slug ignores case, so this is the one change of name that keeps the tool valid; it changes no length.
std::string shout_name(const fs::path& catalog, const std::string& tool_id);

/// Whether two files hold the same bytes (false when either is missing), for checks that must not print whole pages.
bool same_bytes(const fs::path& a, const fs::path& b);

/// The ids of the catalog's tools, sorted.
std::vector<std::string> tool_ids(const fs::path& catalog);

}  // namespace verdict::test
