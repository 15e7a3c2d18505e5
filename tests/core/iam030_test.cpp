// IAM030 condition operator of another type than its key.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using testing::codes_of;
using testing::load;
using testing::policy_with_condition;
using ::testing::ElementsAre;
using ::testing::IsEmpty;


TEST(Iam030, NumericOperatorOnStringKeyIsTypeMismatch) {
  auto file = load(policy_with_condition(R"({"NumericEquals": {"aws:SourceAccount": "123456789012"}})", "s3:GetObject"));
  EXPECT_THAT(codes_of(file.findings, "IAM030"), ElementsAre("TYPE_MISMATCH"));
  EXPECT_EQ(testing::with_rule(file.findings, "IAM030")[0].severity, Severity::Warning);
}

TEST(Iam030, StringOperatorOnIpKeyIsTypeMismatch) {
  auto file = load(policy_with_condition(R"({"StringEquals": {"aws:SourceIp": "203.0.113.0/24"}})", "s3:GetObject"));
  EXPECT_THAT(codes_of(file.findings, "IAM030"), ElementsAre("TYPE_MISMATCH"));
}

// AWS accepts text comparisons that work: String operators on ARN keys (other than StringLike),
// "true" as text on a boolean key, an ARN operator on a String key holding ARNs; Null on any key.
TEST(Iam030, MatchingOrAcceptedOperatorsAreSilent) {
  auto file = load(policy_with_condition(R"({
    "IpAddress": {"aws:SourceIp": "203.0.113.0/24"},
    "StringEquals": {"aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:t", "aws:SecureTransport": "true"},
    "ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/x", "kms:EncryptionContext:aws:s3:arn": "arn:aws:s3:::b"},
    "Null": {"aws:SourceIp": "false"}, "NumericLessThan": {"aws:EpochTime": "1700000000"}})", "s3:GetObject"));
  EXPECT_THAT(codes_of(file.findings, "IAM030"), IsEmpty());
}

// MFA007 reports the MFA keys, and IAM102 keys the catalog does not know.
TEST(Iam030, MfaAndUnknownKeysAreLeftToOtherRules) {
  auto file = load(policy_with_condition(R"({"StringEquals": {"aws:MultiFactorAuthAge": "300",
                                                       "aws:NoSuchKey": "1"}})", "s3:GetObject"));
  EXPECT_THAT(codes_of(file.findings, "IAM030"), IsEmpty());
}

TEST(Iam030, StringLikeOnArnKeyIsItsOwnCode) {
  auto file = load(policy_with_condition(R"({"StringLike": {"iam:AssociatedResourceArn": "arn:aws:ec2:*"}})", "iam:PassRole"));
  EXPECT_THAT(codes_of(file.findings, "IAM030"), ElementsAre("STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS"));
  EXPECT_EQ(testing::with_rule(file.findings, "IAM030")[0].severity, Severity::Error);
}

TEST(Iam030, ArnLikeOnArnKeyIsSilent) {
  auto file = load(policy_with_condition(R"({"ArnLike": {"iam:AssociatedResourceArn": "arn:aws:ec2:*"}})", "iam:PassRole"));
  EXPECT_THAT(codes_of(file.findings, "IAM030"), IsEmpty());
}

}  // namespace
}  // namespace mfalint
