// A SAX handler builds the document itself, so it sees every key and every
// container boundary in order: a stack of frames knows the JSON pointer at each
// moment, where a duplicate key sits, and where the parser was when it failed.
// Every failure nlohmann can raise, a number too large for a double included,
// reaches parse_error() here with the token it was reading.
#include "json/strict_json.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

namespace verdict {
namespace {

using json = nlohmann::json;

struct frame {
    json* container = nullptr;
    std::string token;              // this container's token in its parent
    std::set<std::string> keys;
    std::string last_key;
    std::size_t index = 0;
};

// The 1-based line and column (in characters) of the byte at `offset`; a leading BOM is not a column.
std::string line_and_column(std::string_view text, std::size_t offset) {
    const std::size_t at = std::min(offset, text.size());
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0; i < at; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

bool in_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-'; }

// Where the token ending at byte `last` starts: a string back to its opening quote, a number or literal back over its
// characters, anything else is one byte. (nlohmann's own token text runs on across separators, so it cannot say.)
std::size_t token_start(std::string_view text, std::size_t last) {
    if (last >= text.size()) return last;
    if (text[last] == '"') {
        for (std::size_t i = last; i-- > 0;) {
            std::size_t slashes = 0;
            while (slashes < i && text[i - 1 - slashes] == '\\') ++slashes;
            if (text[i] == '"' && slashes % 2 == 0) return i;
        }
        return last;
    }
    std::size_t start = last;
    while (start > 0 && in_word(text[start]) && in_word(text[start - 1])) --start;
    return start;
}

// nlohmann stops one byte past a sequence cut short ("\xE9 " from a Latin-1 file): point at its lead byte.
std::size_t utf8_error_start(std::string_view text, std::size_t last) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    if (last >= text.size() || byte(last) >= 0x80) return last;   // the bad byte itself
    for (std::size_t back = 1; back <= 3 && back <= last; ++back)
        if (byte(last - back) >= 0xC0) return last - back;
    return last;
}

// Where to point for a parse error: a bad UTF-8 byte itself; the start of an unexpected token; the start of an
// invalid literal or number, whose last byte read is the one that broke it; otherwise the last byte read.
std::size_t error_offset(std::string_view text, std::size_t bytes_read, const std::string& description) {
    const std::size_t last = bytes_read == 0 ? 0 : bytes_read - 1;
    if (description.find("UTF-8") != std::string::npos) return utf8_error_start(text, last);
    if (description.find("unexpected") != std::string::npos) return token_start(text, last);
    if ((description.find("invalid literal") != std::string::npos || description.find("invalid number") != std::string::npos) && last > 0 &&
        last <= text.size() && in_word(text[last - 1]))
        return token_start(text, last - 1);
    return last;
}

// nlohmann's message repeats a position we compute ourselves; keep only its description.
std::string description_of(const std::string& message) {
    const std::size_t column = message.find("column ");
    const std::size_t colon = column == std::string::npos ? std::string::npos : message.find(": ", column);
    if (colon != std::string::npos) return message.substr(colon + 2);
    const std::size_t tag = message.find("] ");
    return tag == std::string::npos ? message : message.substr(tag + 2);
}

class strict_builder final : public nlohmann::json_sax<json> {
public:
    strict_builder(std::string_view text, const std::string& file, problem_list& problems)
        : text_(text), file_(file), problems_(problems) {}

    json take() { return std::move(root_); }

    bool null() override { return place(nullptr); }
    bool boolean(bool value) override { return place(value); }
    bool number_integer(number_integer_t value) override { return place(value); }
    bool number_unsigned(number_unsigned_t value) override { return place(value); }
    bool number_float(number_float_t value, const string_t&) override { return place(value); }
    bool string(string_t& value) override { return place(std::move(value)); }
    bool binary(binary_t& value) override { return place(json::binary(std::move(value))); }
    bool start_object(std::size_t) override { return open(json::object()); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& key) override {
        frame& top = frames_.back();
        if (!top.keys.insert(key).second)
            problems_.push_back({file_, container_pointer() + "/" + pointer_token(key), "each key once per object",
                                 "\"" + key + "\" a second time", ""});
        top.last_key = key;
        return true;
    }

    bool parse_error(std::size_t bytes_read, const std::string&, const nlohmann::detail::exception& error) override {
        const std::string description = description_of(error.what());
        const bool bad_utf8 = description.find("UTF-8") != std::string::npos;
        problems_.push_back({file_, line_and_column(text_, error_offset(text_, bytes_read, description)) + " (" + current_pointer() + ")",
                             bad_utf8 ? "UTF-8 text" : "valid JSON", bad_utf8 ? "an ill-formed UTF-8 byte" : description, ""});
        return false;
    }

private:
    // The pointer of the value being read now: the container plus its current key or index.
    std::string current_pointer() const {
        if (frames_.empty()) return "/";
        return container_pointer() + "/" + child_token(frames_.back());
    }

    static std::string child_token(const frame& f) {
        return f.container->is_array() ? std::to_string(f.index) : pointer_token(f.last_key);
    }

    std::string container_pointer() const {
        std::string pointer;
        for (std::size_t i = 1; i < frames_.size(); ++i) pointer += "/" + frames_[i].token;
        return pointer;
    }

    // Stores `value` where the parser is: the root, the next array item, or the current key (the last duplicate wins).
    json* store(json&& value) {
        if (frames_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        frame& top = frames_.back();
        if (top.container->is_array()) {
            top.container->push_back(std::move(value));
            ++top.index;
            return &top.container->back();
        }
        json& slot = (*top.container)[top.last_key];
        slot = std::move(value);
        return &slot;
    }

    bool place(json&& value) {
        store(std::move(value));
        return true;
    }

    bool open(json&& container) {
        if (frames_.size() >= max_json_depth) {
            problems_.push_back({file_, current_pointer(), "nesting at most " + std::to_string(max_json_depth) + " levels deep",
                                 "deeper nesting", ""});
            return false;
        }
        std::string token = frames_.empty() ? "" : child_token(frames_.back());
        json* stored = store(std::move(container));
        frames_.push_back({stored, std::move(token), {}, {}, 0});
        return true;
    }

    bool close() {
        frames_.pop_back();
        return true;
    }

    std::string_view text_;
    const std::string& file_;
    problem_list& problems_;
    json root_;
    std::vector<frame> frames_;
};

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
    strict_builder builder(text, file, problems);
    if (!json::sax_parse(text.begin(), text.end(), &builder)) return std::nullopt;
    return builder.take();
}

}  // namespace verdict
