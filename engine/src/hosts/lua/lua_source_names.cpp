#include "hosts/lua/lua_source_names.hpp"

#include <cctype>
#include <cstddef>
#include <vector>

namespace verdict {

namespace {

struct token {
    enum kind_t { name, literal, punct, other } kind;
    std::string text;   ///< A name, a literal's value, or the punctuation.
    int line;
};

// Lua's tokens, as far as the check needs them: names, short string literals without escapes (a literal with one
// is `other`, as are numbers and long strings), and punctuation, with `..` and `...` kept whole. Comments go.
class lexer {
public:
    explicit lexer(std::string_view source) : s_(source) {}

    std::vector<token> tokens() {
        std::vector<token> out;
        for (skip_space_and_comments(); at_ < s_.size(); skip_space_and_comments()) out.push_back(next());
        return out;
    }

private:
    char peek(std::size_t ahead = 0) const { return at_ + ahead < s_.size() ? s_[at_ + ahead] : '\0'; }

    // The level of the long bracket opening at at_ ("[[" is 0, "[==[" is 2), or -1 when none opens there.
    int long_bracket_level() const {
        std::size_t i = at_ + 1;
        while (i < s_.size() && s_[i] == '=') ++i;
        return peek() == '[' && i < s_.size() && s_[i] == '[' ? static_cast<int>(i - at_ - 1) : -1;
    }

    void skip_long_bracket(int level) {
        const std::string close = "]" + std::string(static_cast<std::size_t>(level), '=') + "]";
        const std::size_t end = s_.find(close, at_);
        const std::size_t stop = end == std::string_view::npos ? s_.size() : end + close.size();
        for (; at_ < stop; ++at_) line_ += s_[at_] == '\n';
    }

    void skip_space_and_comments() {
        while (at_ < s_.size()) {
            if (std::isspace(static_cast<unsigned char>(peek()))) {
                line_ += s_[at_++] == '\n';
            } else if (peek() == '-' && peek(1) == '-') {
                at_ += 2;
                if (const int level = long_bracket_level(); level >= 0) skip_long_bracket(level);
                else while (at_ < s_.size() && s_[at_] != '\n') ++at_;
            } else {
                return;
            }
        }
    }

    token next() {
        const int line = line_;
        const char c = peek();
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            const std::size_t start = at_;
            while (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '_') ++at_;
            return {token::name, std::string(s_.substr(start, at_ - start)), line};
        }
        if (c == '"' || c == '\'') return quoted(c, line);
        if (const int level = c == '[' ? long_bracket_level() : -1; level >= 0) {
            skip_long_bracket(level);
            return {token::other, "", line};
        }
        if (std::isdigit(static_cast<unsigned char>(c)) || (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1))))) {
            while (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '.' || peek() == '_' ||
                   ((peek() == '+' || peek() == '-') && std::string_view("eEpP").find(s_[at_ - 1]) != std::string_view::npos))
                ++at_;
            return {token::other, "", line};
        }
        const std::size_t length = c == '.' && peek(1) == '.' ? (peek(2) == '.' ? 3 : 2) : 1;
        at_ += length;
        return {token::punct, std::string(s_.substr(at_ - length, length)), line};
    }

    token quoted(char quote, int line) {
        const std::size_t start = ++at_;
        bool escaped = false;
        while (at_ < s_.size() && s_[at_] != quote) {
            if (s_[at_] == '\\') {   // the escaped character is the string's, a quote or a newline too
                escaped = true;
                ++at_;
            }
            line_ += peek() == '\n';   // a newline after "\" or skipped by "\z": the source compiled, so no other
            ++at_;
        }
        const std::string value(s_.substr(start, at_ - start));
        ++at_;   // the closing quote
        return {escaped ? token::other : token::literal, value, line};
    }

    std::string_view s_;
    std::size_t at_ = 0;
    int line_ = 1;
};

bool is(const std::vector<token>& t, std::size_t i, token::kind_t kind, std::string_view text = {}) {
    return i < t.size() && t[i].kind == kind && (text.empty() || t[i].text == text);
}

