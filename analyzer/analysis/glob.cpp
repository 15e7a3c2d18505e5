#include "analysis/glob.h"

#include "catalog/text.h"

#include <cctype>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace mfalint::analysis {
namespace {

// A set of positions in a pattern: the states of its automaton after some input.
using States = std::vector<bool>;

// Adds the positions reachable by skipping `*` (which may match nothing).
void close(std::string_view pattern, States& states) {
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (states[i] && pattern[i] == '*') states[i + 1] = true;
  }
}

States step(std::string_view pattern, const States& states, char c) {
  States next(pattern.size() + 1, false);
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (!states[i]) continue;
    if (pattern[i] == '*') next[i] = true;
    else if (pattern[i] == '?' || pattern[i] == c) next[i + 1] = true;
  }
  close(pattern, next);
  return next;
}

bool has_wildcard(std::string_view pattern) { return pattern.find_first_of("*?") != std::string_view::npos; }

bool any(const States& states) {
  for (bool s : states) {
    if (s) return true;
  }
  return false;
}

}  // namespace

// Walks `inner` through `outer`'s automaton. A literal moves every state set; `?` and `*` in
// `inner` stand for any character, so they branch over every character class `outer`
// distinguishes (its literals, and one character it does not name). Inclusion holds when every
// branch ends in an accepting state.
bool glob_covers(std::string_view outer, std::string_view inner) {
  // The usual cases, without building automata: every policy has them many times over.
  if (outer == "*") return true;
  if (!has_wildcard(inner)) return catalog::glob_matches(outer, inner, false);
  if (!has_wildcard(outer)) return false;  // one string cannot hold all of a wildcard's strings
  // Literal text at either end of `outer` must be at that end of every string of `inner`, so
  // written there in `inner` too: compare and strip it, and most pairs are decided before the
  // automaton (which is costly for patterns with several stars).
  size_t lead = outer.find_first_of("*?");
  std::string_view inner_lead = inner.substr(0, lead);
  if (inner_lead.size() < lead || inner_lead != outer.substr(0, lead) || has_wildcard(inner_lead)) return false;
  outer.remove_prefix(lead);
  inner.remove_prefix(lead);
  size_t tail = outer.size() - 1 - outer.find_last_of("*?");
  if (inner.size() < tail) return false;
  std::string_view inner_tail = inner.substr(inner.size() - tail);
  if (inner_tail != outer.substr(outer.size() - tail) || has_wildcard(inner_tail)) return false;
  outer.remove_suffix(tail);
  inner.remove_suffix(tail);
  if (outer.find_first_not_of('*') == std::string_view::npos) return true;
  std::string classes;
  for (char c : outer) {
    if (c != '*' && c != '?' && classes.find(c) == std::string::npos) classes.push_back(c);
  }
  char other = '\x01';
  while (classes.find(other) != std::string::npos) ++other;
  classes.push_back(other);

  States start(outer.size() + 1, false);
  start[0] = true;
  close(outer, start);
  std::set<States> current = {start};
  for (char c : inner) {
    std::set<States> next;
    if (c == '*') {
      next = current;
      std::vector<States> work(current.begin(), current.end());
      while (!work.empty()) {
        States states = std::move(work.back());
        work.pop_back();
        for (char k : classes) {
          States moved = step(outer, states, k);
          if (next.insert(moved).second) work.push_back(std::move(moved));
        }
      }
    } else if (c == '?') {
      for (const auto& states : current) {
        for (char k : classes) next.insert(step(outer, states, k));
      }
    } else {
      for (const auto& states : current) next.insert(step(outer, states, c));
    }
    for (const auto& states : next) {
      if (!any(states)) return false;  // some string of `inner` already fell out of `outer`
    }
    current = std::move(next);
  }
  for (const auto& states : current) {
    if (!states[outer.size()]) return false;
  }
  return true;
}

// Searches the product of both automata for a path that ends in both accepting states.
bool globs_intersect(std::string_view a, std::string_view b) {
  if (!has_wildcard(a)) return catalog::glob_matches(b, a, false);
  if (!has_wildcard(b)) return catalog::glob_matches(a, b, false);
  std::set<std::pair<size_t, size_t>> seen;
  std::vector<std::pair<size_t, size_t>> work = {{0, 0}};
  while (!work.empty()) {
    auto [i, j] = work.back();
    work.pop_back();
    if (!seen.insert({i, j}).second) continue;
    if (i == a.size() && j == b.size()) return true;
    if (i < a.size() && a[i] == '*') work.push_back({i + 1, j});
    if (j < b.size() && b[j] == '*') work.push_back({i, j + 1});
    if (i == a.size() || j == b.size()) continue;
    char x = a[i], y = b[j];
    bool x_any = x == '*' || x == '?', y_any = y == '*' || y == '?';
    if (!x_any && !y_any && x != y) continue;  // no character matches both
    work.push_back({x == '*' ? i : i + 1, y == '*' ? j : j + 1});
  }
  return false;
}

}  // namespace mfalint::analysis
