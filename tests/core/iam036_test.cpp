// IAM036 policy-variable-syntax.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using testing::codes_of;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::load;
using testing::load_as;
using testing::policy_with;

std::vector<std::string> codes_for_resource(const std::string& resource) {
  auto file = load(policy_with(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": ")" + resource + R"("})"));
  return codes_of(file.findings, "IAM036");
}

TEST(Iam036, MissingBrace) {
  EXPECT_THAT(codes_for_resource("arn:aws:s3:::home/${aws:username"), ElementsAre("MISSING_BRACE_IN_VARIABLE"));
  EXPECT_THAT(codes_for_resource("arn:aws:s3:::home/${aws:username/${aws:userid}"),
              ElementsAre("MISSING_BRACE_IN_VARIABLE"));
  EXPECT_THAT(codes_for_resource("arn:aws:s3:::home/${aws:username}/*"), IsEmpty());
}

TEST(Iam036, MissingQuote) {
  EXPECT_THAT(codes_for_resource("arn:aws:s3:::b-${aws:PrincipalTag/team, company-wide}"),
              ElementsAre("MISSING_QUOTE_IN_VARIABLE"));
  EXPECT_THAT(codes_for_resource("arn:aws:s3:::b-${aws:PrincipalTag/team, 'company-wide}"),
              ElementsAre("MISSING_QUOTE_IN_VARIABLE"));
  // AWS's own example, and the same without the space after the comma.
  EXPECT_THAT(codes_for_resource("arn:aws:s3:::b-${aws:PrincipalTag/team, 'company-wide'}"), IsEmpty());
  EXPECT_THAT(codes_for_resource("arn:aws:s3:::b-${aws:PrincipalTag/team,'company wide'}"), IsEmpty());
}

TEST(Iam036, SpaceInTheName) {
  EXPECT_THAT(codes_for_resource("arn:aws:s3:::home/${aws: username}"), ElementsAre("UNSUPPORTED_SPACE_IN_VARIABLE"));
  EXPECT_THAT(codes_for_resource("arn:aws:s3:::home/${aws:username , 'x'}"),
              ElementsAre("UNSUPPORTED_SPACE_IN_VARIABLE"));
  // A space in the default value is allowed.
  EXPECT_THAT(codes_for_resource("arn:aws:s3:::home/${aws:username, 'no one'}"), IsEmpty());
}

TEST(Iam036, EmptyVariable) {
  EXPECT_THAT(codes_for_resource("arn:aws:s3:::home/${}"), ElementsAre("EMPTY_VARIABLE"));
  EXPECT_THAT(codes_for_resource("arn:aws:s3:::home/${ }"), ElementsAre("EMPTY_VARIABLE"));
  // The escapes are not variables.
  EXPECT_THAT(codes_for_resource("arn:aws:s3:::home/${*}${?}${$}"), IsEmpty());
}

TEST(Iam036, ConditionValuesOfStringAndArnOperatorsAreJudgedToo) {
  auto file = load(policy_with(
      R"({"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*",
      "Condition": {"StringLike": {"s3:prefix": "home/${aws:username/*"},
                    "ArnLike": {"aws:SourceArn": "arn:aws:sns:*:*:${}"}}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM036"), ElementsAre("MISSING_BRACE_IN_VARIABLE", "EMPTY_VARIABLE"));
}

TEST(Iam036, VariableInPrincipalOrConditionKey) {
  auto file = load(policy_with(R"({"Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:user/${aws:username}"},
      "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
      "Condition": {"StringEquals": {"aws:PrincipalTag/${aws:username}": "yes"}}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM036"),
              ElementsAre("VARIABLE_UNSUPPORTED_IN_ELEMENT", "VARIABLE_UNSUPPORTED_IN_ELEMENT"));
}

TEST(Iam036, VariableInAResourcePolicySid) {
  auto file = load_as(model::PolicyKind::Resource, policy_with(R"({"Sid": "Home ${aws:username}", "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})"),
                      "AWS::S3::Bucket");
  EXPECT_THAT(codes_of(file.findings, "IAM036"), ElementsAre("VARIABLE_UNSUPPORTED_IN_ELEMENT"));
}

TEST(Iam036, VariablesWhereTheyBelongAreFine) {
  auto file = load(policy_with(R"({"Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
      "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b",
      "Condition": {"StringLike": {"s3:prefix": ["home/${aws:username}/*", "${*}"]},
                    "StringEquals": {"aws:PrincipalTag/team": "${aws:ResourceTag/team}"}}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM036"), IsEmpty());
}

TEST(Iam036, VariableInActionIsLeftToIam101) {
  auto file = load(policy_with(R"({"Effect": "Allow", "Action": "s3:${aws:username}", "Resource": "*"})"));
  EXPECT_THAT(codes_of(file.findings, "IAM036"), IsEmpty());
  EXPECT_THAT(testing::rules_of(file.findings), ::testing::Contains("IAM101"));
}

TEST(Iam036, InvalidVariableForOperator) {
  auto file = load(policy_with(
      R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
      "Condition": {"Bool": {"aws:SecureTransport": "${aws:ViaAWSService}"},
                    "BinaryEquals": {"s3:ExistingObjectTag/key": "${aws:username}"}}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM036"),
              ElementsAre("INVALID_VARIABLE_FOR_OPERATOR", "INVALID_VARIABLE_FOR_OPERATOR"));
}

TEST(Iam036, NumericDateAndIpVariablesAreIam015s) {
  auto file = load(policy_with(
      R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
      "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "${aws:EpochTime}"},
                    "IpAddress": {"aws:SourceIp": "${aws:username}"}}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM036"), IsEmpty());
  EXPECT_THAT(codes_of(file.findings, "IAM015"), ElementsAre("TYPE_MISMATCH_NUMBER", "TYPE_MISMATCH_IP_RANGE"));
}

TEST(Iam036, OldGrammarIsIam005s) {
  auto file = load(
      R"({"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::home/${aws:username"}]})");
  EXPECT_THAT(codes_of(file.findings, "IAM036"), IsEmpty());
}

}  // namespace
}  // namespace mfalint
