// What a set of changed files reaches, and so what a reload must read and
// review again: a tool file its tool, a persona's file its seat on every tool,
// panel.json everything; comparisons, votes and site settings no review at all.
#pragma once

#include <filesystem>
#include <set>
#include <string>

namespace verdict::serve {

struct catalog_change {
    bool everything = false;                        ///< panel.json, or a folder the catalog reads was replaced.
    std::set<std::filesystem::path> tool_files;     ///< Created, changed or removed under tools/.
    std::set<std::string> seats;                    ///< Seats whose persona's file changed.
    bool comparisons = false;
    bool votes = false;
    bool site = false;

    bool empty() const { return !everything && tool_files.empty() && seats.empty() && !comparisons && !votes && !site; }
    /// Adds what `other` reaches.
    void merge(const catalog_change& other);
    /// What it reaches, for the terminal: "tools/claw-code.json", "seat skeptic", "panel.json"...
    std::string describe() const;
};

}  // namespace verdict::serve
