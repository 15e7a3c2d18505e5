#pragma once
// IAM's wildcards, `*` (any run of characters) and `?` (one character), on whole strings: matching
// a string, and deciding exactly whether one pattern covers or meets another.

#include <string_view>

namespace mfalint::analysis {

bool glob_matches(std::string_view pattern, std::string_view text, bool ignore_case = false);

// Every string `inner` matches, `outer` matches too (case-sensitive, as resources are).
bool glob_covers(std::string_view outer, std::string_view inner);

// Some string matches both.
bool globs_intersect(std::string_view a, std::string_view b);

}  // namespace mfalint::analysis
