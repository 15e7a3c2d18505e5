#include "analysis/age_set.h"

#include <gtest/gtest.h>

namespace mfalint::analysis {
namespace {

TEST(AgeSet, UnionMergesOverlappingAndAdjacentIntervals) {
  auto set = AgeSet::range(0, 5).unite(AgeSet::range(6, 9)).unite(AgeSet::range(20, 30)).unite(AgeSet::range(25, 40));
  EXPECT_EQ(set.to_json(), "[[0, 9], [20, 40]]");
}

TEST(AgeSet, IntersectMinusAndComplement) {
  auto allow = AgeSet::range(0, 599);
  auto deny = AgeSet::range(0, 299);
  EXPECT_EQ(allow.minus(deny).to_json(), "[[300, 599]]");
  EXPECT_EQ(AgeSet::all().to_json(), "[[0, null]]");
  EXPECT_EQ(AgeSet::range(10, 20).complement().to_json(), "[[0, 9], [21, null]]");
  EXPECT_EQ(AgeSet::all().complement().to_json(), "[]");
  EXPECT_EQ(AgeSet::none().complement(), AgeSet::all());
  EXPECT_EQ(AgeSet::range(5, AgeSet::kUnbounded).intersect(AgeSet::range(0, 7)).to_json(), "[[5, 7]]");
}

TEST(AgeSet, NegativeAgesDoNotExist) {
  EXPECT_TRUE(AgeSet::range(-10, -1).empty());
  EXPECT_EQ(AgeSet::range(-10, 3).to_json(), "[[0, 3]]");
}

TEST(AgeSet, DescribesItselfForPeople) {
  EXPECT_EQ(AgeSet::range(0, 599).describe(), "up to 599 s");
  EXPECT_EQ(AgeSet::all().describe(), "any age");
  EXPECT_EQ(AgeSet::none().describe(), "never");
  EXPECT_EQ(AgeSet::range(300, AgeSet::kUnbounded).describe(), "300 s or older");
}

}  // namespace
}  // namespace mfalint::analysis
