// A malformed record must not swallow the rest of the file: after a quoting
// error the reader skips to the end of that physical line and starts afresh,
// so one bad row costs one row. A quote never closed is found only at the end
// of the file; reading then goes back to the line after the one it opened on.
#include "support/csv_reader.hpp"

namespace verdict {
namespace {

class csv_scanner {
public:
    explicit csv_scanner(std::string_view text) : text_(text) {
        if (text_.starts_with("\xEF\xBB\xBF")) at_ = 3;
    }

    bool done() const { return at_ >= text_.size(); }

    csv_record next() {
        csv_record record{line_, {}, ""};
        std::string field;
        while (true) {
            if (done() || text_[at_] == '\n' || text_.substr(at_, 2) == "\r\n") {
                record.fields.push_back(std::move(field));
                end_line();
                return record;
            }
            if (text_[at_] == ',') {
                record.fields.push_back(std::move(field));
                field.clear();
                ++at_;
                continue;
            }
            if (text_[at_] == '"' && field.empty()) {
                if (!quoted(field, record)) return record;
                continue;
            }
            if (text_[at_] == '"') return fail(record, "a quote inside an unquoted field");
            field += text_[at_++];
        }
    }

    bool blank_line_ahead() const {
        return text_.substr(at_, 1) == "\n" || text_.substr(at_, 2) == "\r\n";
    }
    void skip_blank_line() { end_line(); }

private:
    // Reads a quoted field up to its closing quote; false (with the record marked) when it breaks the rules.
    bool quoted(std::string& field, csv_record& record) {
        const std::size_t opened_at = at_;
        const std::size_t opened_line = line_;
        ++at_;
        while (true) {
            if (done()) {
                at_ = opened_at;   // resume after the line the quote opened on: a stray quote costs one row
                line_ = opened_line;
                fail(record, "a quote opened on this line and never closed");
                return false;
            }
            const char c = text_[at_++];
            if (c == '\n') ++line_;
            if (c != '"') {
                field += c;
                continue;
            }
            if (!done() && text_[at_] == '"') {
                field += '"';
                ++at_;
                continue;
            }
            if (done() || text_[at_] == ',' || text_[at_] == '\n' || text_.substr(at_, 2) == "\r\n") return true;
            fail(record, "text after a closing quote");
            return false;
        }
    }

    csv_record& fail(csv_record& record, const char* what) {
        record.malformed = what;
        record.fields.clear();
        while (!done() && text_[at_] != '\n') ++at_;
        end_line();
        return record;
    }

    void end_line() {
        if (!done() && text_[at_] == '\r') ++at_;
        if (!done() && text_[at_] == '\n') ++at_;
        ++line_;
    }

    std::string_view text_;
    std::size_t at_ = 0;
    std::size_t line_ = 1;
};

}  // namespace

std::vector<csv_record> read_csv(std::string_view text) {
    std::vector<csv_record> records;
    csv_scanner scanner(text);
    while (!scanner.done()) {
        if (scanner.blank_line_ahead()) {
            scanner.skip_blank_line();
            continue;
        }
        records.push_back(scanner.next());
    }
    return records;
}

}  // namespace verdict
