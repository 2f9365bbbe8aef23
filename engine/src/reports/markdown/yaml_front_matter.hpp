// A page's data as YAML front matter between "---" lines: nested maps and
// lists of maps, every string double-quoted and escaped so that any text
// parses back unchanged with a strict YAML parser (and with Hugo), numbers
// plain, absent values null.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verdict {

class yaml_front_matter {
public:
    /// Starts the front matter ("---") at the end of `out`.
    explicit yaml_front_matter(std::string& out);

    /// `key: "value"`; the value's bidi controls are balanced first, as everywhere a page shows text.
    void text(std::string_view key, std::string_view value);
    void text_or_null(std::string_view key, const std::optional<std::string>& value);
    void boolean(std::string_view key, bool value);
    void number(std::string_view key, double value);
    void number_or_null(std::string_view key, const std::optional<double>& value);
    void number_or_null(std::string_view key, const std::optional<int>& value);
    void null(std::string_view key);
    /// A date, "YYYY-MM-DD", or null when it is empty: no date is known.
    void date(std::string_view key, const std::string& value);
    /// `key:` followed by a list of strings, each as text() writes a value.
    void text_list(std::string_view key, const std::vector<std::string>& values);

    /// `key:` followed by a nested map, until close().
    void open_map(std::string_view key);
    /// `key:` followed by a list, until close(); each item is a map started by item().
    void open_list(std::string_view key);
    /// Starts the next map of the open list.
    void item();
    void close();

    /// Ends the front matter ("---") and leaves a blank line before the body.
    void finish();

private:
    void key(std::string_view name);

    enum class level { map, list, item };

    std::string& out_;
    std::vector<level> open_;    // what each indentation step belongs to
    bool dash_pending_ = false;  // the next key starts a list item
};

/// Appends `text` as a YAML double-quoted scalar. Control characters, DEL, C1 controls, U+2028/U+2029, U+FEFF,
/// the noncharacters U+FFFE/U+FFFF and bidi controls are escaped (\t, \n, \r, \xNN, \uNNNN), so the front
/// matter is printable in an editor; an invalid UTF-8 byte becomes \uFFFD.
void append_yaml_string(std::string& out, std::string_view text);

}  // namespace verdict
