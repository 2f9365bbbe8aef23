// Checks a JSON document against a JSON Schema, collecting every problem.
//
// The catalog's schemas (catalog/schema/*.json) are the single statement of
// what a valid file is: the engine validates with them, and the tests check
// the same files with an independent validator. This class implements the
// subset of JSON Schema 2020-12 those schemas use, and refuses a schema that
// uses anything else, so the two validators cannot silently disagree.
#pragma once

#include "support/problem.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <regex>
#include <string>

namespace verdict {

class schema_validator {
public:
    /// Throws std::invalid_argument naming the keyword when `schema` uses one this validator does not implement.
    explicit schema_validator(nlohmann::json schema);

    /// Appends a problem for each place `document` breaks the schema; pointers are relative to the document root.
    void validate(const nlohmann::json& document, const std::string& file, problem_list& problems) const;

private:
    struct context;
    void check(const nlohmann::json& value, const nlohmann::json& schema, const std::string& pointer, context& ctx) const;
    bool check_type(const nlohmann::json& value, const nlohmann::json& schema, const std::string& pointer, context& ctx) const;
    void check_one_of(const nlohmann::json& value, const nlohmann::json& alternatives, const std::string& pointer, context& ctx) const;
    void check_object(const nlohmann::json& value, const nlohmann::json& schema, const std::string& pointer, context& ctx) const;
    void check_array(const nlohmann::json& value, const nlohmann::json& schema, const std::string& pointer, context& ctx) const;
    void check_scalar(const nlohmann::json& value, const nlohmann::json& schema, const std::string& pointer, context& ctx) const;
    const nlohmann::json& resolve(const nlohmann::json& schema) const;
    void check_reference(const std::string& reference) const;
    void index_schema(const nlohmann::json& schema);

    nlohmann::json schema_;
    std::map<std::string, std::regex> patterns_;
};

/// How a value found in a document reads in a message, e.g. `a string ("Paid")`, `a number (12)`.
std::string describe_json_value(const nlohmann::json& value);

}  // namespace verdict
