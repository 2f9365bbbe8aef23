// Keywords are grouped by the kind of value they constrain; a value of the
// wrong type gets one problem (its type) and no cascade of follow-on ones.
#include "json/schema_validator.hpp"

#include "json/strict_json.hpp"
#include "support/suggest.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <stdexcept>
#include <vector>

namespace verdict {
namespace {

using json = nlohmann::json;

const std::set<std::string> supported_keywords{
    "$schema", "$id", "$defs", "$ref", "$comment", "title", "description", "examples", "type", "properties", "required",
    "additionalProperties", "enum", "minimum", "maximum", "minLength", "maxLength", "pattern", "items", "minItems",
    "maxItems", "uniqueItems", "oneOf"};

std::string type_phrase(const std::string& type) {
    if (type == "string") return "a string";
    if (type == "integer") return "a whole number";
    if (type == "number") return "a number";
    if (type == "boolean") return "true or false";
    if (type == "array") return "a list";
    if (type == "object") return "an object";
    return "null";
}

bool has_type(const json& value, const std::string& type) {
    if (type == "string") return value.is_string();
    if (type == "integer") return value.is_number_integer() || (value.is_number_float() && std::floor(value.get<double>()) == value.get<double>());
    if (type == "number") return value.is_number();
    if (type == "boolean") return value.is_boolean();
    if (type == "array") return value.is_array();
    if (type == "object") return value.is_object();
    return value.is_null();
}

std::size_t code_points(const std::string& text) {
    std::size_t count = 0;
    for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return count;
}

// The byte where character number `index` (0-based) starts, so text is never cut inside a character.
std::size_t byte_offset_of_character(const std::string& text, std::size_t index) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && seen++ == index) return i;
    return text.size();
}

std::string plural(const json& count, const char* noun) {
    return count.dump() + " " + noun + (count == 1 ? "" : "s");
}

// Keywords that may stand beside a $ref: annotations only, so nothing the other validator applies is ignored here.
const std::set<std::string> ref_siblings{"$ref", "description", "title", "$comment", "examples"};

std::string quoted_list(const json& values) {
    std::string text;
    for (const json& each : values) text += (text.empty() ? "" : ", ") + each.dump();
    return text;
}

std::string number_text(const json& number) { return number.dump(); }

// The type an alternative of a oneOf takes: its "type", or for an enum of strings, "string"; empty when it says neither.
std::string alternative_type(const json& alternative) {
    if (alternative.contains("type") && alternative.at("type").is_string()) return alternative.at("type").get<std::string>();
    if (alternative.contains("enum")) {
        const json& values = alternative.at("enum");
        if (!values.empty() && std::all_of(values.begin(), values.end(), [](const json& v) { return v.is_string(); })) return "string";
    }
    return "";
}

}  // namespace

std::string describe_json_value(const json& value) {
    if (value.is_null()) return "null";
    if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
    if (value.is_number()) return "a number (" + value.dump() + ")";
    if (value.is_array()) return "a list of " + std::to_string(value.size()) + (value.size() == 1 ? " item" : " items");
    if (value.is_object()) return "an object";
    std::string text = value.get<std::string>();
    if (code_points(text) > 40) text = text.substr(0, byte_offset_of_character(text, 37)) + "...";
    return "a string (" + json(text).dump(-1, ' ', false, json::error_handler_t::replace) + ")";
}

struct schema_validator::context {
    const std::string& file;
    problem_list& problems;
    void add(const std::string& pointer, std::string expected, std::string found, std::string hint = {}) {
        problems.push_back({file, pointer.empty() ? "/" : pointer, std::move(expected), std::move(found), std::move(hint)});
    }
};

schema_validator::schema_validator(json schema) : schema_(std::move(schema)) { index_schema(schema_); }

