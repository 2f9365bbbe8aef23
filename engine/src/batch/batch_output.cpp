#include "batch/batch_output.hpp"

namespace verdict {

batch_output::batch_output(const std::filesystem::path& dir, bool force) : folder(dir, !force) {
    refusal = folder.error();
    cannot_write = folder.cannot_write();
    if (refusal.empty()) state = state_database::open(dir, force, refusal, cannot_write);
}

}  // namespace verdict
