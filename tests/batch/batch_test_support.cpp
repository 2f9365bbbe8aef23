// Snapshots read every file's bytes once and keep only a hash, so a folder of
// 30,000 pages costs megabytes, not gigabytes; where two folders must be
// equal byte for byte, differences() reads both again and compares them whole.
#include "batch/batch_test_support.hpp"

#include "state/state_database.hpp"
#include "support/paths.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <regex>

namespace verdict::test {
namespace {

using nlohmann::json;

std::string relative_name(const fs::path& file, const fs::path& dir) { return fs::relative(file, dir).generic_string(); }

}  // namespace

// The folder's state (.verdict/) is a database whose bytes hold times and this machine's stamps, not output: the
// tests judge the pages, and the state by what its tables hold (manifest_rows()).
// A folder of several output folders (shards and their merge) holds several states.
static bool is_state_file(const fs::path& file, const fs::path& dir) {
    for (const fs::path& part : fs::relative(file, dir))
        if (part == state_folder_name) return true;
    return false;
}

folder_snapshot snapshot_of(const fs::path& dir) {
    folder_snapshot snapshot;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file() || is_state_file(entry.path(), dir)) continue;
        struct stat info {};
        if (::stat(entry.path().c_str(), &info) != 0) continue;   // deleted between listing and stat
        const std::string bytes = read_file(entry.path());
        snapshot[relative_name(entry.path(), dir)] = {bytes.size(), std::hash<std::string>{}(bytes), static_cast<std::uint64_t>(info.st_ino),
                                                      std::int64_t{info.st_mtim.tv_sec} * 1'000'000'000 + info.st_mtim.tv_nsec};
    }
    return snapshot;
}

std::map<std::string, std::int64_t> folder_times(const fs::path& dir) {
    std::map<std::string, std::int64_t> times;
    auto add = [&](const fs::path& folder) {
        struct stat info {};
        if (::stat(folder.c_str(), &info) == 0) times[folder == dir ? "." : relative_name(folder, dir)] = std::int64_t{info.st_mtim.tv_sec} * 1'000'000'000 + info.st_mtim.tv_nsec;
    };
    add(dir);
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_directory() && !is_state_file(entry.path(), dir)) add(entry.path());
    return times;
}

std::set<std::string> rewritten_paths(const folder_snapshot& before, const folder_snapshot& after) {
    std::set<std::string> rewritten;
    for (const auto& [path, now] : after) {
        const auto old = before.find(path);
        if (old == before.end() || old->second.inode != now.inode || old->second.mtime_ns != now.mtime_ns) rewritten.insert(path);
    }
    return rewritten;
}

std::set<std::string> removed_paths(const folder_snapshot& before, const folder_snapshot& after) {
    std::set<std::string> removed;
    for (const auto& [path, state] : before)
        if (!after.count(path)) removed.insert(path);
    return removed;
}

std::vector<std::string> differences(const fs::path& a, const fs::path& b) {
    std::set<std::string> in_a, in_b;
    for (const auto& entry : fs::recursive_directory_iterator(a))
        if (entry.is_regular_file() && !is_state_file(entry.path(), a)) in_a.insert(relative_name(entry.path(), a));
    for (const auto& entry : fs::recursive_directory_iterator(b))
        if (entry.is_regular_file() && !is_state_file(entry.path(), b)) in_b.insert(relative_name(entry.path(), b));
    std::vector<std::string> found;
    for (const std::string& path : in_a)
        if (!in_b.count(path)) found.push_back("only in " + a.filename().string() + ": " + path);
        else if (read_file(a / path) != read_file(b / path)) found.push_back("bytes differ: " + path);
    for (const std::string& path : in_b)
        if (!in_a.count(path)) found.push_back("only in " + b.filename().string() + ": " + path);
    return found;
}

std::string state_rows(const fs::path& out, const std::string& select) { return state_file_rows(state_database::file_of(out), select); }

std::string state_file_rows(const fs::path& file, const std::string& select) {
    sqlite3* db = nullptr;
    std::string rows;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        rows = "cannot open the state: " + std::string(sqlite3_errmsg(db));
        sqlite3_close(db);
        return rows;
    }
    sqlite3_stmt* query = nullptr;
    if (sqlite3_prepare_v2(db, select.c_str(), -1, &query, nullptr) != SQLITE_OK) rows = "cannot query the state: " + std::string(sqlite3_errmsg(db));
    while (query && sqlite3_step(query) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(query); ++i) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(query, i));
            rows.append(i ? "|" : "").append(text ? text : "NULL");
        }
        rows += "\n";
    }
    sqlite3_finalize(query);
    sqlite3_close(db);
    return rows;
}

void state_exec(const fs::path& out, const std::string& sql) {
    sqlite3* db = nullptr;
    const bool opened = sqlite3_open_v2(state_database::file_of(out).c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK;
    char* error = nullptr;
    const bool ran = opened && sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) == SQLITE_OK;
    INFO(sql << ": " << (error ? error : sqlite3_errmsg(db)));
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE(ran);
}

std::string manifest_rows(const fs::path& out) { return state_rows(out, "SELECT path, input_hash, bytes_hash, size FROM pages ORDER BY path"); }

std::string first_of(const std::vector<std::string>& items, std::size_t shown) {
    std::string text = std::to_string(items.size()) + (items.size() == 1 ? " item" : " items");
    for (std::size_t i = 0; i < items.size() && i < shown; ++i) text += "\n  " + items[i];
    if (items.size() > shown) text += "\n  ...";
    return text;
}

