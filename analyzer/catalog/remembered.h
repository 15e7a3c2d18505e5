#pragma once
// A per-thread memo for a pure function of a name that is costly to compute: repositories repeat
// the same names (a team's misspelled key, a retired service) across their files.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace mfalint::catalog {

// Lets a map keyed by std::string be searched with a string_view, without a copy.
struct TransparentHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// What `compute(name)` returned the last time this thread asked `Tag` about `name`, computing it
// the first time. Each tag (one per function remembered) keeps up to 4,096 answers.
template <class Tag, class Compute>
auto remembered(std::string_view name, Compute compute) -> decltype(compute(name)) {
  thread_local std::unordered_map<std::string, decltype(compute(name)), TransparentHash, std::equal_to<>> answers;
  if (auto it = answers.find(name); it != answers.end()) return it->second;
  if (answers.size() >= 4096) answers.clear();
  return answers.emplace(std::string(name), compute(name)).first->second;
}

}  // namespace mfalint::catalog
