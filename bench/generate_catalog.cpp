// generate-catalog: writes a synthetic catalog (tools, a panel, comparison
// pairs) for benchmarks and for the batch renderer, from a seed.
//
// The generation itself lives in catalog_generator.cpp; this file is the one
// error boundary around the side effects: the command line, the panel file it
// copies, and the files it writes. Exit statuses follow verdict's: 0 success,
// 1 a file could not be written, 2 bad usage or input (including a DIR/tools
// that already holds files, without --force).
#include "catalog_generator.hpp"

#include <boost/program_options.hpp>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;
using verdict::bench::catalog_plan;

enum class exit_code : int { ok = 0, failed = 1, bad_input = 2 };

// Usage and input problems: reported as one line, exit 2.
struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A file that could not be read or written: exit 1.
struct io_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

constexpr const char* summary =
    "usage: generate-catalog --tools N --categories C --seed S --out DIR [--panel FILE] [--force]\n"
    "\n"
    "Writes a synthetic, schema-valid catalog for benchmarks. The same seed gives the same bytes on every run and\n"
    "platform, and tool i is the same whatever N is, so a smaller catalog is a prefix of a larger one.\n"
    "\n"
    "It writes:\n"
    "  DIR/tools/<id>.json  N tools named \"Tool 00001 <Word> <Word>\", ids the slugs of the names; every optional\n"
    "                       fact of catalog/schema/tool.schema.json is present in some tools and absent in others\n"
    "  DIR/panel.json       a byte-for-byte copy of --panel FILE; tools that list their own seats use its seat ids\n"
    "  DIR/comparisons.json {\"pairs\": [[\"<id-a>\", \"<id-b>\"], ...]}: pairs of tools of the same category, the\n"
    "                       earlier tool first, each tool in at most 5 pairs\n"
    "\n"
    "It refuses (exit 2) when DIR/tools is not empty, unless --force; --force deletes the *.json files directly in\n"
    "DIR/tools before writing and nothing else. DIR/panel.json and DIR/comparisons.json are overwritten.\n"
    "A seat's script, or a plugin given as a relative path rather than a stock persona name, is resolved by\n"
    "verdict against DIR: copy those files there yourself (the generator notes each one).\n"
    "\n"
    "Exit status: 0 success, 1 a file could not be written, 2 bad usage or input.\n";

// Whole numbers are parsed by hand: Boost's lexical_cast takes "-1" for an unsigned type and wraps it around.
std::uint64_t whole_number(const po::variables_map& values, const char* option, std::uint64_t low, std::uint64_t high) {
    if (!values.count(option)) throw usage_error(std::string("missing --") + option + "; see generate-catalog --help");
    const std::string text = values[option].as<std::string>();
    std::uint64_t number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size() || number < low || number > high)
        throw usage_error(std::string("--") + option + ": expected a whole number from " + std::to_string(low) + " to " +
                          std::to_string(high) + ", found \"" + text + "\"");
    return number;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (in) bytes << in.rdbuf();
    if (!in) throw usage_error("cannot read the panel file " + path.generic_string() + "; pass --panel FILE (see --help)");
    return bytes.str();
}

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw io_error("cannot write " + path.generic_string() + " (" + std::strerror(errno) + ")");
}

std::string count_of(std::uint64_t count, const std::string& one, const std::string& many = "") {
    return std::to_string(count) + " " + (count == 1 ? one : many.empty() ? one + "s" : many);
}

std::string dump(const nlohmann::ordered_json& document) { return document.dump(2) + "\n"; }

// The seat ids, in panel order. Only what the generator needs is checked here; verdict lint checks the rest.
std::vector<std::string> panel_seat_ids(const std::string& text, const fs::path& path) {
    std::vector<std::string> ids;
    const auto panel = nlohmann::json::parse(text, nullptr, false);
    if (panel.is_discarded() || !panel.is_object() || !panel.contains("seats") || !panel.at("seats").is_array())
        throw usage_error(path.generic_string() + ": expected a panel configuration with a \"seats\" list");
    for (const auto& seat : panel.at("seats")) {
        if (!seat.is_object() || !seat.contains("id") || !seat.at("id").is_string())
            throw usage_error(path.generic_string() + ": expected every seat to have an \"id\"");
        ids.push_back(seat.at("id").get<std::string>());
        // A stock persona name loads from verdict's own folder; any other plugin, and every script, is a path that
        // verdict resolves against the catalog folder, which is now DIR.
        const bool script = seat.contains("script") && seat.at("script").is_string();
        const std::string source = script ? seat.at("script").get<std::string>() : seat.value("plugin", std::string());
        const bool stock = !script && source.find('/') == std::string::npos && !source.ends_with(".so");
        if (!stock && !source.empty() && !fs::path(source).is_absolute())
            std::cerr << "generate-catalog: note: seat \"" << ids.back() << "\" loads " << source
                      << ", which verdict resolves against the output folder; copy it there\n";
    }
    return ids;
}

