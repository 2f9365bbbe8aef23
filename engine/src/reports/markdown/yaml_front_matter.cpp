// Only double-quoted scalars are written: they are the one YAML string style
// whose escapes can carry any text, and no value of ours can then be read as a
// number, a date, a boolean or null ("2026-11-21", "no", "1e3" stay strings).
// Escapes use the forms YAML 1.1 and 1.2 share, which Hugo's parser and
// python3-yaml both read.
#include "reports/markdown/yaml_front_matter.hpp"

#include "support/display_text.hpp"
#include "reports/number_format.hpp"

namespace verdict {
namespace {

constexpr char hex_digits[] = "0123456789ABCDEF";

void append_hex(std::string& out, char32_t code, int digits) {
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += hex_digits[(code >> shift) & 0xF];
}

void append_ascii(std::string& out, char c) {
    switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\t': out += "\\t"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    default: break;
    }
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) {
        out += c;
        return;
    }
    out += "\\x";
    append_hex(out, static_cast<unsigned char>(c), 2);
}

// The code point of the UTF-8 sequence at `at` and its length, or length 0 when the bytes there are not one.
std::size_t decode_utf8(std::string_view text, std::size_t at, char32_t& code) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || at + length > text.size()) return 0;
    code = lead & (0x7Fu >> length);
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[at + k]);
        if ((next & 0xC0) != 0x80) return 0;
        code = (code << 6) | (next & 0x3Fu);
    }
    static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
    return length;
}

// C1 controls and the YAML 1.1 line breaks would not survive a parser; the byte-order mark, noncharacters and bidi
// controls would, but are invisible or disruptive where someone reads the front matter.
bool escaped_code_point(char32_t code) {
    return (code >= 0x80 && code <= 0x9F) || code == 0x2028 || code == 0x2029 || code == 0xFEFF || code == 0xFFFE ||
           code == 0xFFFF || (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069);
}

// The end of the run of printable ASCII from `at` other than '"' and '\\': copied as it is.
std::size_t plain_run(std::string_view text, std::size_t at) {
    while (at < text.size() && text[at] >= 0x20 && text[at] < 0x7F && text[at] != '"' && text[at] != '\\') ++at;
    return at;
}

}  // namespace

void append_yaml_string(std::string& out, std::string_view text) {
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t run_end = plain_run(text, i);
        out.append(text, i, run_end - i);
        if ((i = run_end) == text.size()) break;
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            append_ascii(out, text[i++]);
            continue;
        }
        char32_t code = 0;
        const std::size_t length = decode_utf8(text, i, code);
        if (length == 0) {
            out += "\\uFFFD";
            ++i;
        } else if (escaped_code_point(code)) {
            out += code <= 0xFF ? "\\x" : "\\u";
            append_hex(out, code, code <= 0xFF ? 2 : 4);
            i += length;
        } else {
            out.append(text, i, length);
            i += length;
        }
    }
    out += '"';
}

yaml_front_matter::yaml_front_matter(std::string& out) : out_(out) { out_ += "---\n"; }

void yaml_front_matter::key(std::string_view name) {
    const std::size_t steps = open_.size();
    if (dash_pending_) {
        out_.append(2 * (steps - 1), ' ');
        out_ += "- ";
        dash_pending_ = false;
    } else {
        out_.append(2 * steps, ' ');
    }
    out_ += name;
    out_ += ':';
}

void yaml_front_matter::text(std::string_view key_name, std::string_view value) {
    key(key_name);
    out_ += ' ';
    append_yaml_string(out_, balance_bidi(value));
    out_ += '\n';
}

void yaml_front_matter::text_or_null(std::string_view key_name, const std::optional<std::string>& value) {
    if (value) text(key_name, *value);
    else null(key_name);
}

void yaml_front_matter::boolean(std::string_view key_name, bool value) {
    key(key_name);
    out_ += value ? " true\n" : " false\n";
}

void yaml_front_matter::number(std::string_view key_name, double value) {
    key(key_name);
    out_ += ' ';
    out_ += format_number(value);
    out_ += '\n';
}

void yaml_front_matter::number_or_null(std::string_view key_name, const std::optional<double>& value) {
    if (value) number(key_name, *value);
    else null(key_name);
}

void yaml_front_matter::number_or_null(std::string_view key_name, const std::optional<int>& value) {
    if (value) number(key_name, static_cast<double>(*value));
    else null(key_name);
}

void yaml_front_matter::null(std::string_view key_name) {
    key(key_name);
    out_ += " null\n";
}

void yaml_front_matter::date(std::string_view key_name, const std::string& value) {
    if (value.empty()) null(key_name);
    else text(key_name, value);
}

void yaml_front_matter::text_list(std::string_view key_name, const std::vector<std::string>& values) {
    key(key_name);
    out_ += values.empty() ? " []\n" : "\n";
    for (const std::string& value : values) {
        out_.append(2 * (open_.size() + 1), ' ');
        out_ += "- ";
        append_yaml_string(out_, balance_bidi(value));
        out_ += '\n';
    }
}

void yaml_front_matter::open_map(std::string_view key_name) {
    key(key_name);
    out_ += '\n';
    open_.push_back(level::map);
}

void yaml_front_matter::open_list(std::string_view key_name) {
    key(key_name);
    out_ += '\n';
    open_.push_back(level::list);
}

void yaml_front_matter::item() {
    if (open_.back() == level::item) open_.pop_back();
    open_.push_back(level::item);
    dash_pending_ = true;
}

void yaml_front_matter::close() {
    if (open_.back() == level::list) {   // no item was started, so "key:\n" is the last line written
        out_.pop_back();
        out_ += " []\n";
    }
    if (open_.back() == level::item) open_.pop_back();
    open_.pop_back();
}

void yaml_front_matter::finish() { out_ += "---\n\n"; }

}  // namespace verdict
