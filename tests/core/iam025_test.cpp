// IAM025: wildcards and malformed service principals, Principal with NotPrincipal, unique ids.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using model::PolicyKind;
using testing::codes_of;
using testing::load_as;
using testing::policy_with;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> codes(const std::string& principal, PolicyKind kind = PolicyKind::Resource) {
  return codes_of(load_as(kind, policy_with(R"({"Effect": "Allow", "Principal": )" + principal +
                                            R"(, "Action": "sqs:SendMessage", "Resource": "*"})"))
                      .findings,
                  "IAM025");
}

TEST(Iam025, WildcardInsideAnAwsPrincipal) {
  EXPECT_THAT(codes(R"({"AWS": ["arn:aws:iam::111122223333:role/deploy-*", "arn:aws:sts::111122223333:assumed-role/admin/?"]})"),
              ElementsAre("UNSUPPORTED_WILDCARD_IN_PRINCIPAL", "UNSUPPORTED_WILDCARD_IN_PRINCIPAL"));
  EXPECT_THAT(codes(R"({"Service": "*"})"), ElementsAre("UNSUPPORTED_WILDCARD_IN_PRINCIPAL"));
}

TEST(Iam025, BareWildcardAndNamedPrincipalsAreRight) {
  EXPECT_THAT(codes(R"({"AWS": "*"})"), IsEmpty());
  EXPECT_THAT(codes(R"("*")"), IsEmpty());
  EXPECT_THAT(codes(R"({"AWS": ["arn:aws:iam::111122223333:role/deploy-prod", "111122223333"]})"), IsEmpty());
}

TEST(Iam025, ServicePrincipalFormat) {
  EXPECT_THAT(codes(R"({"Service": ["lambda", "arn:aws:iam::111122223333:root", "Lambda.amazonaws.com"]})"),
              ElementsAre("INVALID_SERVICE_PRINCIPAL_FORMAT", "INVALID_SERVICE_PRINCIPAL_FORMAT",
                          "INVALID_SERVICE_PRINCIPAL_FORMAT"));
  auto file = load_as(PolicyKind::Resource, policy_with(R"({"Effect": "Allow", "Principal": {"Service": "Lambda.amazonaws.com"}, "Action": "sqs:SendMessage", "Resource": "*"})"));
  auto findings = testing::with_rule(file.findings, "IAM025");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].fix, "lambda.amazonaws.com");
}

TEST(Iam025, ServicePrincipalsOfEveryPartitionAreRight) {
  EXPECT_THAT(codes(R"({"Service": ["lambda.amazonaws.com", "logs.eu-west-1.amazonaws.com", "ec2.amazonaws.com.cn", "alexa-appkit.amazon.com"]})"),
              IsEmpty());
}

TEST(Iam025, PrincipalAndNotPrincipalTogether) {
  auto file = load_as(PolicyKind::Resource, policy_with(R"({"Effect": "Deny", "Principal": "*", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "*"})"));
  EXPECT_THAT(codes_of(file.findings, "IAM025"), ElementsAre("UNSUPPORTED_ELEMENT_COMBINATION"));
}

TEST(Iam025, UniqueIdsAreWarnings) {
  auto file = load_as(PolicyKind::Resource, policy_with(R"({"Effect": "Allow", "Principal": {"AWS": ["AROADBQP57FF2AEXAMPLE", "AIDACKCEVSQ6C2EXAMPLE"]}, "Action": "sqs:SendMessage", "Resource": "*"})"));
  EXPECT_THAT(codes_of(file.findings, "IAM025"), ElementsAre("INVALID_ROLE_REFERENCE", "INVALID_USER_REFERENCE"));
  for (const auto& finding : testing::with_rule(file.findings, "IAM025")) EXPECT_EQ(finding.severity, Severity::Warning);
  // An access key id and an account id are not a role's or user's id.
  EXPECT_THAT(codes(R"({"AWS": ["AKIAIOSFODNN7EXAMPLE", "111122223333"]})"), IsEmpty());
}

TEST(Iam025, IdentityPoliciesAreIam024s) {
  EXPECT_THAT(codes(R"({"AWS": "arn:aws:iam::111122223333:role/deploy-*"})", PolicyKind::Identity), IsEmpty());
}

TEST(Iam025, PlaceholdersAreNotJudged) {
  EXPECT_THAT(codes(R"({"Service": "${ServiceName}", "AWS": "arn:aws:iam::${AWS::AccountId}:root"})"), IsEmpty());
}

}  // namespace
}  // namespace mfalint
