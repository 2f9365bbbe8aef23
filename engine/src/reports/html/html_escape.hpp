// Text into HTML: every piece of catalog or persona text a page shows goes
// through here, so markup in a tool's description shows as text, an unclosed
// bidi override cannot reverse the page around it, and no control character
// (an escape sequence, a carriage return) reaches the page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace verdict::html {

/// Appends `text` with & < > " ' as character references, safe in element content and quoted attributes.
void append_escaped(std::string& out, std::string_view text);

/// Appends catalog or persona text: made printable (printable_text: controls as spaces, bidi balanced), then escaped.
void append_text(std::string& out, std::string_view text);

/// Appends inline catalog text isolated in <bdi>, so right-to-left text keeps its own direction.
void append_bdi(std::string& out, std::string_view text);

/// Appends text composed around catalog `names` (a sentence of the model's, a persona's quote): each occurrence
/// of a name is isolated in <bdi>, so a right-to-left name cannot reorder the words around it.
void append_with_names(std::string& out, std::string_view sentence, const std::vector<std::string>& names);

}  // namespace verdict::html