// Refuses a DIR/tools that holds anything unless forced; when forced, deletes only the tool files verdict would load.
void prepare_tools_dir(const fs::path& out_dir, bool force) {
    if (fs::exists(out_dir) && !fs::is_directory(out_dir)) throw usage_error(out_dir.generic_string() + " exists and is not a folder");
    const fs::path tools_dir = out_dir / "tools";
    if (fs::exists(tools_dir) && !fs::is_directory(tools_dir)) throw usage_error(tools_dir.generic_string() + " exists and is not a folder");
    if (!fs::exists(tools_dir)) {
        fs::create_directories(tools_dir);
        return;
    }
    std::vector<fs::path> stale;
    std::size_t entries = 0;
    for (const auto& entry : fs::directory_iterator(tools_dir)) {
        ++entries;
        const std::string file_name = entry.path().filename().string();
        if (entry.is_regular_file() && entry.path().extension() == ".json" && file_name.front() != '.') stale.push_back(entry.path());
    }
    if (entries > 0 && !force)
        throw usage_error(tools_dir.generic_string() + " is not empty (" + std::to_string(entries) +
                          " entries); pass --force to replace its tool files");
    for (const fs::path& file : stale) fs::remove(file);
}

exit_code generate(const po::variables_map& values) {
    const std::uint64_t tools = whole_number(values, "tools", 1, 1000000);
    const std::uint64_t categories = whole_number(values, "categories", 1, tools);
    catalog_plan plan;
    plan.seed = whole_number(values, "seed", 0, UINT64_MAX);
    if (!values.count("out")) throw usage_error("missing --out; see generate-catalog --help");
    const fs::path out_dir = values["out"].as<std::string>();
    const fs::path panel_file = values["panel"].as<std::string>();
    const std::string panel_text = read_file(panel_file);
    plan.seat_ids = panel_seat_ids(panel_text, panel_file);
    plan.categories = verdict::bench::category_names(categories);

    prepare_tools_dir(out_dir, values.count("force") > 0);
    std::vector<verdict::bench::tool_key> keys;
    keys.reserve(tools);
    for (std::size_t i = 0; i < tools; ++i) {
        verdict::bench::generated_tool tool = verdict::bench::make_tool(plan, i);
        write_file(out_dir / "tools" / (tool.key.id + ".json"), dump(tool.document));
        keys.push_back(std::move(tool.key));
    }
    write_file(out_dir / "panel.json", panel_text);
    const auto comparisons = verdict::bench::make_comparisons(plan, keys);
    write_file(out_dir / "comparisons.json", dump(comparisons));
    std::cout << "generate-catalog: wrote " << count_of(tools, "tool") << " in " << count_of(categories, "category", "categories") << " and "
              << count_of(comparisons.at("pairs").size(), "comparison pair") << " to " << out_dir.generic_string() << "\n";
    return exit_code::ok;
}

po::options_description options() {
    po::options_description described("Options");
    described.add_options()
        ("tools", po::value<std::string>()->value_name("N"), "number of tools, 1 to 1000000")
        ("categories", po::value<std::string>()->value_name("C"), "number of categories, 1 to N; each is used at least once")
        ("seed", po::value<std::string>()->value_name("S"), "seed, a whole number from 0 to 2^64-1")
        ("out", po::value<std::string>()->value_name("DIR"), "output folder, created if missing")
        ("panel", po::value<std::string>()->default_value("catalog/panel.json")->value_name("FILE"),
         "panel configuration to copy (the default is the shipped panel, for runs from the source tree)")
        ("force", "replace the tool files already in DIR/tools")
        ("help,h", "show this help and exit");
    return described;
}

}  // namespace

int main(int argc, char** argv) {
    const po::options_description described = options();
    try {
        po::variables_map values;
        po::store(po::parse_command_line(argc, argv, described), values);
        if (values.count("help")) {
            std::cout << summary << "\n" << described;
            return static_cast<int>(exit_code::ok);
        }
        return static_cast<int>(generate(values));
    } catch (const po::error& error) {
        std::cerr << "generate-catalog: error: " << error.what() << "; see generate-catalog --help\n";
        return static_cast<int>(exit_code::bad_input);
    } catch (const usage_error& error) {
        std::cerr << "generate-catalog: error: " << error.what() << "\n";
        return static_cast<int>(exit_code::bad_input);
    } catch (const io_error& error) {
        std::cerr << "generate-catalog: error: " << error.what() << "\n";
        return static_cast<int>(exit_code::failed);
    } catch (const fs::filesystem_error& error) {
        std::cerr << "generate-catalog: error: " << error.path1().generic_string() << ": " << error.code().message() << "\n";
        return static_cast<int>(exit_code::failed);
    } catch (const std::exception& error) {   // a bug in the generator (a phrase slot with no list, say): still one clear line
        std::cerr << "generate-catalog: error: " << error.what() << "\n";
        return static_cast<int>(exit_code::failed);
    }
}
