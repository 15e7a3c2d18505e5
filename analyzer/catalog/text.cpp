#include "catalog/text.h"

#include <algorithm>

namespace mfalint::catalog {

int compare_lower(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const auto ca = static_cast<unsigned char>(lower_ascii(a[i]));
    const auto cb = static_cast<unsigned char>(lower_ascii(b[i]));
    if (ca != cb) return ca < cb ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

size_t next_character(std::string_view text, size_t i) {
  ++i;
  while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  return i;
}

// Greedy matching that, on a mismatch, lets the last `*` swallow one more character: linear
// for the usual patterns, never exponential.
bool glob_matches(std::string_view pattern, std::string_view text, bool ignore_case) {
  size_t p = 0, t = 0;
  size_t star_p = std::string_view::npos, star_t = 0;
  while (true) {
    if (p < pattern.size()) {
      char c = pattern[p];
      if (c == '*') {
        star_p = ++p;
        star_t = t;
        continue;
      }
      if (t < text.size() && (c == '?' || same_char(c, text[t], ignore_case))) {
        t = c == '?' ? next_character(text, t) : t + 1;
        ++p;
        continue;
      }
    } else if (t == text.size()) {
      return true;
    }
    if (star_p == std::string_view::npos || star_t >= text.size()) return false;
    star_t = next_character(text, star_t);
    t = star_t;
    p = star_p;
  }
}

// The same backtracking as glob_matches, with `${...}` as a star that takes at least one character.
bool template_matches(std::string_view key_template, std::string_view key) {
  constexpr size_t kNone = std::string_view::npos;
  size_t p = 0, t = 0, star = kNone, star_text = 0;
  while (t < key.size()) {
    size_t close = kNone;
    if (key_template.substr(p, 2) == "${") close = key_template.find('}', p);
    if (close != kNone) {
      star = p = close + 1;
      star_text = ++t;
    } else if (p < key_template.size() && lower_ascii(key_template[p]) == lower_ascii(key[t])) {
      ++p;
      ++t;
    } else if (star != kNone) {
      p = star;
      t = ++star_text;
    } else {
      return false;
    }
  }
  return p == key_template.size();
}

}  // namespace mfalint::catalog
