#include "analysis/glob.h"

#include "catalog/text.h"
#include "eval/arn.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mfalint::analysis {
namespace {

// A set of positions in a pattern, one bit each: the states of its automaton after some input.
using catalog::has_wildcard;
using States = std::vector<uint64_t>;

bool holds(const States& states, size_t i) { return (states[i / 64] >> (i % 64)) & 1; }
void add(States& states, size_t i) { states[i / 64] |= uint64_t{1} << (i % 64); }

// Calls `visit` with each position in `states`, ascending.
template <typename Visit>
void for_each_position(const States& states, Visit visit) {
  for (size_t word = 0; word < states.size(); ++word) {
    for (uint64_t bits = states[word]; bits != 0; bits &= bits - 1) visit(word * 64 + std::countr_zero(bits));
  }
}

// Adds the positions reachable by skipping `*` (which may match nothing); ascending, so a run of
// stars is skipped in one pass.
void close(std::string_view pattern, States& states) {
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '*' && holds(states, i)) add(states, i + 1);
  }
}

States step(std::string_view pattern, const States& states, char c) {
  States next(states.size(), 0);
  for_each_position(states, [&](size_t i) {
    if (i == pattern.size()) return;
    if (pattern[i] == '*') add(next, i);
    else if (pattern[i] == '?' || pattern[i] == c) add(next, i + 1);
  });
  close(pattern, next);
  return next;
}

bool any(const States& states) {
  return std::any_of(states.begin(), states.end(), [](uint64_t word) { return word != 0; });
}

// Walks `inner` through `outer`'s automaton. A literal moves every state set; `?` and `*` in
// `inner` stand for any character, so they branch over every character class `outer`
// distinguishes (its literals, and one character it does not name). Inclusion holds when every
// branch ends in an accepting state. The number of state sets can grow exponentially with the
// stars of a hostile pair: past kMaxSteps the answer is "not covered", which makes a Deny count for
// nothing and a boundary exclude nothing, so the analysis reports more, never less.
constexpr size_t kMaxSteps = size_t{1} << 14;

bool automaton_covers(std::string_view outer, std::string_view inner) {
  size_t steps = 0;
  std::string classes;
  for (char c : outer) {
    if (c != '*' && c != '?' && classes.find(c) == std::string::npos) classes.push_back(c);
  }
  char other = '\x01';
  while (classes.find(other) != std::string::npos) ++other;
  classes.push_back(other);

  States start((outer.size() + 1 + 63) / 64, 0);
  add(start, 0);
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
          if (++steps > kMaxSteps) return false;
          States moved = step(outer, states, k);
          if (next.insert(moved).second) work.push_back(std::move(moved));
        }
      }
    } else if (c == '?') {
      for (const auto& states : current) {
        for (char k : classes) {
          if (++steps > kMaxSteps) return false;
          next.insert(step(outer, states, k));
        }
      }
    } else {
      steps += current.size();
      if (steps > kMaxSteps) return false;
      for (const auto& states : current) next.insert(step(outer, states, c));
    }
    for (const auto& states : next) {
      if (!any(states)) return false;  // some string of `inner` already fell out of `outer`
    }
    current = std::move(next);
  }
  for (const auto& states : current) {
    if (!holds(states, outer.size())) return false;
  }
  return true;
}

}  // namespace

bool glob_covers(std::string_view outer, std::string_view inner) {
  // The usual cases, without building automata: every policy has them many times over.
  if (outer == "*" || outer == inner) return true;
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
  // The same pairs come back in every file of a repository: each thread remembers the answers
  // for patterns of ARN length.
  if (outer.size() + inner.size() > 2048) return automaton_covers(outer, inner);
  thread_local std::unordered_map<std::string, bool> known;
  std::string key;
  key.reserve(outer.size() + 1 + inner.size());
  key.append(outer).push_back('\0');
  key.append(inner);
  if (auto it = known.find(key); it != known.end()) return it->second;
  if (known.size() >= 65536) known.clear();
  bool covers = automaton_covers(outer, inner);
  known.emplace(std::move(key), covers);
  return covers;
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

// A component before the resource part holds no colon in any request, and neither side's literal
// text there does: `*` and `?` over colon-free strings cover and meet exactly as over all strings,
// so the flat relations decide each component.
bool resource_covers(std::string_view outer, std::string_view inner) {
  if (outer == "*") return true;
  auto out = eval::split_resource_pattern(outer);
  if (!out) return glob_covers(outer, inner);
  auto in = eval::split_resource_pattern(inner);
  // `*` and other wildcard entries that are not ARNs hold strings no ARN entry matches.
  if (!in) return !has_wildcard(inner) && eval::resource_matches(outer, inner, {}) == eval::Match::Yes;
  for (size_t i = 0; i < 6; ++i) {
    if (!glob_covers((*out)[i], (*in)[i])) return false;
  }
  return true;
}

bool resources_intersect(std::string_view a, std::string_view b) {
  if (a == "*" || b == "*") return true;
  auto left = eval::split_resource_pattern(a), right = eval::split_resource_pattern(b);
  // An ARN entry against a wildcard entry that is not one: the flat answer, which may say they
  // meet when they do not (IAM refuses such entries; a boundary then lets more through, never less).
  if (!left || !right) return globs_intersect(a, b);
  for (size_t i = 0; i < 6; ++i) {
    if (!globs_intersect((*left)[i], (*right)[i])) return false;
  }
  return true;
}

}  // namespace mfalint::analysis
