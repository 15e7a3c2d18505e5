// MFA005: failing and passing fixtures.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

size_t count(const std::string& statement) {
  auto file = testing::load(testing::policy_with(statement));
  return testing::with_rule(file.findings, "MFA005").size();
}

TEST(MFA005, DenyOnAgeWithoutIfExists) { EXPECT_EQ(count(R"({"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"NumericGreaterThan": {"aws:MultiFactorAuthAge": "3600"}}})"), 1u); }

TEST(MFA005, IfExistsIsRight) { EXPECT_EQ(count(R"({"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"NumericGreaterThanIfExists": {"aws:MultiFactorAuthAge": "3600"}}})"), 0u); }

TEST(MFA005, AnAllowIsNotThisRule) { EXPECT_EQ(count(R"({"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}})"), 0u); }

TEST(MFA005, FindingIsAtTheOperatorAndTheFixAddsIfExists) {
  auto file = testing::load(testing::policy_with(R"({"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"NumericGreaterThan": {"aws:MultiFactorAuthAge": "3600"}}})"));
  EXPECT_THAT(testing::placed_fixes(file, "MFA005"), ::testing::ElementsAre("1:106 \"NumericGreaterThanIfExists\""));
}

}  // namespace
}  // namespace mfalint
