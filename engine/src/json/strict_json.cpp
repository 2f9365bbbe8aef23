// The parser callback sees every key and container boundary in order, so a
// stack of frames knows the JSON pointer at each moment: where a duplicate
// key sits, and where the parser was when it met a syntax error.
#include "json/strict_json.hpp"

#include <algorithm>
#include <set>
#include <vector>

namespace verdict {
namespace {

using json = nlohmann::json;

struct frame {
    bool is_array = false;
    std::string token;              // this container's token in its parent
    std::set<std::string> keys;
    std::string last_key;
    std::size_t index = 0;
};

struct nesting_too_deep {};

class pointer_tracker {
public:
    pointer_tracker(const std::string& file, problem_list& problems) : file_(file), problems_(problems) {}

    bool on_event(json::parse_event_t event, const json& parsed) {
        switch (event) {
        case json::parse_event_t::object_start: open(false); break;
        case json::parse_event_t::array_start: open(true); break;
        case json::parse_event_t::key: on_key(parsed.get<std::string>()); break;
        case json::parse_event_t::object_end:
        case json::parse_event_t::array_end: frames_.pop_back(); [[fallthrough]];
        case json::parse_event_t::value: if (!frames_.empty() && frames_.back().is_array) ++frames_.back().index; break;
        }
        return true;
    }

    // The pointer of the value being read now: the container plus its current key or index.
    std::string current_pointer() const {
        if (frames_.empty()) return "/";
        return container_pointer() + "/" + child_token(frames_.back());
    }

private:
    static std::string child_token(const frame& f) { return f.is_array ? std::to_string(f.index) : pointer_token(f.last_key); }

    std::string container_pointer() const {
        std::string pointer;
        for (std::size_t i = 1; i < frames_.size(); ++i) pointer += "/" + frames_[i].token;
        return pointer;
    }

    void open(bool is_array) {
        if (frames_.size() >= max_json_depth) {
            problems_.push_back({file_, current_pointer(), "nesting at most " + std::to_string(max_json_depth) + " levels deep",
                                 "deeper nesting", ""});
            throw nesting_too_deep{};
        }
        frame next;
        next.is_array = is_array;
        if (!frames_.empty()) next.token = child_token(frames_.back());
        frames_.push_back(std::move(next));
    }

    void on_key(const std::string& key) {
        frame& top = frames_.back();
        if (!top.keys.insert(key).second)
            problems_.push_back({file_, container_pointer() + "/" + pointer_token(key), "each key once per object",
                                 "\"" + key + "\" a second time", ""});
        top.last_key = key;
    }

    const std::string& file_;
    problem_list& problems_;
    std::vector<frame> frames_;
};

// nlohmann counts bytes read, so the offending byte is the last one read.
std::string line_and_column(std::string_view text, std::size_t bytes_read) {
    const std::size_t at = std::min(bytes_read == 0 ? 0 : bytes_read - 1, text.size());
    std::size_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < at; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(at - line_start + 1);
}

// nlohmann's message repeats the position we compute ourselves; keep only its description.
std::string description_of(const json::parse_error& error) {
    const std::string message = error.what();
    const std::size_t column = message.find("column ");
    const std::size_t colon = column == std::string::npos ? std::string::npos : message.find(": ", column);
    return colon == std::string::npos ? message : message.substr(colon + 2);
}

}  // namespace

std::string pointer_token(std::string_view token) {
    std::string escaped;
    for (const char c : token) {
        if (c == '~') escaped += "~0";
        else if (c == '/') escaped += "~1";
        else escaped += c;
    }
    return escaped;
}

std::optional<nlohmann::json> parse_strict_json(std::string_view text, const std::string& file, problem_list& problems) {
    pointer_tracker tracker(file, problems);
    auto callback = [&tracker](int, json::parse_event_t event, json& parsed) { return tracker.on_event(event, parsed); };
    try {
        return json::parse(text.begin(), text.end(), callback);
    } catch (const nesting_too_deep&) {
        return std::nullopt;
    } catch (const json::parse_error& error) {
        const std::string description = description_of(error);
        const bool bad_utf8 = description.find("UTF-8") != std::string::npos;
        problems.push_back({file, line_and_column(text, error.byte) + " (" + tracker.current_pointer() + ")",
                            bad_utf8 ? "UTF-8 text" : "valid JSON", bad_utf8 ? "an ill-formed UTF-8 byte" : description, ""});
        return std::nullopt;
    }
}

}  // namespace verdict
