#include "cli/manual_page.hpp"

#include "cli/help_text.hpp"

namespace verdict::cli {

exit_code write_manual_page(context& ctx) {
    ctx.out << ".TH VERDICT 1 \"\" \"verdict " << VERDICT_VERSION << "\" \"User Commands\"\n"
            << ".SH NAME\nverdict \\- review tools with a panel of reviewer personas, and make the comparison site\n"
            << ".SH SYNOPSIS\n.B verdict\n.I command\n.RI [ options ]\n.br\n.B verdict help\n.I command\n"
            << ".SH DESCRIPTION\n"
            << roff_text(program_description()) << ".SH COMMANDS\n";
    const help_style style = ctx.help;
    ctx.help = help_style::man;
    for (const command& c : commands()) c.run({"--help"}, ctx);
    ctx.help = style;
    ctx.out << ".SH EXIT STATUS\n";
    for (const auto& [status, meaning] : exit_statuses()) ctx.out << ".TP\n.B " << status << "\n" << roff_text(meaning);
    ctx.out << ".SH ERRORS\n" << roff_text(error_convention())
            << ".SH FILES\n"
               ".TP\n.I catalog/\nThe catalog a command reads unless \\-\\-catalog names another: panel.json, tools/, comparisons.json, votes/, "
               "site.json, fixtures/ and schema/.\n"
               ".TP\n.I ../lib/verdict/personas/\nBeside the program: the stock personas' shared libraries, which panel.json seats by name.\n"
               ".SH SEE ALSO\nThe README of the project, and scripts/README.md, the guide to writing a persona in Lua.\n";
    return exit_code::ok;
}

}  // namespace verdict::cli
