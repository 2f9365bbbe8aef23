// verdict init: a new catalog to start from, in a folder of its own: the stock
// panel, two example tools and their comparison, site settings to fill in,
// the schemas for editors' tools, and a README. It writes only into a folder
// that is new or empty, so it never replaces anyone's data.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "init/catalog_template.hpp"
#include "support/atomic_file.hpp"
#include "support/file_access.hpp"
#include "support/text_file.hpp"

#include <iterator>

namespace verdict::cli {

exit_code run_init(const std::vector<std::string>& args, context& ctx) {
    option_parser p("init", "[options] [<folder>]",
                    "Writes a new catalog into <folder> (by default the --catalog folder, catalog/): panel.json with the\n"
                    "five stock personas seated, two example tools and a comparison between them, site.json, a test fixture\n"
                    "of what the panel says of them, copies of the schemas for editors' tools, and a README for editors. verdict lint passes it and verdict batch makes\n"
                    "its site. The folder must not exist yet, or be empty: nothing is ever written over.",
                    ctx);
    p.add_positional("folder", "<folder>", "where to write the catalog: a folder that does not exist yet, or an empty one");
    p.add_example("verdict init my-catalog", "a new catalog in my-catalog/, then: cd my-catalog && verdict lint --catalog .");
    p.add_example("verdict init && verdict batch --out site", "a catalog in catalog/, where every command looks by default, and its site");
    if (auto stop = p.parse(args)) return *stop;
    const std::vector<std::string> named = p.positionals("folder");
    if (named.size() > 1) {
        report_error(ctx, "expected one folder, found " + std::to_string(named.size()) + "; see verdict init --help");
        return exit_code::bad_input;
    }
    const std::filesystem::path folder = named.empty() ? p.catalog_dir() : std::filesystem::path(named.front());
    const path_state state = probe_path(folder);
    std::error_code error;
    if (state.kind == path_kind::folder && std::filesystem::directory_iterator(folder, error) != std::filesystem::directory_iterator()) {
        report_error(ctx, display_path(folder) + ": expected a new or empty folder, found one with files in it; init never writes over a "
                                                 "catalog: give another folder");
        return exit_code::bad_input;
    }
    if (state.kind != path_kind::folder && state.kind != path_kind::missing) {
        report_error(ctx, to_string(unreadable_problem(folder, "a new or empty folder", found_at(state, true))));
        return exit_code::bad_input;
    }
    for (const char* sub : {"tools", "schema", "fixtures"}) {
        std::filesystem::create_directories(folder / sub, error);
        if (error) {
            report_error(ctx, "cannot create " + display_path(folder / sub) + ": " + error.message());
            return exit_code::failed;
        }
    }
    for (const auto& [path, bytes] : catalog_template()) {
        if (const std::string failure = write_file_atomically(folder / path, bytes); !failure.empty()) {
            report_error(ctx, failure);
            return exit_code::failed;
        }
    }
    const std::string shown = display_path(folder);
    ctx.out << "verdict init: wrote a new catalog in " << shown << " (" << catalog_template().size()
            << " files: panel.json, two tools, comparisons.json, site.json, fixtures/, schema/, README.md)\n"
            << "next: verdict lint --catalog " << shown << ", then verdict serve --catalog " << shown << " or verdict batch --catalog " << shown
            << " --out site\n";
    return exit_code::ok;
}

}  // namespace verdict::cli
