#include "catalog/text.h"

#include <algorithm>
#include <vector>

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

bool equals_lower(std::string_view a, std::string_view b) { return a.size() == b.size() && compare_lower(a, b) == 0; }

bool starts_with_lower(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && compare_lower(text.substr(0, prefix.size()), prefix) == 0;
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

size_t edit_distance(std::string_view query, std::string_view candidate, size_t insert_cost, size_t bound) {
  size_t length_gap = query.size() > candidate.size() ? (query.size() - candidate.size()) * kEditCost
                                                      : (candidate.size() - query.size()) * insert_cost;
  if (length_gap > bound) return bound + 1;
  thread_local std::vector<size_t> previous, current;
  previous.resize(candidate.size() + 1);
  current.resize(candidate.size() + 1);
  for (size_t j = 0; j <= candidate.size(); ++j) previous[j] = j * insert_cost;
  for (size_t i = 1; i <= query.size(); ++i) {
    current[0] = i * kEditCost;
    size_t row_min = current[0];
    for (size_t j = 1; j <= candidate.size(); ++j) {
      size_t substitute = previous[j - 1] + (lower_ascii(query[i - 1]) == lower_ascii(candidate[j - 1]) ? 0 : kEditCost);
      current[j] = std::min({previous[j] + kEditCost, current[j - 1] + insert_cost, substitute});
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > bound) return bound + 1;  // every way to the end passes through this row
    std::swap(previous, current);
  }
  return std::min(previous[candidate.size()], bound + 1);
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