void schema_validator::index_schema(const json& schema) {
    if (!schema.is_object()) throw std::invalid_argument("schema: expected an object, found " + describe_json_value(schema));
    for (const auto& [keyword, value] : schema.items()) {
        if (!supported_keywords.count(keyword)) throw std::invalid_argument("schema: unsupported keyword \"" + keyword + "\"");
        if (keyword == "additionalProperties" && value != false) index_schema(value);
        if (keyword == "$ref") check_reference(value.get<std::string>());
        if (schema.contains("$ref") && !ref_siblings.count(keyword))
            throw std::invalid_argument("schema: keyword \"" + keyword + "\" beside a $ref; put it in the referenced definition");
        if (keyword == "pattern") patterns_.emplace(value.get<std::string>(), std::regex(value.get<std::string>()));
    }
    for (const char* nested : {"$defs", "properties"})
        if (schema.contains(nested))
            for (const auto& [name, sub] : schema.at(nested).items()) index_schema(sub);
    if (schema.contains("items")) index_schema(schema.at("items"));
    if (schema.contains("oneOf"))
        for (const json& alternative : schema.at("oneOf")) index_schema(alternative);
}

void schema_validator::check_reference(const std::string& reference) const {
    const std::string prefix = "#/$defs/";
    if (reference.rfind(prefix, 0) != 0) throw std::invalid_argument("schema: only local \"#/$defs/...\" references are supported, found \"" + reference + "\"");
    if (!schema_.contains("$defs") || !schema_.at("$defs").contains(reference.substr(prefix.size())))
        throw std::invalid_argument("schema: reference \"" + reference + "\" names no definition in $defs");
}

const json& schema_validator::resolve(const json& schema) const {
    const auto reference = schema.find("$ref");
    if (reference == schema.end()) return schema;
    return schema_.at("$defs").at(std::string_view(reference->get_ref<const std::string&>()).substr(8));
}

void schema_validator::validate(const json& document, const std::string& file, problem_list& problems) const {
    context ctx{file, problems};
    check(document, schema_, "", ctx);
}

void schema_validator::check(const json& value, const json& raw_schema, const std::string& pointer, context& ctx) const {
    const json& schema = resolve(raw_schema);
    if (schema.contains("oneOf")) return check_one_of(value, schema.at("oneOf"), pointer, ctx);
    if (!check_type(value, schema, pointer, ctx)) return;
    if (schema.contains("enum") && std::find(schema.at("enum").begin(), schema.at("enum").end(), value) == schema.at("enum").end()) {
        std::vector<std::string> names;
        for (const json& each : schema.at("enum"))
            if (each.is_string()) names.push_back(each.get<std::string>());
        ctx.add(pointer, "one of " + quoted_list(schema.at("enum")), describe_json_value(value),
                value.is_string() ? nearest_value(value.get<std::string>(), names) : "");
        return;
    }
    if (value.is_object()) check_object(value, schema, pointer, ctx);
    else if (value.is_array()) check_array(value, schema, pointer, ctx);
    else check_scalar(value, schema, pointer, ctx);
}

// The value must fit exactly one alternative. When it fits none, its problems are told against the first alternative
// its type fits (an evidence kind that is misspelt, not "expected a list"); a value no alternative's type fits is told
// the types it could have been.
void schema_validator::check_one_of(const json& value, const json& alternatives, const std::string& pointer, context& ctx) const {
    std::size_t fitting = 0;
    std::optional<problem_list> told;
    std::string types;
    for (const json& alternative : alternatives) {
        problem_list found;
        context trial{ctx.file, found};
        check(value, alternative, pointer, trial);
        if (found.empty()) ++fitting;
        const std::string type = alternative_type(resolve(alternative));
        types += (types.empty() ? "" : " or ") + (type.empty() ? std::string("a value of another form") : type_phrase(type));
        if (!found.empty() && !told && (type.empty() || has_type(value, type))) told = std::move(found);
    }
    if (fitting == 1) return;
    if (fitting > 1) return ctx.add(pointer, "a value of exactly one of its forms", "one that fits several");
    if (!told) return ctx.add(pointer, types, describe_json_value(value));
    ctx.problems.insert(ctx.problems.end(), told->begin(), told->end());
}

