#include "support/temp_catalog.hpp"

#include "support/paths.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace verdict::test {

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

nlohmann::json read_json(const std::filesystem::path& file) { return nlohmann::json::parse(read_file(file)); }

void write_file(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

nlohmann::json stock_panel_json() {
    std::ifstream in(stock_catalog() / "panel.json");
    return nlohmann::json::parse(in);
}

nlohmann::json minimal_tool(const std::string& id) {
    std::string name;
    bool capital = true;
    for (const char c : id) {
        name += c == '-' ? ' ' : (capital && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
        capital = c == '-';
    }
    return {{"id", id},
            {"name", name},
            {"vendor", "Example Labs"},
            {"category", "Developer Tools"},
            {"tagline", "A tool made up for a test"},
            {"description", "A tool made up for a test."},
            {"updated", "2026-11-01"},
            {"pricing", {{"entry", "free"}}}};
}

temp_catalog::temp_catalog() {
    std::filesystem::create_directories(path() / "tools");
    set_panel(stock_panel_json());
    write_file(path() / "comparisons.json", "{\"pairs\": []}\n");
}

void temp_catalog::set_panel(const nlohmann::json& panel) const { write_file(path() / "panel.json", panel.dump(2)); }

void temp_catalog::add_tool(const nlohmann::json& tool) const {
    write_file(path() / "tools" / (tool.at("id").get<std::string>() + ".json"), tool.dump(2));
}

void temp_catalog::add_raw_tool_file(const std::string& file_name, const std::string& text) const {
    write_file(path() / "tools" / file_name, text);
}

void temp_catalog::add_stock_tools() const {
    for (const auto& entry : std::filesystem::directory_iterator(stock_catalog() / "tools"))
        std::filesystem::copy_file(entry.path(), path() / "tools" / entry.path().filename());
}

}  // namespace verdict::test
