// The folder a batch writes into, held for the run, with its state.
#pragma once

#include "batch/output_folder.hpp"
#include "state/state_database.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace verdict {

struct batch_output {
    /// Locks `dir` (made when missing) and opens its state: `state_file`, or when empty the folder's own
    /// (.verdict/state.sqlite). A folder that holds files but no state, a state that is damaged or newer than this
    /// engine, and a state kept outside its folder that is another folder's, are refused unless `force`.
    batch_output(const std::filesystem::path& dir, const std::filesystem::path& state_file, bool force);

    /// When the folder did not exist before, closes the state and removes what opening the folder made: the folder,
    /// and the state when it had none. A run refused before it wrote a page leaves no trace.
    void discard();

    bool made_folder;                        ///< The folder did not exist before the run.
    bool made_state;                         ///< Nor did its state.
    output_folder folder;
    std::unique_ptr<state_database> state;   ///< Null when refused.
    std::string refusal;                     ///< Why the folder cannot be used; empty when it can.
    bool cannot_write = false;               ///< The refusal is that the folder could not be made or written to.
};

}  // namespace verdict
