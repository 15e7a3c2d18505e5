// MFA006: failing and passing fixtures.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

size_t count(const std::string& statement) {
  auto file = testing::load(testing::policy_with(statement));
  return testing::with_rule(file.findings, "MFA006").size();
}

TEST(MFA006, AgeBelowZero) { EXPECT_EQ(count(R"({"Effect": "Allow", "Action": "ec2:TerminateInstances", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "0"}}})"), 1u); }

TEST(MFA006, ContradictoryAges) { EXPECT_EQ(count(R"({"Effect": "Allow", "Action": "ec2:TerminateInstances", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "300"}, "NumericGreaterThan": {"aws:MultiFactorAuthAge": "600"}}})"), 1u); }

TEST(MFA006, PresentWithoutAge) { EXPECT_EQ(count(R"({"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}, "Null": {"aws:MultiFactorAuthAge": "true"}}})"), 1u); }

TEST(MFA006, AWindowIsFine) { EXPECT_EQ(count(R"({"Effect": "Allow", "Action": "ec2:TerminateInstances", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "600"}, "NumericGreaterThan": {"aws:MultiFactorAuthAge": "0"}}})"), 0u); }

TEST(MFA006, FindingIsAtTheConditionObjectWithNoFix) {
  auto file = testing::load(testing::policy_with(R"({"Effect": "Allow", "Action": "ec2:TerminateInstances", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "0"}}})"));
  EXPECT_THAT(testing::placed_fixes(file, "MFA006"), ::testing::ElementsAre("1:127 (no fix)"));
}

// A service's or identity provider's request carries no MFA keys: requiring MFA of it shuts it out.
TEST(MFA006, MfaRequiredOfAServiceOnly) { EXPECT_EQ(count(R"({"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::logs/*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})"), 1u); }

TEST(MFA006, MfaRequiredOfAFederatedProviderOnly) { EXPECT_EQ(count(R"({"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/idp"}, "Action": "sts:AssumeRoleWithSAML", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})"), 1u); }

TEST(MFA006, AServiceNextToAnAccountCanBeMet) { EXPECT_EQ(count(R"({"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com", "AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::logs/*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})"), 0u); }

TEST(MFA006, AServiceDenyWithIfExistsApplies) { EXPECT_EQ(count(R"({"Effect": "Deny", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})"), 0u); }

}  // namespace
}  // namespace mfalint
