// Folders made by engines before the state database kept their state in text
// files at the folder's root (.verdict-manifest, .verdict-claims,
// .verdict-reviews, .verdict-inputs, .verdict-pairs, .verdict-lock). The
// manifest and the claims say which files are the engine's and what they were
// made from; they are carried into the database, so that no page is lost or
// made again for nothing. The rest only spared work, and the first run does it.
#pragma once

#include <filesystem>
#include <string>

namespace verdict {

class state_database;

/// Carries the text-file state of `site_dir`, if it has one, into `state` (new and empty), then deletes the text
/// files. False, with `refusal`, when the manifest or the claims are damaged and not `force` (with it, they are
/// left out and deleted: every page is then made again, and none is taken for the engine's).
bool import_legacy_state(const std::filesystem::path& site_dir, state_database& state, bool force, std::string& refusal);

/// True when `site_dir` holds a manifest of the text-file state.
bool has_legacy_state(const std::filesystem::path& site_dir);

}  // namespace verdict
