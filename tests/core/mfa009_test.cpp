// MFA009: failing and passing fixtures.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

size_t count(const std::string& statement) {
  auto file = testing::load(testing::policy_with(statement));
  return testing::with_rule(file.findings, "MFA009").size();
}

TEST(MFA009, DenyAlsoNeedsARegion) { EXPECT_EQ(count(R"({"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}, "StringEquals": {"aws:RequestedRegion": "eu-west-1"}}})"), 1u); }

TEST(MFA009, DenyOnMfaAloneIsRight) { EXPECT_EQ(count(R"({"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})"), 0u); }

TEST(MFA009, AnAllowIsNotThisRule) { EXPECT_EQ(count(R"({"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}, "StringEquals": {"aws:RequestedRegion": "eu-west-1"}}})"), 0u); }

TEST(MFA009, FindingIsAtTheConditionObjectWithNoFix) {
  auto file = testing::load(testing::policy_with(R"({"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}, "StringEquals": {"aws:RequestedRegion": "eu-west-1"}}})"));
  EXPECT_THAT(testing::placed_fixes(file, "MFA009"), ::testing::ElementsAre("1:105 (no fix)"));
}

}  // namespace
}  // namespace mfalint
