// Runs part of a test from another working directory, so files show in
// messages as a user would type them, and restores the old one on any exit.
#pragma once

#include "support/problem.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace verdict::test {

class working_in {
public:
    explicit working_in(const std::filesystem::path& dir) : previous_(std::filesystem::current_path()) { std::filesystem::current_path(dir); }
    ~working_in() { std::filesystem::current_path(previous_); }
    working_in(const working_in&) = delete;
    working_in& operator=(const working_in&) = delete;

private:
    std::filesystem::path previous_;
};

/// A problem's fields as a list: when a check fails, Catch prints every field, so a wrong pointer or hint shows at once.
inline std::vector<std::string> fields_of(const problem& p) { return {p.file, p.where, p.expected, p.found, p.hint}; }

}  // namespace verdict::test
