// What crosses between the engine and a worker, field by field: tools on the
// way out, persona identities, defaults and reviews on the way back; and a
// tool's whole panel review, which a batch sets aside on disk between
// reviewing a tool and rendering its pages. Each
// struct's fields are listed once (wire_codec.cpp), for both directions, so a
// fact added to the SDK's tool is one line here.
#pragma once

#include "hosts/lua/script_limits.hpp"
#include "hosts/persona_backend.hpp"
#include "panel/tool_review.hpp"
#include "verdict/review.hpp"
#include "verdict/tool.hpp"
#include "workers/wire.hpp"

namespace verdict {

void encode(wire_writer& w, const tool& t);
void encode(wire_writer& w, const settings& s);
void encode(wire_writer& w, const review& r);
/// Without its subject, which is encoded on its own.
void encode(wire_writer& w, const tool_review& r);
void encode(wire_writer& w, const persona_identity& identity);
void encode(wire_writer& w, const script_limits& limits);

/// Each throws wire_error when the bytes are not what the matching encode() writes.
tool decode_tool(wire_reader& r);
settings decode_settings(wire_reader& r);
review decode_review(wire_reader& r);
/// Its subject is null.
tool_review decode_tool_review(wire_reader& r);
persona_identity decode_identity(wire_reader& r);
script_limits decode_limits(wire_reader& r);

}  // namespace verdict
