#pragma once
// ASCII case-insensitive comparison and IAM's wildcard matching: the one matcher for actions,
// resources and condition values, here in the lowest module so that every other can use it.
// AWS names are ASCII; other bytes compare as they are.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace mfalint::catalog {

// One load instead of two comparisons and a select: every byte of every action name goes through
// here, some more than once.
inline constexpr auto kLowerAscii = [] {
  std::array<char, 256> table{};
  for (int i = 0; i < 256; ++i) table[i] = static_cast<char>(i >= 'A' && i <= 'Z' ? i - 'A' + 'a' : i);
  return table;
}();
constexpr char lower_ascii(char c) { return kLowerAscii[static_cast<unsigned char>(c)]; }

// Whether a pattern has a wildcard, `*` or `?`. (string_view::find_first_of calls memchr for
// every character; bench/README.md has what that cost.)
constexpr bool has_wildcard(std::string_view text) {
  for (char c : text) {
    if (c == '*' || c == '?') return true;
  }
  return false;
}

// <0, 0, >0 as std::string_view::compare does, on the lower-case text.
int compare_lower(std::string_view a, std::string_view b);

// ASCII case-insensitive equality and prefix; the lengths are compared first.
bool equals_lower(std::string_view a, std::string_view b);
bool starts_with_lower(std::string_view text, std::string_view prefix);
std::string to_lower(std::string_view text);

// The cost of a wrong, missing or extra letter in what was written, for edit_distance.
inline constexpr size_t kEditCost = 4;

// The ASCII case-insensitive edit distance from `query` to `candidate`, a letter the candidate has
// that the query lacks costing `insert_cost` (a low one lets abbreviations reach full names), every
// other edit kEditCost; bound + 1 as soon as it must exceed `bound`, as most candidates are that far.
size_t edit_distance(std::string_view query, std::string_view candidate, size_t insert_cost, size_t bound);

// Whether two characters of a name are the same, ASCII case folded with `ignore_case`.
constexpr bool same_char(char a, char b, bool ignore_case) {
  return ignore_case ? lower_ascii(a) == lower_ascii(b) : a == b;
}

// The offset of the UTF-8 character after the one at `i`: wildcards count characters, not bytes.
size_t next_character(std::string_view text, size_t i);

// Whole-string match: `*` matches any run (also none), `?` one UTF-8 character, the rest exactly
// or, with `ignore_case`, ASCII case-insensitively (actions).
bool glob_matches(std::string_view pattern, std::string_view text, bool ignore_case);

// A condition key template against a key as written: each `${...}` segment stands for one or
// more characters (a tag key, an identifier), the rest matches case-insensitively.
bool template_matches(std::string_view key_template, std::string_view key);

}  // namespace mfalint::catalog
