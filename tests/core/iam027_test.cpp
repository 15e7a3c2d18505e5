// IAM027: role trust policy grammar.
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

std::vector<std::string> codes(const std::string& statements, PolicyKind kind = PolicyKind::Trust) {
  return codes_of(load_as(kind, policy_with(statements)).findings, "IAM027");
}

constexpr const char* kSaml = R"("arn:aws:iam::111122223333:saml-provider/corp")";
constexpr const char* kOidc = R"("arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC")";

std::string federated(const std::string& provider, const std::string& action) {
  return R"({"Effect": "Allow", "Principal": {"Federated": )" + provider + R"(}, "Action": )" + action + "}";
}

TEST(Iam027, NotPrincipal) {
  EXPECT_THAT(codes(R"({"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"})"),
              ElementsAre("ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL"));
}

TEST(Iam027, ResourceOrNotResource) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole", "Resource": "*"},
                       {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:TagSession", "NotResource": "x"})"),
              ElementsAre("ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE", "ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE"));
}

TEST(Iam027, PlainTrustPolicyIsRight) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"})"), IsEmpty());
}

TEST(Iam027, BareWildcardPrincipal) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"})"),
              ElementsAre("ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL"));
  // IAM accepts {"AWS": "*"} in a trust policy (conditions then say who).
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}})"),
              IsEmpty());
  // A bucket policy may trust everyone.
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*"})", PolicyKind::Resource),
              IsEmpty());
}

TEST(Iam027, FederatedPrincipalThatNamesNoProvider) {
  EXPECT_THAT(codes(federated(R"(["arn:aws:iam::111122223333:role/corp", "corp idp", "arn:aws:iam::111122223333:saml-provider/*"])", R"("sts:AssumeRoleWithSAML")")),
              ElementsAre("INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY",
                          "INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY",
                          "INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY"));
  EXPECT_THAT(codes(federated(R"(["cognito-identity.amazonaws.com", "accounts.google.com"])", R"("sts:AssumeRoleWithWebIdentity")")),
              ::testing::Not(::testing::Contains("INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY")));
}

TEST(Iam027, ActionTheProviderCannotCall) {
  EXPECT_THAT(codes(federated(kSaml, R"(["sts:AssumeRoleWithWebIdentity", "sts:TagSession"])")),
              ElementsAre("MISMATCHED_ACTION_FOR_PRINCIPAL"));
  EXPECT_THAT(codes(federated(kOidc, R"("sts:AssumeRole")")), ElementsAre("MISMATCHED_ACTION_FOR_PRINCIPAL"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRoleWithSAML"})"),
              ElementsAre("MISMATCHED_ACTION_FOR_PRINCIPAL"));
}

TEST(Iam027, ActionsTheProvidersCanCallAreRight) {
  EXPECT_THAT(codes(federated(kSaml, R"(["sts:AssumeRoleWithSAML", "sts:TagSession", "sts:SetSourceIdentity"])")), IsEmpty());
  EXPECT_THAT(codes(federated(kOidc, R"(["sts:AssumeRoleWithWebIdentity", "sts:TagSession"])")), IsEmpty());
  EXPECT_THAT(codes(federated(kSaml, R"("sts:AssumeRole*")")), IsEmpty());
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": {"Federated": )" + std::string(kSaml) +
                    R"(, "AWS": "arn:aws:iam::111122223333:root"}, "Action": ["sts:AssumeRole", "sts:AssumeRoleWithSAML"]})"),
              IsEmpty());
}

TEST(Iam027, RolesAnywhereNeedsThreeActions) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": {"Service": "rolesanywhere.amazonaws.com"}, "Action": ["sts:AssumeRole", "sts:TagSession"]})"),
              ElementsAre("MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": {"Service": "rolesanywhere.amazonaws.com"}, "Action": ["sts:AssumeRole", "sts:TagSession"]},
                       {"Effect": "Allow", "Principal": {"Service": "rolesanywhere.amazonaws.com"}, "Action": "sts:SetSourceIdentity"})"),
              IsEmpty());
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": {"Service": "rolesanywhere.amazonaws.com"}, "Action": ["sts:AssumeRole", "sts:Set*", "sts:TagSession"]})"),
              IsEmpty());
}

TEST(Iam027, SessionBesideItsRoleIsANote) {
  auto file = load_as(PolicyKind::Trust, policy_with(R"({"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/ops/admin", "arn:aws:sts::111122223333:assumed-role/admin/jane"]}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM027"), ElementsAre("REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY"));
  EXPECT_EQ(testing::with_rule(file.findings, "IAM027").at(0).severity, Severity::Note);
  // Another account's role of the same name is another role.
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::444455556666:role/admin", "arn:aws:sts::111122223333:assumed-role/admin/jane"]}, "Action": "sts:AssumeRole"})"),
              IsEmpty());
}

}  // namespace
}  // namespace mfalint
