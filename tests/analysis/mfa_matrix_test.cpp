// The MFA matrix: AWS's documented MFA policies, the escapes mfalint exists to find, and the
// number forms the evaluator reads.
#include "analysis/mfa_matrix.h"
#include "eval/eval_support.h"

#include <gtest/gtest.h>

namespace mfalint::analysis {
namespace {

using eval::Decision;
using eval::testing::Policies;
using eval::testing::statement_policy;

eval::Request get_object(std::initializer_list<std::pair<std::string, std::string>> context = {}) {
  return eval::testing::request("s3:GetObject", "arn:aws:s3:::example/a.txt", context);
}

// The matrix of one identity policy made of `statements`.
MfaMatrix matrix_of(const std::string& statements, const eval::Request& request = get_object()) {
  Policies policies;
  eval::PolicySet set;
  set.identity.push_back(policies.add(statement_policy(statements)));
  return mfa_matrix(set, request);
}

// The allowed ages of an Allow of s3:GetObject whose Condition is `condition`.
std::string ages_of(const std::string& condition) {
  return matrix_of(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": )" + condition + "}")
      .allowed_mfa_ages.to_json();
}

std::string kinds(const MfaMatrix& m) {
  return std::string(eval::decision_name(m.long_term_keys)) + " " + std::string(eval::decision_name(m.session_without_mfa));
}

TEST(MfaMatrix, DocumentedNullAgeFalseAllowsEveryMfaAgeAndNothingElse) {
  auto m = matrix_of(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example/*",
                         "Condition": {"Null": {"aws:MultiFactorAuthAge": "false"}}})");
  EXPECT_EQ(m.allowed_mfa_ages.to_json(), "[[0, null]]");
  EXPECT_EQ(kinds(m), "ImplicitDeny ImplicitDeny");
  EXPECT_TRUE(m.is_protected);
  EXPECT_FALSE(m.exact_through);
}

TEST(MfaMatrix, DocumentedNumericLessThanBoundsTheWindow) {
  EXPECT_EQ(ages_of(R"({"NumericLessThan": {"aws:MultiFactorAuthAge": "600"}})"), "[[0, 599]]");
}

TEST(MfaMatrix, ADenyCutsTheYoungAgesOut) {
  auto m = matrix_of(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                         "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "600"}}},
                        {"Effect": "Deny", "Action": "s3:*", "Resource": "*",
                         "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "300"}}})");
  EXPECT_EQ(m.allowed_mfa_ages.to_json(), "[[300, 599]]");
  EXPECT_EQ(kinds(m), "ImplicitDeny ImplicitDeny");
  EXPECT_TRUE(m.is_protected);
}

// AWS's "allows MFA-authenticated IAM users to manage their own MFA device" policy, abridged:
// everything but the MFA set-up actions is denied unless the request carries MFA.
const char* kSelfService = R"(
  {"Sid": "AllowS3", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
  {"Sid": "AllowManageOwnPasswordAndMfa", "Effect": "Allow",
   "Action": ["iam:ChangePassword", "iam:GetUser", "iam:CreateVirtualMFADevice", "iam:EnableMFADevice",
              "iam:ListMFADevices", "iam:ResyncMFADevice"],
   "Resource": ["arn:aws:iam::*:user/${aws:username}", "arn:aws:iam::*:mfa/*"]},
  {"Sid": "BlockMostAccessUnlessSignedInWithMFA", "Effect": "Deny",
   "NotAction": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices",
                 "iam:ListVirtualMFADevices", "iam:ResyncMFADevice", "sts:GetSessionToken", "iam:ChangePassword",
                 "iam:GetAccountPasswordPolicy"],
   "Resource": "*",
   "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})";

TEST(MfaMatrix, SelfServicePolicyDeniesOtherActionsToBothKindsWithoutMfa) {
  auto m = matrix_of(kSelfService);
  EXPECT_EQ(kinds(m), "ExplicitDeny ExplicitDeny");
  EXPECT_EQ(m.allowed_mfa_ages.to_json(), "[[0, null]]");
  EXPECT_TRUE(m.is_protected);
}

TEST(MfaMatrix, SelfServicePolicyLeavesMfaSetUpOpenWithoutMfa) {
  auto m = matrix_of(kSelfService, eval::testing::request("iam:ChangePassword", "arn:aws:iam::111111111111:user/alice",
                                                          {{"aws:username", "alice"}}));
  EXPECT_EQ(kinds(m), "Allowed Allowed");
  EXPECT_EQ(m.allowed_mfa_ages.to_json(), "[[0, null]]");
  EXPECT_FALSE(m.is_protected);
}

TEST(MfaMatrix, DenyOnPresentFalseWithoutIfExistsLetsLongTermKeysThrough) {
  auto m = matrix_of(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
                        {"Effect": "Deny", "Action": "*", "Resource": "*",
                         "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}})");
  EXPECT_EQ(kinds(m), "Allowed ExplicitDeny");
  EXPECT_EQ(m.allowed_mfa_ages.to_json(), "[[0, null]]");
  EXPECT_FALSE(m.is_protected);
}

TEST(MfaMatrix, IfExistsOnAnAllowLetsRequestsWithoutMfaThrough) {
  auto m = matrix_of(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                         "Condition": {"NumericLessThanIfExists": {"aws:MultiFactorAuthAge": "600"}}})");
  EXPECT_EQ(kinds(m), "Allowed Allowed");
  EXPECT_EQ(m.allowed_mfa_ages.to_json(), "[[0, 599]]");
  EXPECT_FALSE(m.is_protected);
}

TEST(MfaMatrix, DecimalsCutBetweenWholeSeconds) {
  EXPECT_EQ(ages_of(R"({"NumericLessThan": {"aws:MultiFactorAuthAge": "600.5"}})"), "[[0, 600]]");
  EXPECT_EQ(ages_of(R"({"NumericLessThanEquals": {"aws:MultiFactorAuthAge": 599.5}})"), "[[0, 599]]");
  EXPECT_EQ(ages_of(R"({"NumericGreaterThan": {"aws:MultiFactorAuthAge": "299.5"}})"), "[[300, null]]");
  EXPECT_EQ(ages_of(R"({"NumericEquals": {"aws:MultiFactorAuthAge": "600.5"}})"), "[]");
  // A whole number written as a decimal is the number, not the age's text.
  EXPECT_EQ(ages_of(R"({"NumericLessThanEquals": {"aws:MultiFactorAuthAge": "600.0"}})"), "[[0, 600]]");
  EXPECT_EQ(ages_of(R"({"NumericGreaterThanEquals": {"aws:MultiFactorAuthAge": "600.0"}})"), "[[600, null]]");
  EXPECT_EQ(ages_of(R"({"NumericNotEquals": {"aws:MultiFactorAuthAge": ["300", "600"]}})"),
            "[[0, 299], [301, 599], [601, null]]");
}

TEST(MfaMatrix, NegativeAndHugeConstants) {
  EXPECT_EQ(ages_of(R"({"NumericLessThan": {"aws:MultiFactorAuthAge": "-1"}})"), "[]");
  EXPECT_EQ(ages_of(R"({"NumericGreaterThanEquals": {"aws:MultiFactorAuthAge": "-0.5"}})"), "[[0, null]]");
  EXPECT_EQ(ages_of(R"({"NumericLessThan": {"aws:MultiFactorAuthAge": "99999999999999999999"}})"), "[[0, null]]");
  EXPECT_EQ(ages_of(R"({"NumericGreaterThan": {"aws:MultiFactorAuthAge": "99999999999999999999"}})"), "[]");
}

TEST(MfaMatrix, NumbersAreReadStrictlyAsTheEvaluatorReadsThem) {
  // Not numbers to AWS's evaluator (docs/evaluation.md): a comparison with them is false,
  // negated or not.
  EXPECT_EQ(ages_of(R"({"NumericLessThan": {"aws:MultiFactorAuthAge": "1e3"}})"), "[]");
  EXPECT_EQ(ages_of(R"({"NumericNotEquals": {"aws:MultiFactorAuthAge": "abc"}})"), "[]");
  EXPECT_EQ(ages_of(R"({"NumericLessThan": {"aws:MultiFactorAuthAge": ["abc", "600"]}})"), "[[0, 599]]");
}

TEST(MfaMatrix, AgesBeyondTwoToThe53ReadAsTheNearestDouble) {
  // 2^53 + 1 reads as 2^53, so both ages equal the constant; 2^53 + 2 does not.
  auto m = matrix_of(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                         "Condition": {"NumericEquals": {"aws:MultiFactorAuthAge": "9007199254740993"}}})");
  EXPECT_EQ(m.allowed_mfa_ages.to_json(), "[[9007199254740992, 9007199254740993]]");
}

TEST(MfaMatrix, StringOperatorsOnTheAgeMatchItsDecimalText) {
  EXPECT_EQ(ages_of(R"({"StringEquals": {"aws:MultiFactorAuthAge": "600"}})"), "[[600, 600]]");
  EXPECT_EQ(ages_of(R"({"StringEquals": {"aws:MultiFactorAuthAge": ["0600", "600.0"]}})"), "[]");
  EXPECT_EQ(ages_of(R"({"StringNotEquals": {"aws:MultiFactorAuthAge": "600"}})"), "[[0, 599], [601, null]]");
  EXPECT_EQ(ages_of(R"({"StringLike": {"aws:MultiFactorAuthAge": "600"}})"), "[[600, 600]]");
}

TEST(MfaMatrix, SetOperatorsOnTheSingleValuedAge) {
  EXPECT_EQ(ages_of(R"({"ForAnyValue:NumericLessThan": {"aws:MultiFactorAuthAge": "600"}})"), "[[0, 599]]");
  auto m = matrix_of(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                         "Condition": {"ForAllValues:NumericLessThan": {"aws:MultiFactorAuthAge": "600"}}})");
  // ForAllValues holds on an absent key: long-term keys and sessions without MFA get in.
  EXPECT_EQ(kinds(m), "Allowed Allowed");
  EXPECT_EQ(m.allowed_mfa_ages.to_json(), "[[0, 599]]");
}

TEST(MfaMatrix, DateOperatorsReadTheAgeAsEpochSeconds) {
  EXPECT_EQ(ages_of(R"({"DateLessThan": {"aws:MultiFactorAuthAge": "1970-01-01T00:10:00Z"}})"), "[[0, 599]]");
  EXPECT_EQ(ages_of(R"({"DateGreaterThan": {"aws:MultiFactorAuthAge": "1970-01-01T00:10:00.500Z"}})"),
            "[[601, 999999999999999]]");
}

TEST(MfaMatrix, AWildcardOnTheAgeIsComputedAgeByAgeUpToTheHorizon) {
  auto m = matrix_of(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                         "Condition": {"StringLike": {"aws:MultiFactorAuthAge": "6*"}}})");
  ASSERT_TRUE(m.exact_through);
  EXPECT_EQ(*m.exact_through, kMfaAgeScanHorizon);
  EXPECT_EQ(m.allowed_mfa_ages.to_json(), "[[6, 6], [60, 69], [600, 699], [6000, 6999], [60000, 69999]]");
}

TEST(MfaMatrix, AVariableThatReadsTheAgeIsComputedAgeByAge) {
  auto m = matrix_of(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example/${aws:MultiFactorAuthAge}"})",
                     eval::testing::request("s3:GetObject", "arn:aws:s3:::example/30"));
  ASSERT_TRUE(m.exact_through);
  EXPECT_EQ(m.allowed_mfa_ages.to_json(), "[[30, 30]]");
  EXPECT_EQ(kinds(m), "ImplicitDeny ImplicitDeny");
}

TEST(MfaMatrix, TheRequestsOwnMfaKeysAreIgnored) {
  auto m = matrix_of(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                         "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})",
                     get_object({{"AWS:MultiFactorAuthPresent", "true"}, {"aws:multifactorauthage", "5"}}));
  EXPECT_EQ(kinds(m), "ImplicitDeny ImplicitDeny");
  EXPECT_EQ(m.allowed_mfa_ages.to_json(), "[[0, null]]");
}

TEST(MfaMatrix, BoundariesAndScpsLimitTheWindow) {
  Policies policies;
  eval::PolicySet set;
  set.identity.push_back(policies.add(statement_policy(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})")));
  set.boundaries.push_back({policies.add(statement_policy(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*",
      "Condition": {"NumericGreaterThanEquals": {"aws:MultiFactorAuthAge": "10"}}})"))});
  set.scps.push_back({policies.add(statement_policy(R"({"Effect": "Allow", "Action": "*", "Resource": "*"},
      {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"NumericGreaterThanIfExists": {"aws:MultiFactorAuthAge": "3600"}}})"))});
  auto m = mfa_matrix(set, get_object());
  EXPECT_EQ(kinds(m), "ExplicitDeny ExplicitDeny");
  EXPECT_EQ(m.allowed_mfa_ages.to_json(), "[[10, 3600]]");
  EXPECT_TRUE(m.is_protected);
}

TEST(MfaMatrix, NoAllowAnywhereIsNotProtected) {
  auto m = matrix_of(R"({"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"})");
  EXPECT_EQ(kinds(m), "ImplicitDeny ImplicitDeny");
  EXPECT_TRUE(m.allowed_mfa_ages.empty());
  EXPECT_FALSE(m.is_protected);
}

}  // namespace
}  // namespace mfalint::analysis
