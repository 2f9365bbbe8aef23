// The JSON API beside the pages: the documents the CLI prints, made from the
// reviews the server holds, so each validates against the same schema in
// docs/schema/ as its command's output.
//   /api/review/<id>                  verdict review <id> --format json
//   /api/explain/<id>?persona=SEAT    verdict explain <id> [--persona SEAT] --format json
//   /api/compare/<a>/<b>              verdict compare <a> <b> --format json
//   /api/stats                        verdict stats --format json
#pragma once

#include "serve/request_target.hpp"
#include "serve/served_page.hpp"
#include "serve/site_state.hpp"

#include <functional>
#include <optional>
#include <string>

namespace verdict::serve {

/// How a seat that does not sit on a tool would review it: the tool's review with that seat's added.
using unseated_reviewer = std::function<tool_review(const tool_review&, const std::string& seat_id)>;

/// The API's answer to `target`; nullopt when its path is not under /api/. An unknown tool or seat is a 404 whose
/// JSON says which, with a suggestion. An explanation of a seat that does not sit on the tool shows how it would
/// review it, as `verdict explain --persona` does.
std::optional<served_page> api_document(const site_state& state, const request_target& target, const unseated_reviewer& unseated);

}  // namespace verdict::serve
