// MFA003: failing and passing fixtures.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

size_t count(const std::string& statement) {
  auto file = testing::load(testing::policy_with(statement));
  return testing::with_rule(file.findings, "MFA003").size();
}

TEST(MFA003, BoolIfExistsInAnAllow) { EXPECT_EQ(count(R"({"Effect": "Allow", "Action": "iam:*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}}})"), 1u); }

TEST(MFA003, NumericIfExistsInAnAllow) { EXPECT_EQ(count(R"({"Effect": "Allow", "Action": "iam:*", "Resource": "*", "Condition": {"NumericLessThanIfExists": {"aws:MultiFactorAuthAge": "600"}}})"), 1u); }

TEST(MFA003, PlainBoolIsRight) { EXPECT_EQ(count(R"({"Effect": "Allow", "Action": "iam:*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})"), 0u); }

TEST(MFA003, IfExistsInADenyIsRight) { EXPECT_EQ(count(R"({"Effect": "Deny", "Action": "iam:*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})"), 0u); }

TEST(MFA003, FindingIsAtTheOperatorAndTheFixDropsIfExists) {
  auto file = testing::load(testing::policy_with(R"({"Effect": "Allow", "Action": "iam:*", "Resource": "*", "Condition": {"NumericLessThanIfExists": {"aws:MultiFactorAuthAge": "600"}}})"));
  EXPECT_THAT(testing::placed_fixes(file, "MFA003"), ::testing::ElementsAre("1:111 \"NumericLessThan\""));
}

}  // namespace
}  // namespace mfalint
