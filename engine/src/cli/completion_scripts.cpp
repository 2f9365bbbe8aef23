#include "cli/completion_scripts.hpp"

#include <sstream>
#include <vector>

namespace verdict::cli {
namespace {

struct option_words {
    std::string name;       // without "--"
    std::string short_name;
    std::string value;      // "DIR", "FILE", "N"...; empty for a switch
    std::string choices;    // space-separated, for an option with a fixed set of values
    std::string help;
};

struct command_words {
    std::string name;
    std::string summary;
    std::vector<option_words> options;
    bool takes_tool_ids = false;   // its arguments are tool ids, which complete from the catalog's tools/
};

std::vector<std::string> fields_of(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream in(line);
    for (std::string field; std::getline(in, field, '\t');) out.push_back(field);
    while (out.size() < 7) out.emplace_back();
    return out;
}

// Every command's options, as its help lists them in words.
std::vector<command_words> every_command(context& ctx) {
    std::vector<command_words> out;
    for (const command& c : commands()) {
        std::ostringstream listed;
        context quiet{listed, ctx.err, ctx.persona_dir, ctx.program, false, help_style::words};
        c.run({"--help"}, quiet);
        command_words words{std::string(c.name), std::string(c.summary), {}};
        std::stringstream lines(listed.str());
        for (std::string line; std::getline(lines, line);) {
            const auto f = fields_of(line);
            if (f[0] == "option") words.options.push_back({f[1], f[2], f[3], f[4], f[5]});
            if (f[0] == "argument" && f[1].find("<tool-id>") != std::string::npos) words.takes_tool_ids = true;
        }
        out.push_back(std::move(words));
    }
    return out;
}

bool names_a_folder(const option_words& o) { return o.value == "DIR" || o.value == "DIR..."; }
bool names_a_file(const option_words& o) { return o.value == "FILE"; }

// `text` inside a zsh single-quoted word, and without the characters _arguments reads in a description.
std::string zsh_quoted(std::string text) {
    std::string out;
    for (const char c : text) {
        if (c == '\'') out += "'\\''";
        else if (c == '[' || c == ']') out += c == '[' ? '(' : ')';
        else if (c == ':') out += " -";
        else out += c;
    }
    return out;
}

void write_bash(const std::vector<command_words>& all, std::ostream& out) {
    out << "# bash completion for verdict, made by `verdict __completions bash`.\n"
           "# The ids of the tools of the catalog the command line names (--catalog DIR), or of ./catalog.\n"
           "_verdict_tool_ids() {\n"
           "    local catalog=catalog i\n"
           "    for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do\n"
           "        [ \"${COMP_WORDS[i]}\" = --catalog ] && catalog=${COMP_WORDS[i+1]}\n"
           "    done\n"
           "    local file\n"
           "    for file in \"$catalog\"/tools/*.json; do [ -e \"$file\" ] && basename \"$file\" .json; done\n"
           "}\n"
           "_verdict() {\n"
           "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
           "    if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
           "        COMPREPLY=($(compgen -W \"help";
    for (const command_words& c : all) out << " " << c.name;
    out << "\" -- \"$cur\"))\n        return\n    fi\n    case \"${COMP_WORDS[1]}\" in\n";
    for (const command_words& c : all) {
        out << "    " << c.name << ")\n        case \"$prev\" in\n";
        for (const option_words& o : c.options) {
            if (o.value.empty()) continue;
            out << "            --" << o.name << (o.short_name.empty() ? "" : "|-" + o.short_name) << ") ";
            if (!o.choices.empty()) out << "COMPREPLY=($(compgen -W \"" << o.choices << "\" -- \"$cur\")); return ;;\n";
            else if (names_a_folder(o)) out << "COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n";
            else if (names_a_file(o)) out << "COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n";
            else out << "return ;;\n";
        }
        out << "        esac\n        if [[ \"$cur\" == -* ]]; then\n            COMPREPLY=($(compgen -W \"";
        for (std::size_t i = 0; i < c.options.size(); ++i) out << (i ? " " : "") << "--" << c.options[i].name;
        out << "\" -- \"$cur\"))\n        else\n";
        if (c.takes_tool_ids) out << "            COMPREPLY=($(compgen -W \"$(_verdict_tool_ids)\" -- \"$cur\"))\n";
        else out << "            COMPREPLY=($(compgen -f -- \"$cur\"))\n";
        out << "        fi\n        ;;\n";
    }
    out << "    help)\n        COMPREPLY=($(compgen -W \"";
    for (std::size_t i = 0; i < all.size(); ++i) out << (i ? " " : "") << all[i].name;
    out << "\" -- \"$cur\"))\n        ;;\n    esac\n}\ncomplete -F _verdict verdict\n";
}

void write_zsh(const std::vector<command_words>& all, std::ostream& out) {
    out << "#compdef verdict\n# zsh completion for verdict, made by `verdict __completions zsh`.\n"
           "_verdict() {\n    local -a commands\n    commands=(\n        'help:show a command'\\''s help'\n";
    for (const command_words& c : all) out << "        '" << c.name << ":" << zsh_quoted(c.summary) << "'\n";
    out << "    )\n    if (( CURRENT == 2 )); then\n        _describe 'command' commands\n        return\n    fi\n"
           "    case $words[2] in\n";
    for (const command_words& c : all) {
        out << "    " << c.name << ")\n        _arguments";
        for (const option_words& o : c.options) {
            out << " \\\n            '--" << o.name << "[" << zsh_quoted(o.help) << "]";
            if (!o.value.empty()) {
                out << ":" << zsh_quoted(o.value) << ":";
                if (!o.choices.empty()) out << "(" << o.choices << ")";
                else if (names_a_folder(o)) out << "_files -/";
                else if (names_a_file(o)) out << "_files";
                else out << " ";
            }
            out << "'";
        }
        out << " \\\n            '*:file:_files'\n        ;;\n";
    }
    out << "    help)\n        _describe 'command' commands\n        ;;\n    esac\n}\n_verdict \"$@\"\n";
}

}  // namespace

exit_code write_completion_script(const std::string& shell, context& ctx) {
    if (shell != "bash" && shell != "zsh") {
        report_error(ctx, "__completions: expected bash or zsh, found \"" + shell + "\"");
        return exit_code::bad_input;
    }
    const std::vector<command_words> all = every_command(ctx);
    if (shell == "bash") write_bash(all, ctx.out);
    else write_zsh(all, ctx.out);
    return exit_code::ok;
}

}  // namespace verdict::cli
