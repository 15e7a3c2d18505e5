#include "catalog/action_bits.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <vector>

namespace mfalint::catalog {
namespace {

std::vector<ActionId> ids_of(const ActionBits& bits, const ActionBits* also = nullptr) {
  std::vector<ActionId> ids;
  bits.for_each([&](ActionId id) { ids.push_back(id); }, also);
  return ids;
}

TEST(ActionBits, InsertEraseAndWalkInIdOrder) {
  ActionBits bits;
  const auto last = static_cast<ActionId>(action_count() - 1);
  for (ActionId id : {last, ActionId{64}, ActionId{0}, ActionId{63}}) bits.insert(id);
  bits.erase(64);
  EXPECT_THAT(ids_of(bits), ::testing::ElementsAre(0u, 63u, last));
  EXPECT_TRUE(bits.contains(63));
  EXPECT_FALSE(bits.contains(64));
}

// NotAction: the complement holds every other action of the catalog and nothing past its end.
TEST(ActionBits, ComplementStopsAtTheLastAction) {
  ActionBits bits;
  bits.insert(5);
  bits.complement();
  auto ids = ids_of(bits);
  ASSERT_EQ(ids.size(), action_count() - 1);
  EXPECT_EQ(ids.back(), action_count() - 1);
  EXPECT_FALSE(bits.contains(5));
}

TEST(ActionBits, WalkOnlyWhatBothSetsHold) {
  ActionBits a, b;
  for (ActionId id : {1u, 2u, 100u, 200u}) a.insert(id);
  for (ActionId id : {2u, 100u, 300u}) b.insert(id);
  EXPECT_THAT(ids_of(a, &b), ::testing::ElementsAre(2u, 100u));
  EXPECT_NE(a, b);
}

// A set keeps only the words between its lowest and highest action: whatever the order of
// inserts and erases, it holds, walks, intersects, complements and compares as a plain set does.
TEST(ActionBits, AgreesWithAPlainSet) {
  std::mt19937 engine(8);
  auto random = [&] { return static_cast<ActionId>(engine()); };
  const auto count = static_cast<ActionId>(action_count());
  for (int round = 0; round < 200; ++round) {
    ActionBits a, b;
    std::set<ActionId> in_a, in_b;
    // Ids of a few services' worth, or anywhere: windows that overlap, nest or lie apart.
    const ActionId centre = random() % count, spread = round % 3 == 0 ? count : 200;
    for (int i = 0; i < 40; ++i) {
      ActionId id = std::min<ActionId>(count - 1, centre + random() % spread - std::min(centre, spread / 2));
      ActionId other = random() % count;
      if (random() % 4 == 0) {
        a.erase(id);
        in_a.erase(id);
      } else {
        a.insert(id);
        in_a.insert(id);
      }
      b.insert(other);
      in_b.insert(other);
    }
    ASSERT_THAT(ids_of(a), ::testing::ElementsAreArray(in_a));
    std::vector<ActionId> both;
    for (ActionId id : in_a) {
      if (in_b.count(id)) both.push_back(id);
    }
    ASSERT_THAT(ids_of(a, &b), ::testing::ElementsAreArray(both));
    ASSERT_THAT(ids_of(b, &a), ::testing::ElementsAreArray(both));
    for (ActionId id = 0; id < count; id += 97) ASSERT_EQ(a.contains(id), in_a.count(id) == 1) << id;
    ActionBits copy;
    for (auto it = in_a.rbegin(); it != in_a.rend(); ++it) copy.insert(*it);  // descending: grows at the front
    ASSERT_EQ(copy, a);
    // Many at once, shuffled and with repeats, into a set that may already hold some of them.
    std::vector<ActionId> many(in_a.begin(), in_a.end());
    many.insert(many.end(), in_a.begin(), in_a.end());
    std::shuffle(many.begin(), many.end(), engine);
    ActionBits at_once;
    if (!many.empty() && round % 2 == 0) at_once.insert(many[0]);
    at_once.insert(many);
    ASSERT_EQ(at_once, a);
    ASSERT_EQ(a == b, in_a == in_b);
    a.complement();
    ASSERT_EQ(ids_of(a).size(), action_count() - in_a.size());
    for (ActionId id : in_a) ASSERT_FALSE(a.contains(id));
  }
}

TEST(ActionBits, WhereHoldsTheActionsThePredicateNames) {
  auto odd = ActionBits::where([](ActionId id) { return id % 2 == 1; });
  auto ids = ids_of(odd);
  ASSERT_EQ(ids.size(), action_count() / 2);
  EXPECT_EQ(ids.front(), 1u);
  const auto last = static_cast<ActionId>(action_count() - 1);
  EXPECT_TRUE(odd.contains(last % 2 == 1 ? last : last - 1));
  ActionBits inserted;
  for (ActionId id : ids) inserted.insert(id);
  EXPECT_EQ(odd, inserted);
  EXPECT_EQ(ActionBits::where([](ActionId) { return false; }), ActionBits{});
}

TEST(ActionBits, EmptySetsAreEqualHoweverTheyGotThere) {
  ActionBits empty, emptied;
  emptied.insert(300);
  emptied.insert(5000);
  emptied.erase(300);
  emptied.erase(5000);
  EXPECT_EQ(empty, emptied);
  EXPECT_TRUE(ids_of(emptied).empty());
  EXPECT_FALSE(empty.contains(0));
  ActionBits all;
  all.complement();
  EXPECT_EQ(ids_of(all).size(), action_count());
  EXPECT_TRUE(ids_of(empty, &all).empty());
}

}  // namespace
}  // namespace mfalint::catalog
