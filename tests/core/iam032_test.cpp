// IAM032 condition values of a form AWS refuses or misreads.
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


TEST(Iam032, WildcardUnderEqualsOperator) {
  auto file = load(policy_with_condition(R"({"StringEquals": {"aws:PrincipalTag/job": "admin-*"}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM032"), ElementsAre("WILDCARD_WITHOUT_LIKE_OPERATOR"));
  EXPECT_EQ(testing::with_rule(file.findings, "IAM032")[0].severity, Severity::Warning);
}

// Like operators, ArnEquals (which matches wildcards per ARN part) and the literal-star variable.
TEST(Iam032, WildcardsWhereTheyArePatternsOrLiteralAreSilent) {
  auto file = load(policy_with_condition(R"({"StringLike": {"aws:PrincipalTag/job": "admin-*"},
    "ArnEquals": {"aws:SourceArn": "arn:aws:sns:*:123456789012:t"},
    "StringEquals": {"aws:PrincipalTag/team": "a${*}b"}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM032"), IsEmpty());
}

TEST(Iam032, SeveralBooleans) {
  auto file = load(policy_with_condition(R"({"Bool": {"aws:SecureTransport": ["true", "false"]}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM032"), ElementsAre("INVALID_CONDITION_MULTIPLE_BOOLEAN"));
}

TEST(Iam032, OneBooleanIsSilent) {
  auto file = load(policy_with_condition(R"({"Bool": {"aws:SecureTransport": ["true"], "aws:ViaAWSService": false}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM032"), IsEmpty());
}

TEST(Iam032, MixedJsonTypesOrATypeTheKeyCannotBe) {
  auto file = load(policy_with_condition(R"({"StringEquals": {"aws:PrincipalTag/n": ["1", 2]}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM032"), ElementsAre("INVALID_CONDITION_DATA_TYPE"));
  file = load(policy_with_condition(R"({"StringEquals": {"aws:SourceIp": true}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM032"), ElementsAre("INVALID_CONDITION_DATA_TYPE"));
}

TEST(Iam032, ValuesOfOneFittingTypeAreSilent) {
  auto file = load(policy_with_condition(R"({"StringEquals": {"aws:PrincipalTag/n": [1, 2], "aws:SecureTransport": true}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM032"), IsEmpty());
}

TEST(Iam032, EpochDate) {
  auto file = load(policy_with_condition(R"({"DateGreaterThan": {"aws:CurrentTime": "1704067200"}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM032"), ElementsAre("INVALID_DATE_VALUE"));
}

TEST(Iam032, IsoDateIsSilent) {
  auto file = load(policy_with_condition(R"({"DateGreaterThan": {"aws:CurrentTime": "2024-01-01T00:00:00Z"}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM032"), IsEmpty());
}

TEST(Iam032, RedundantNumbers) {
  auto file = load(policy_with_condition(R"({"NumericLessThan": {"s3:max-keys": ["2700", "3600"]}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM032"), ElementsAre("REDUNDANT_CONDITION_VALUE_NUM"));
  auto findings = testing::with_rule(file.findings, "IAM032");
  EXPECT_EQ(findings[0].fix, "\"3600\"");
  EXPECT_EQ(findings[0].severity, Severity::Note);
}

// Several values under NumericEquals are alternatives, none redundant.
TEST(Iam032, SeveralNumbersUnderEqualsAreSilent) {
  auto file = load(policy_with_condition(R"({"NumericEquals": {"s3:max-keys": ["10", "20"]},
                                      "NumericLessThan": {"s3:max-keys": "100"}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM032"), IsEmpty());
}

TEST(Iam032, RegionNotARegion) {
  auto file = load(policy_with_condition(R"({"StringEquals": {"aws:RequestedRegion": ["eu-west-1", "Europe"]}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM032"), ElementsAre("INVALID_REGION"));
}

TEST(Iam032, RegionsPatternsAndVariablesAreSilent) {
  auto file = load(policy_with_condition(R"({"StringLike": {"aws:RequestedRegion":
      ["us-gov-west-1", "eu-*", "cn-north-1", "us-isob-east-1", "${aws:PrincipalTag/region}"]}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM032"), IsEmpty());
}

TEST(Iam032, VpcAndEndpointIds) {
  auto file = load(policy_with_condition(R"({"StringEquals": {"aws:SourceVpc": "vpc-123", "aws:SourceVpce": "vpc-12345678"}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM032"), ElementsAre("INVALID_VPC_FORMAT", "INVALID_VPCE_FORMAT"));
}

TEST(Iam032, WellFormedVpcIdsAreSilent) {
  auto file = load(policy_with_condition(R"({"StringEquals": {"aws:SourceVpc": ["vpc-1a2b3c4d", "vpc-0123456789abcdef0"],
                                                       "aws:SourceVpce": "vpce-1a2b3c4d"},
                                      "StringLike": {"aws:SourceVpc": "vpc-*"}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM032"), IsEmpty());
}

TEST(Iam032, BinaryValueThatIsNotBase64) {
  auto bad = load(policy_with_condition(R"({"BinaryEquals": {"aws:username": ["QmluYXJ5", "not base64!", "QUJD="]}})"));
  EXPECT_THAT(codes_of(bad.findings, "IAM032"), ElementsAre("TYPE_MISMATCH_STRING", "TYPE_MISMATCH_STRING"));
  auto good = load(policy_with_condition(R"({"BinaryEquals": {"aws:username": ["QmluYXJ5VmFsdWU=", "QUI=", "${aws:username}"]}})"));
  EXPECT_THAT(codes_of(good.findings, "IAM032"), IsEmpty());
}

}  // namespace
}  // namespace mfalint
