// MFA004: failing and passing fixtures.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

size_t count(const std::string& statement) {
  auto file = testing::load(testing::policy_with(statement));
  return testing::with_rule(file.findings, "MFA004").size();
}

TEST(MFA004, NullAgeTrue) { EXPECT_EQ(count(R"({"Effect": "Allow", "Action": "s3:DeleteObject", "Resource": "*", "Condition": {"Null": {"aws:MultiFactorAuthAge": "true"}}})"), 1u); }

TEST(MFA004, PresentFalse) { EXPECT_EQ(count(R"({"Effect": "Allow", "Action": "s3:DeleteObject", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}})"), 1u); }

TEST(MFA004, AgeGreaterThan) { EXPECT_EQ(count(R"({"Effect": "Allow", "Action": "s3:DeleteObject", "Resource": "*", "Condition": {"NumericGreaterThan": {"aws:MultiFactorAuthAge": "3600"}}})"), 1u); }

TEST(MFA004, NullAgeFalseIsRight) { EXPECT_EQ(count(R"({"Effect": "Allow", "Action": "s3:DeleteObject", "Resource": "*", "Condition": {"Null": {"aws:MultiFactorAuthAge": "false"}}})"), 0u); }

TEST(MFA004, TheSameInADenyIsRight) { EXPECT_EQ(count(R"({"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*", "Condition": {"NumericGreaterThanIfExists": {"aws:MultiFactorAuthAge": "3600"}}})"), 0u); }

TEST(MFA004, FindingIsAtTheOperatorAndTheFixRequiresMfa) {
  auto file = testing::load(testing::policy_with(R"({"Effect": "Allow", "Action": "s3:DeleteObject", "Resource": "*", "Condition": {"NumericGreaterThan": {"aws:MultiFactorAuthAge": "3600"}}})"));
  EXPECT_THAT(testing::placed_fixes(file, "MFA004"), ::testing::ElementsAre("1:121 \"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}"));
}

}  // namespace
}  // namespace mfalint
