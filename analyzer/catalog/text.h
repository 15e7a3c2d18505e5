#pragma once
// ASCII case-insensitive comparison and IAM's wildcard matching, shared by the catalog's lookups.
// AWS names are ASCII; other bytes compare as they are.

#include <string_view>

namespace mfalint::catalog {

constexpr char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// <0, 0, >0 as std::string_view::compare does, on the lower-case text.
int compare_lower(std::string_view a, std::string_view b);

// `*` matches any run (also none), `?` one character, the rest case-insensitively.
bool glob_matches(std::string_view pattern, std::string_view text);

// A condition key template against a key as written: each `${...}` segment stands for one or
// more characters (a tag key, an identifier), the rest matches case-insensitively.
bool template_matches(std::string_view key_template, std::string_view key);

}  // namespace mfalint::catalog
