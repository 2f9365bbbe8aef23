// Word lists and phrase patterns for synthetic tool text.
//
// Every text fact of a generated tool comes from expanding a pattern such as
// "a {adj} {thing} that {does}": each {slot} is replaced by a random entry of
// that slot's list, and entries may hold slots of their own. The lists are
// data, in phrase_book.cpp, so making the catalog read differently is an edit
// to a table rather than to code.
#pragma once

#include "random_stream.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace verdict::bench {

/// Values fixed for one tool (its first name word, command name and vendor), consulted before the word lists.
using phrase_bindings = std::vector<std::pair<std::string_view, std::string>>;

/// `pattern` with every {slot} replaced; throws std::logic_error for a slot no list or binding defines.
std::string expand(random_stream& rng, std::string_view pattern, const phrase_bindings& bindings = {});

/// Up to `count` different expansions of the slot `slot` (fewer when its list is shorter).
std::vector<std::string> distinct_phrases(random_stream& rng, std::string_view slot, std::size_t count,
                                          const phrase_bindings& bindings = {});

/// The entries of a list as written, unexpanded (for the name words and categories).
const std::vector<std::string_view>& word_list(std::string_view slot);

}  // namespace verdict::bench
