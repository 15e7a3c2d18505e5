// MFA010: failing and passing fixtures.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

size_t count(const std::string& statement) {
  auto file = testing::load(testing::policy_with(statement));
  return testing::with_rule(file.findings, "MFA010").size();
}

TEST(MFA010, AccountRootWithoutMfa) { EXPECT_EQ(count(R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"})"), 1u); }

TEST(MFA010, WildcardActionWithIfExists) { EXPECT_EQ(count(R"({"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:user/a"]}, "Action": "sts:*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}}})"), 1u); }

TEST(MFA010, WithMfaIsRight) { EXPECT_EQ(count(R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})"), 0u); }

TEST(MFA010, ServicePrincipalIsNotAFinding) { EXPECT_EQ(count(R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"})"), 0u); }

TEST(MFA010, FederatedIsNotAFinding) { EXPECT_EQ(count(R"({"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/idp"}, "Action": "sts:AssumeRoleWithSAML"})"), 0u); }

TEST(MFA010, FindingIsAtThePrincipalObjectAndTheFixRequiresMfa) {
  auto file = testing::load(testing::policy_with(R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"})"));
  EXPECT_THAT(testing::placed_fixes(file, "MFA010"), ::testing::ElementsAre("1:74 \"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}"));
}

}  // namespace
}  // namespace mfalint