bool schema_validator::check_type(const json& value, const json& schema, const std::string& pointer, context& ctx) const {
    if (!schema.contains("type")) return true;
    const json& type = schema.at("type");
    if (type.is_string()) {
        if (has_type(value, type.get_ref<const std::string&>())) return true;
        ctx.add(pointer, type_phrase(type.get_ref<const std::string&>()), describe_json_value(value));
        return false;
    }
    std::string expected;
    for (const json& each : type) {
        if (has_type(value, each.get_ref<const std::string&>())) return true;
        expected += (expected.empty() ? "" : " or ") + type_phrase(each.get_ref<const std::string&>());
    }
    ctx.add(pointer, expected, describe_json_value(value));
    return false;
}

void schema_validator::check_object(const json& value, const json& schema, const std::string& pointer, context& ctx) const {
    static const json no_properties = json::object();
    const auto listed = schema.find("properties");
    const json& properties = listed != schema.end() ? *listed : no_properties;
    if (const auto required = schema.find("required"); required != schema.end())
        for (const json& name : *required)
            if (!value.contains(name.get_ref<const std::string&>()))
                ctx.add(pointer, "required field \"" + name.get<std::string>() + "\"", "no such field");
    const auto additional = schema.find("additionalProperties");
    for (const auto& [key, member] : value.items()) {
        const std::string member_pointer = pointer + "/" + pointer_token(key);
        if (const auto defined = properties.find(key); defined != properties.end()) check(member, *defined, member_pointer, ctx);
        else if (additional != schema.end() && additional->is_object()) check(member, *additional, member_pointer, ctx);
        else if (additional != schema.end()) {
            std::vector<std::string> known;
            for (const auto& [name, sub] : properties.items()) known.push_back(name);
            ctx.add(member_pointer, "a field the schema defines here", "unknown field \"" + key + "\"", did_you_mean(key, known));
        }
    }
}

void schema_validator::check_array(const json& value, const json& schema, const std::string& pointer, context& ctx) const {
    if (schema.contains("minItems") && value.size() < schema.at("minItems").get<std::size_t>())
        ctx.add(pointer, "at least " + plural(schema.at("minItems"), "item"), describe_json_value(value));
    if (schema.contains("maxItems") && value.size() > schema.at("maxItems").get<std::size_t>())
        ctx.add(pointer, "at most " + plural(schema.at("maxItems"), "item"), describe_json_value(value));
    for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string item_pointer = pointer + "/" + std::to_string(i);
        if (schema.contains("items")) check(value[i], schema.at("items"), item_pointer, ctx);
        if (schema.value("uniqueItems", false))
            for (std::size_t earlier = 0; earlier < i; ++earlier)
                if (value[earlier] == value[i]) {
                    ctx.add(item_pointer, "each item once", value[i].dump() + " again (first at " + pointer + "/" + std::to_string(earlier) + ")");
                    break;
                }
    }
}

void schema_validator::check_scalar(const json& value, const json& schema, const std::string& pointer, context& ctx) const {
    if (value.is_number()) {
        if (schema.contains("minimum") && value.get<double>() < schema.at("minimum").get<double>())
            ctx.add(pointer, "a number of at least " + number_text(schema.at("minimum")), describe_json_value(value));
        if (schema.contains("maximum") && value.get<double>() > schema.at("maximum").get<double>())
            ctx.add(pointer, "a number of at most " + number_text(schema.at("maximum")), describe_json_value(value));
    }
    if (!value.is_string()) return;
    const std::string& text = value.get_ref<const std::string&>();
    if (schema.contains("minLength") && code_points(text) < schema.at("minLength").get<std::size_t>())
        ctx.add(pointer, "at least " + plural(schema.at("minLength"), "character"), describe_json_value(value));
    if (schema.contains("maxLength") && code_points(text) > schema.at("maxLength").get<std::size_t>())
        ctx.add(pointer, "at most " + plural(schema.at("maxLength"), "character"),
                "a string of " + std::to_string(code_points(text)) + " characters");
    if (schema.contains("pattern") && !std::regex_search(text, patterns_.at(schema.at("pattern").get<std::string>()))) {
        const std::string what = schema.value("description", std::string("text"));
        ctx.add(pointer, what + " (pattern " + schema.at("pattern").get<std::string>() + ")", describe_json_value(value));
    }
}

}  // namespace verdict
