// IAM024: a Principal where the policy type takes none, one an RCP refuses, a federated provider
// outside a trust policy, a resource or trust statement without one.
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

std::vector<std::string> codes(PolicyKind kind, const std::string& statement) {
  return codes_of(load_as(kind, policy_with(statement)).findings, "IAM024");
}

TEST(Iam024, PrincipalInAnIdentityPolicy) {
  EXPECT_THAT(codes(PolicyKind::Identity, R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "*"})"),
              ElementsAre("UNSUPPORTED_PRINCIPAL"));
  EXPECT_THAT(codes(PolicyKind::Boundary, R"({"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "*"})"),
              ElementsAre("UNSUPPORTED_PRINCIPAL"));
}

TEST(Iam024, IdentityPolicyWithoutPrincipalIsRight) {
  EXPECT_THAT(codes(PolicyKind::Identity, R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})"), IsEmpty());
}

TEST(Iam024, PrincipalInAnScp) {
  EXPECT_THAT(codes(PolicyKind::ServiceControl, R"({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"})"),
              ElementsAre("SCP_SYNTAX_ERROR_PRINCIPAL"));
  EXPECT_THAT(codes(PolicyKind::ServiceControl, R"({"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/admin"}}})"),
              IsEmpty());
}

TEST(Iam024, RcpTakesOnlyTheBareWildcardPrincipal) {
  EXPECT_THAT(codes(PolicyKind::ResourceControl, R"({"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "s3:*", "Resource": "*"})"),
              ElementsAre("RCP_SYNTAX_ERROR_PRINCIPAL"));
  EXPECT_THAT(codes(PolicyKind::ResourceControl, R"({"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "*"})"),
              ElementsAre("RCP_SYNTAX_ERROR_PRINCIPAL"));
  EXPECT_THAT(codes(PolicyKind::ResourceControl, R"({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}})"),
              IsEmpty());
}

TEST(Iam024, FederatedPrincipalInABucketPolicy) {
  EXPECT_THAT(codes(PolicyKind::Resource, R"({"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/corp"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"})"),
              ElementsAre("FEDERATED_PRINCIPAL_NOT_SUPPORTED"));
  EXPECT_THAT(codes(PolicyKind::Resource, R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"})"),
              IsEmpty());
}

TEST(Iam024, FederatedPrincipalInATrustPolicyIsRight) {
  EXPECT_THAT(codes(PolicyKind::Trust, R"({"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/corp"}, "Action": "sts:AssumeRoleWithSAML"})"),
              IsEmpty());
}

TEST(Iam024, ResourceOrTrustStatementWithoutPrincipal) {
  auto file = load_as(PolicyKind::Resource, R"({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"},
    {"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::reports/*"}]})");
  EXPECT_THAT(codes_of(file.findings, "IAM024"), ElementsAre("MISSING_PRINCIPAL"));
  EXPECT_THAT(codes(PolicyKind::Trust, R"({"Effect": "Allow", "Action": "sts:AssumeRole"})"), ElementsAre("MISSING_PRINCIPAL"));
  EXPECT_THAT(codes(PolicyKind::Trust, R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"})"),
              IsEmpty());
}

}  // namespace
}  // namespace mfalint
