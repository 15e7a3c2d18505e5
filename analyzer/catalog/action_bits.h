#pragma once
// A set of catalog actions as one bit per action: which actions are sensitive, what a statement's
// Action or NotAction covers, what a policy set reaches. Only the words from the set's lowest
// action to its highest are kept: most statements name a few actions of one or two services, and
// a set of every action zeroed, allocated and walked for each of them cost more than the checks
// (bench/README.md, "Figures behind the code's choices").

#include "catalog/catalog.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <span>
#include <vector>

namespace mfalint::catalog {

class ActionBits {
 public:
  // The actions for which `member(id)` holds, out of the whole catalog: a word at a time, for sets
  // built at start-up (the sensitive actions), where inserting one by one weighed on checking a
  // small policy (bench/README.md).
  template <class Member>
  static ActionBits where(Member member) {
    ActionBits bits;
    bits.words_.resize(word_count());
    for (ActionId id = 0; id < action_count(); ++id) {
      if (member(id)) bits.words_[id / 64] |= bit(id);
    }
    return bits;
  }

  void insert(ActionId id) {
    cover(id / 64);
    words_[id / 64 - first_] |= bit(id);
  }
  // Many at once, in any order: room is made once, for the words from the lowest to the highest.
  void insert(std::span<const ActionId> ids) {
    if (ids.empty()) return;
    auto [lowest, highest] = std::minmax_element(ids.begin(), ids.end());
    cover(*lowest / 64);
    cover(*highest / 64);
    for (ActionId id : ids) words_[id / 64 - first_] |= bit(id);
  }
  void erase(ActionId id) {
    if (held(id / 64)) words_[id / 64 - first_] &= ~bit(id);
  }
  bool contains(ActionId id) const { return (word(id / 64) & bit(id)) != 0; }
  void complement() {
    std::vector<uint64_t> all(word_count());
    for (size_t i = 0; i < all.size(); ++i) all[i] = ~word(i);
    if (size_t tail = action_count() % 64) all.back() &= (uint64_t{1} << tail) - 1;
    words_ = std::move(all);
    first_ = 0;
  }

  // Calls `visit` with each id, ascending; with `also`, only the ids in both sets.
  template <class Visit>
  void for_each(Visit&& visit, const ActionBits* also = nullptr) const {
    size_t from = first_, to = first_ + words_.size();
    if (also) {
      from = std::max(from, also->first_);
      to = std::min(to, also->first_ + also->words_.size());
    }
    for (size_t i = from; i < to; ++i) {
      for (uint64_t bits = also ? words_[i - first_] & also->words_[i - also->first_] : words_[i - first_]; bits;
           bits &= bits - 1) {
        visit(static_cast<ActionId>(i * 64 + static_cast<size_t>(std::countr_zero(bits))));
      }
    }
  }

  bool operator==(const ActionBits& other) const {
    size_t to = std::max(first_ + words_.size(), other.first_ + other.words_.size());
    for (size_t i = std::min(first_, other.first_); i < to; ++i) {
      if (word(i) != other.word(i)) return false;
    }
    return true;
  }

 private:
  static size_t word_count() { return (action_count() + 63) / 64; }
  bool held(size_t i) const { return i >= first_ && i < first_ + words_.size(); }
  uint64_t word(size_t i) const { return held(i) ? words_[i - first_] : 0; }
  static uint64_t bit(ActionId id) { return uint64_t{1} << (id % 64); }
  // Makes word `i` one of the kept words.
  void cover(size_t i) {
    if (words_.empty()) {
      first_ = i;
      words_.push_back(0);
    } else if (i < first_) {
      words_.insert(words_.begin(), first_ - i, 0);
      first_ = i;
    } else if (i >= first_ + words_.size()) {
      words_.resize(i - first_ + 1);
    }
  }

  size_t first_ = 0;             // the word number of words_[0]
  std::vector<uint64_t> words_;  // words first_, first_ + 1, ...: every set bit lies in them
};

}  // namespace mfalint::catalog
