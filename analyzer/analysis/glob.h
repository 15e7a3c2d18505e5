#pragma once
// IAM's wildcards, `*` (any run of characters) and `?` (one character), between patterns: deciding
// exactly whether one covers or meets another. Matching a string is catalog::glob_matches.

#include <string_view>

namespace mfalint::analysis {

// Every string `inner` matches, `outer` matches too (case-sensitive, as resources are).
bool glob_covers(std::string_view outer, std::string_view inner);

// Some string matches both.
bool globs_intersect(std::string_view a, std::string_view b);

// The same between two Resource/NotResource entries, as the evaluator matches them
// (eval::resource_matches): an ARN component by component, so that a wildcard never reaches
// across the colons before the resource part, and an `arn:` entry with fewer than six components
// as if the missing ones were `*`. `*` alone is every resource; any other entry that is not an
// ARN is a whole string.
bool resource_covers(std::string_view outer, std::string_view inner);
bool resources_intersect(std::string_view a, std::string_view b);

}  // namespace mfalint::analysis
