#pragma once
// A set of catalog actions as one bit per action (about 2.3 KB): which actions are sensitive, what
// a statement's Action or NotAction covers, what a policy set reaches. Walking it skips empty
// words, so a set of a few actions costs little more to walk than one of thousands.

#include "catalog/catalog.h"

#include <bit>
#include <cstdint>
#include <vector>

namespace mfalint::catalog {

class ActionBits {
 public:
  ActionBits() : words_((action_count() + 63) / 64) {}

  void insert(ActionId id) { words_[id / 64] |= uint64_t{1} << (id % 64); }
  void erase(ActionId id) { words_[id / 64] &= ~(uint64_t{1} << (id % 64)); }
  bool contains(ActionId id) const { return (words_[id / 64] >> (id % 64)) & 1; }
  void complement() {
    for (auto& word : words_) word = ~word;
    if (size_t tail = action_count() % 64) words_.back() &= (uint64_t{1} << tail) - 1;
  }

  // Calls `visit` with each id, ascending; with `also`, only the ids in both sets.
  template <class Visit>
  void for_each(Visit&& visit, const ActionBits* also = nullptr) const {
    for (size_t i = 0; i < words_.size(); ++i) {
      for (uint64_t word = also ? words_[i] & also->words_[i] : words_[i]; word; word &= word - 1) {
        visit(static_cast<ActionId>(i * 64 + static_cast<size_t>(std::countr_zero(word))));
      }
    }
  }

  bool operator==(const ActionBits&) const = default;

 private:
  std::vector<uint64_t> words_;
};

}  // namespace mfalint::catalog
