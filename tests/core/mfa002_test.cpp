// MFA002: failing and passing fixtures.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

size_t count(const std::string& statement) {
  auto file = testing::load(testing::policy_with(statement));
  return testing::with_rule(file.findings, "MFA002").size();
}

TEST(MFA002, DenyOnPresentFalseWithoutIfExists) { EXPECT_EQ(count(R"({"Effect": "Deny", "NotAction": "iam:EnableMFADevice", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}})"), 1u); }

TEST(MFA002, StringEqualsTooAndFixIsIfExists) { EXPECT_EQ(count(R"({"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:MultiFactorAuthPresent": "false"}}})"), 1u); }

TEST(MFA002, BoolIfExistsIsRight) { EXPECT_EQ(count(R"({"Effect": "Deny", "NotAction": "iam:EnableMFADevice", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})"), 0u); }

TEST(MFA002, AnAllowIsNotThisRule) { EXPECT_EQ(count(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})"), 0u); }

TEST(MFA002, FindingIsAtTheOperatorAndTheFixAddsIfExists) {
  auto file = testing::load(testing::policy_with(R"({"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:MultiFactorAuthPresent": "false"}}})"));
  EXPECT_THAT(testing::placed_fixes(file, "MFA002"), ::testing::ElementsAre("1:106 \"StringEqualsIfExists\""));
}

}  // namespace
}  // namespace mfalint
