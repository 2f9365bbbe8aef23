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

#include <optional>

namespace verdict::serve {

/// The API's answer to `target`; nullopt when its path is not under /api/. An unknown tool or seat is a 404 whose
/// JSON says which, with a suggestion.
std::optional<served_page> api_document(const site_state& state, const request_target& target);

}  // namespace verdict::serve