std::vector<std::string> temporaries_in(const folder_snapshot& snapshot) {
    static const std::regex temporary(R"(^\..+\.tmp-[0-9]+$)");
    std::vector<std::string> found;
    for (const auto& [path, state] : snapshot)
        if (std::regex_match(fs::path(path).filename().string(), temporary)) found.push_back(path);
    return found;
}

void copy_stock_catalog(const fs::path& dir) {
    fs::create_directories(dir);
    fs::copy(stock_catalog() / "tools", dir / "tools", fs::copy_options::recursive);
    fs::copy_file(stock_catalog() / "panel.json", dir / "panel.json");
    fs::copy_file(stock_catalog() / "comparisons.json", dir / "comparisons.json");
}

process_result run_batch_command(const fs::path& catalog, const fs::path& out, const std::vector<std::string>& extra) {
    std::vector<std::string> args{"batch", "--catalog", catalog.string(), "--out", out.string(), "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_verdict(args);
}

long summary_count(const std::string& out, const std::string& what) {
    std::smatch match;
    if (!std::regex_search(out, match, std::regex("([0-9]+) " + what))) return -1;
    return std::stol(match[1]);
}

std::vector<std::string> tool_ids(const fs::path& catalog) {
    std::vector<std::string> ids;
    for (const auto& entry : fs::directory_iterator(catalog / "tools"))
        if (entry.path().extension() == ".json") ids.push_back(read_json(entry.path()).at("id"));
    std::sort(ids.begin(), ids.end());
    return ids;
}

namespace {

std::map<std::string, std::string> categories_by_tool(const fs::path& catalog) {
    std::map<std::string, std::string> category_of;
    for (const auto& entry : fs::directory_iterator(catalog / "tools")) {
        const json t = read_json(entry.path());
        category_of[t.at("id")] = t.at("category");
    }
    return category_of;
}

std::string slug(const std::string& name) {
    std::string out;
    for (const char c : name) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        if (keep) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    if (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> comparisons_of(const fs::path& catalog) {
    const std::map<std::string, std::string> category_of = categories_by_tool(catalog);
    const json file = read_json(catalog / "comparisons.json");
    std::vector<std::pair<std::string, std::string>> pairs;
    std::set<std::pair<std::string, std::string>> seen;   // each pair as (smaller id, larger id)
    auto add = [&](const std::string& left, const std::string& right) {
        if (left == right || !category_of.count(left) || !category_of.count(right)) return;
        if (seen.insert(std::minmax(left, right)).second) pairs.emplace_back(left, right);
    };
    for (const json& pair : file.value("pairs", json::array())) add(pair.at(0), pair.at(1));
    for (const json& category : file.value("all_pairs_within", json::array()))
        for (auto a = category_of.begin(); a != category_of.end(); ++a)
            for (auto b = std::next(a); b != category_of.end(); ++b)
                if (a->second == category && b->second == category) add(a->first, b->first);
    return pairs;
}

std::set<std::string> pages_of_tool(const fs::path& catalog, const std::string& tool_id, const std::vector<std::string>& formats) {
    std::set<std::string> pages;
    for (const std::string& format : formats) {
        pages.insert("tools/" + tool_id + "." + format);
        for (const auto& [left, right] : comparisons_of(catalog))
            if (left == tool_id || right == tool_id) pages.insert("compare/" + left + "-vs-" + right + "." + format);
    }
    return pages;
}

std::set<std::string> category_pages_of_tool(const fs::path& catalog, const std::string& tool_id, const std::vector<std::string>& formats) {
    const std::map<std::string, std::string> category_of = categories_by_tool(catalog);
    std::set<std::string> categories{category_of.at(tool_id)};
    for (const auto& [left, right] : comparisons_of(catalog))
        if (left == tool_id || right == tool_id) categories.insert(category_of.at(left == tool_id ? right : left));
    std::set<std::string> pages;
    for (const std::string& category : categories)
        for (const std::string& format : formats) pages.insert(category_page(slug(category), format));
    return pages;
}

std::string category_page_of(const fs::path& catalog, const std::string& tool_id, const std::string& format) {
    return category_page(slug(read_json(catalog / "tools" / (tool_id + ".json")).at("category")), format);
}

std::string index_page(const std::string& format) { return format == "md" ? "_index.md" : "index." + format; }

std::string category_page(const std::string& slug, const std::string& format) {
    return format == "md" ? "category/" + slug + "/_index.md" : "category/" + slug + "." + format;
}

void demand_more_of_developers(const fs::path& catalog, const std::string& rule_set) {
    json panel = read_json(catalog / "panel.json");
    panel["rule_set"] = rule_set;
    for (json& seat : panel["seats"])
        if (seat["id"] == "developer") seat["settings"] = {{"threshold", 95}};
    std::ofstream(catalog / "panel.json", std::ios::binary) << panel.dump(2);
}

void edit_tool(const fs::path& catalog, const std::string& tool_id, const std::string& field, const std::string& value) {
    const fs::path file = catalog / "tools" / (tool_id + ".json");
    json t = read_json(file);
    REQUIRE(t.contains(field));
    REQUIRE(t[field] != value);
    t[field] = value;
    std::ofstream(file, std::ios::binary) << t.dump(2);
}

std::string shout_name(const fs::path& catalog, const std::string& tool_id) {
    std::string name = read_json(catalog / "tools" / (tool_id + ".json")).at("name");
    for (char& c : name)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    edit_tool(catalog, tool_id, "name", name);
    return name;
}

bool same_bytes(const fs::path& a, const fs::path& b) { return fs::exists(a) && fs::exists(b) && read_file(a) == read_file(b); }

}  // namespace verdict::test