// The parts of tokens [from, to) split at commas (and semicolons, in a table) outside any bracket, as [begin, end)
// pairs; empty when a part holds a function, whose body may hold commas of its own.
std::vector<std::pair<std::size_t, std::size_t>> parts(const std::vector<token>& t, std::size_t from, std::size_t to) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    int depth = 0;
    std::size_t begin = from;
    for (std::size_t i = from; i < to; ++i) {
        if (is(t, i, token::name, "function")) return {};
        if (t[i].kind != token::punct) continue;
        const std::string& p = t[i].text;
        if (p == "(" || p == "{" || p == "[") ++depth;
        else if (p == ")" || p == "}" || p == "]") --depth;
        else if (depth == 0 && (p == "," || p == ";")) {
            out.emplace_back(begin, i);
            begin = i + 1;
        }
    }
    if (begin < to) out.emplace_back(begin, to);
    return out;
}

// The index of the bracket closing the one at `open`, or t.size().
std::size_t closing(const std::vector<token>& t, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < t.size(); ++i) {
        if (t[i].kind != token::punct) continue;
        const std::string& p = t[i].text;
        depth += (p == "(" || p == "{" || p == "[") ? 1 : (p == ")" || p == "}" || p == "]") ? -1 : 0;
        if (depth == 0) return i;
    }
    return t.size();
}

// What argument `arg` of a call names: a rule id, a fact name, or neither.
enum class names { nothing, rule, fact };

names named_by(std::string_view function, std::size_t arg) {
    if (function == "rule") return arg == 1 ? names::rule : arg == 2 ? names::fact : names::nothing;
    if (function == "decisive" || function == "weight") return arg == 1 ? names::rule : names::nothing;
    if (function == "say" || function == "close") return arg == 2 ? names::rule : arg == 3 ? names::fact : names::nothing;
    return names::nothing;
}

// The problem with literal `name` as argument `arg` of ctx.`function` (an item of it when `item` is given), if any.
std::optional<source_name_problem> check(const token& name, names kind, const std::string& function, std::size_t arg,
                                                const settings& declared, const std::string& item) {
    const std::string problem = kind == names::rule ? undeclared_rule(name.text, declared, item) : unknown_fact(name.text, item);
    if (problem.empty()) return std::nullopt;
    return source_name_problem{name.line, "bad argument #" + std::to_string(arg) + " to 'ctx." + function + "' (" + problem + ")"};
}

// The first problem among the arguments of the call whose "(" is at `open`, to ctx.`function`.
std::optional<source_name_problem> check_call(const std::vector<token>& t, std::size_t open, const std::string& function,
                                                     const settings& declared) {
    const auto arguments = parts(t, open + 1, closing(t, open));
    for (std::size_t a = 0; a < arguments.size(); ++a) {
        const auto [begin, end] = arguments[a];
        const names kind = named_by(function, a + 1);
        if (kind == names::nothing) continue;
        if (end - begin == 1 && is(t, begin, token::literal)) {
            if (auto problem = check(t[begin], kind, function, a + 1, declared, "")) return problem;
        } else if (is(t, begin, token::punct, "{") && closing(t, begin) == end - 1) {
            const auto items = parts(t, begin + 1, end - 1);
            for (std::size_t k = 0; k < items.size(); ++k)
                if (items[k].second - items[k].first == 1 && is(t, items[k].first, token::literal))
                    if (auto problem = check(t[items[k].first], kind, function, a + 1, declared, " at [" + std::to_string(k + 1) + "]"))
                        return problem;
        }
    }
    return std::nullopt;
}

}  // namespace

/// The first literal name in `source` (Lua text that compiled) that ctx would refuse under `declared`, the
/// persona's own defaults, or nullopt.
std::optional<source_name_problem> check_source_names(std::string_view source, const settings& declared) {
    const std::vector<token> t = lexer(source).tokens();
    for (std::size_t i = 0; i + 3 < t.size(); ++i) {
        const bool reached_as_field = i > 0 && (is(t, i - 1, token::punct, ".") || is(t, i - 1, token::punct, ":"));
        if (!is(t, i, token::name, "ctx") || reached_as_field || !is(t, i + 1, token::punct, ".") || !is(t, i + 2, token::name) ||
            !is(t, i + 3, token::punct, "("))
            continue;
        if (auto problem = check_call(t, i + 3, t[i + 2].text, declared)) return problem;
    }
    return std::nullopt;
}

}  // namespace verdict
