// IAM028: OIDC trust without conditions on the provider's claims.
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

constexpr const char* kGitHub = R"("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com")";
constexpr const char* kEks = R"("arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC")";

std::vector<std::string> codes(const std::string& provider, const std::string& condition) {
  std::string statement = R"({"Effect": "Allow", "Principal": {"Federated": )" + provider +
                          R"(}, "Action": "sts:AssumeRoleWithWebIdentity")" +
                          (condition.empty() ? "" : ", \"Condition\": " + condition) + "}";
  return codes_of(load_as(PolicyKind::Trust, policy_with(statement)).findings, "IAM028");
}

TEST(Iam028, GitHubWithoutSubject) {
  EXPECT_THAT(codes(kGitHub, R"({"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}})"),
              ElementsAre("MISSING_GITHUB_REPO_CONDITION_KEY"));
  EXPECT_THAT(codes(kGitHub, ""), ElementsAre("MISSING_GITHUB_REPO_CONDITION_KEY"));
}

TEST(Iam028, GitHubWithRepositoryAndBranchIsRight) {
  EXPECT_THAT(codes(kGitHub, R"({"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": "repo:octo-org/app:ref:refs/heads/main"}})"),
              IsEmpty());
}

TEST(Iam028, WildcardInTheGitHubSubjectIsAWarning) {
  auto file = load_as(PolicyKind::Trust, policy_with(R"({"Effect": "Allow", "Principal": {"Federated": "token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:octo-org/*"}}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM028"), ElementsAre("SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED"));
  EXPECT_EQ(testing::with_rule(file.findings, "IAM028").at(0).severity, Severity::Warning);
}

TEST(Iam028, SubjectWithoutBranchAndABranchInRefIsRight) {
  EXPECT_THAT(codes(kGitHub, R"({"StringLike": {"token.actions.githubusercontent.com:sub": "repo:octo-org/app:*"}, "StringEquals": {"token.actions.githubusercontent.com:ref": "refs/heads/main"}})"),
              IsEmpty());
  // Without the ref condition, the wildcard takes any branch.
  EXPECT_THAT(codes(kGitHub, R"({"StringLike": {"token.actions.githubusercontent.com:sub": "repo:octo-org/app:*"}})"),
              ElementsAre("SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED"));
}

TEST(Iam028, OtherOidcProviderWithoutItsClaims) {
  EXPECT_THAT(codes(kEks, ""), ElementsAre("MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL"));
  EXPECT_THAT(codes(kEks, R"({"StringEquals": {"aws:RequestedRegion": "eu-west-1"}})"), ElementsAre("MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL"));
  EXPECT_THAT(codes(kEks, R"({"StringEquals": {"oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:ns:app"}})"), IsEmpty());
}

TEST(Iam028, SamlProvidersAreNotJudged) {
  EXPECT_THAT(codes(R"("arn:aws:iam::111122223333:saml-provider/corp")", ""), IsEmpty());
}

TEST(Iam028, SetQualifiersOnTheAudience) {
  EXPECT_THAT(codes(R"("accounts.google.com")", R"({"ForAnyValue:StringEquals": {"accounts.google.com:aud": "client-id"}})"),
              ElementsAre("FORANYVALUE_WITH_AUDIENCE_CLAIM_TYPE"));
  auto file = load_as(PolicyKind::Trust, policy_with(R"({"Effect": "Allow", "Principal": {"Federated": )" + std::string(kEks) + R"(}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"ForAllValues:StringEquals": {"oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"}}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM028"), ElementsAre("CONFIRM_AUDIENCE_CLAIM_TYPE"));
  EXPECT_EQ(testing::with_rule(file.findings, "IAM028").at(0).severity, Severity::Note);
  // A key the catalog types as single-valued under ForAllValues is IAM031's.
  EXPECT_THAT(codes(R"("accounts.google.com")", R"({"ForAllValues:StringEquals": {"accounts.google.com:aud": "client-id"}})"), IsEmpty());
  EXPECT_THAT(codes(R"("accounts.google.com")", R"({"StringEquals": {"accounts.google.com:aud": "client-id"}})"), IsEmpty());
}

}  // namespace
}  // namespace mfalint
