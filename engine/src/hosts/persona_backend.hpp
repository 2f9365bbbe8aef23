// The engine-neutral face of a loaded persona.
//
// The panel sees every persona through this interface, whatever it is built
// from: the shared-library host and the script host both implement it. Each backend is an error boundary: nothing a persona
// throws or returns leaves it except a review that passed check_review() or a
// host_error whose message names the persona's file.
#pragma once

#include "verdict/review.hpp"
#include "verdict/tool.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace verdict {

/// A persona failure, already worded for the reader: "<file>: <what>: expected ..., found ...".
struct host_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Who a persona says it is.
struct persona_identity {
    std::string id;
    std::string display_name;
    std::string version;
};

class persona_backend {
public:
    virtual ~persona_backend() = default;

    virtual const persona_identity& identity() const = 0;
    /// The persona's own settings, before the panel configuration overrides them.
    virtual const settings& defaults() const = 0;
    /// The file the persona was loaded from, as messages show it.
    virtual const std::string& source() const = 0;
    /// A checked review of `t` under `s`; throws host_error on any failure. Safe to call from several threads.
    /// Lines the persona logged while reviewing (a script's ctx.log) are appended to `log` when given.
    virtual review review_tool(const tool& t, const settings& s, std::vector<std::string>* log = nullptr) const = 0;
};

}  // namespace verdict
