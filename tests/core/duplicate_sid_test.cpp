// IAM011 duplicate Sid.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using testing::load;
using testing::policy_with;
using testing::rules_of;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(DuplicateSid, IAM011PointsAtTheSecond) {
  auto file = load(policy_with(R"({"Sid": "A", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                                   {"Sid": "A", "Effect": "Deny", "Action": "s3:*", "Resource": "*"})"));
  ASSERT_THAT(rules_of(file.findings), ElementsAre("IAM011"));
  EXPECT_EQ(file.findings[0].loc.line, 2u);
  EXPECT_EQ(*file.findings[0].statement, 1u);
  EXPECT_EQ(file.findings[0].sid, "A");
}

TEST(DuplicateSid, DistinctSidsAndMissingSidsAreFine) {
  auto file = load(policy_with(R"({"Sid": "A", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                                   {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                                   {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                                   {"Sid": "a", "Effect": "Allow", "Action": "s3:*", "Resource": "*"})"));
  EXPECT_THAT(testing::with_rule(file.findings, "IAM011"), IsEmpty());
}

}  // namespace
}  // namespace mfalint
