// MFA007: failing and passing fixtures.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

size_t count(const std::string& statement) {
  auto file = testing::load(testing::policy_with(statement));
  return testing::with_rule(file.findings, "MFA007").size();
}

TEST(MFA007, StringOperatorOnTheAge) { EXPECT_EQ(count(R"({"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringLike": {"aws:MultiFactorAuthAge": "6*"}, "StringEquals": {"aws:MultiFactorAuthAge": "600"}}})"), 2u); }

TEST(MFA007, NumericOperatorOnPresent) { EXPECT_EQ(count(R"({"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"NumericEquals": {"aws:MultiFactorAuthPresent": "1"}}})"), 1u); }

TEST(MFA007, MisspelledAge) { EXPECT_EQ(count(R"({"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAgee": "600"}}})"), 1u); }

TEST(MFA007, AbbreviatedPresent) { EXPECT_EQ(count(R"({"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"Bool": {"aws:MFAPresent": "true"}}})"), 1u); }

TEST(MFA007, RightTypesAndNames) { EXPECT_EQ(count(R"({"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "600"}, "Bool": {"aws:MultiFactorAuthPresent": "true"}, "StringEquals": {"aws:PrincipalTag/team": "ops"}}})"), 0u); }

TEST(MFA007, FindingIsAtTheMisspelledKeyAndTheFixNamesTheRightOne) {
  auto file = testing::load(testing::policy_with(R"({"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAgee": "600"}}})"));
  EXPECT_THAT(testing::placed_fixes(file, "MFA007"), ::testing::ElementsAre("1:137 \"aws:MultiFactorAuthAge\""));
}

}  // namespace
}  // namespace mfalint
