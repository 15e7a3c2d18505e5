#include "catalog/action_bits.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace mfalint::catalog
