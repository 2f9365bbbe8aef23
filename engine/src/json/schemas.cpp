#include "json/schemas.hpp"

namespace verdict {

const schema_validator& tool_schema() {
    static const schema_validator validator(nlohmann::json::parse(tool_schema_text()));
    return validator;
}

const schema_validator& panel_schema() {
    static const schema_validator validator(nlohmann::json::parse(panel_schema_text()));
    return validator;
}

const schema_validator& comparisons_schema() {
    static const schema_validator validator(nlohmann::json::parse(comparisons_schema_text()));
    return validator;
}

const schema_validator& fixtures_schema() {
    static const schema_validator validator(nlohmann::json::parse(fixtures_schema_text()));
    return validator;
}

const schema_validator& site_schema() {
    static const schema_validator validator(nlohmann::json::parse(site_schema_text()));
    return validator;
}

}  // namespace verdict
