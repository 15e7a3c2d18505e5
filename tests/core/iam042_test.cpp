// IAM042: condition keys that do not restrict what they seem to.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> codes(const std::string& statement) {
  return testing::codes_of(testing::load(testing::policy_with(statement)).findings, "IAM042");
}

TEST(Iam042, S3PrefixInADenyOrUnderANegatedOperatorInAnAllow) {
  EXPECT_THAT(codes(R"({"Effect": "Deny", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b",
                        "Condition": {"StringLike": {"s3:prefix": "private/*"}}})"),
              ElementsAre("S3_PREFIX_IN_NEGATIVE_CONTEXT"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b",
                        "Condition": {"StringNotLike": {"s3:prefix": "private/*"}}})"),
              ElementsAre("S3_PREFIX_IN_NEGATIVE_CONTEXT"));
}

TEST(Iam042, S3PrefixAllowedWithLikeOrDeniedWithNotLikeIsRight) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b",
                        "Condition": {"StringLike": {"s3:prefix": "public/*"}}})"),
              IsEmpty());
  EXPECT_THAT(codes(R"({"Effect": "Deny", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b",
                        "Condition": {"StringNotLike": {"s3:prefix": "public/*"}}})"),
              IsEmpty());
}

TEST(Iam042, DynamoDbAttributesNeedSelect) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "dynamodb:Query", "Resource": "*",
                        "Condition": {"ForAllValues:StringEquals": {"dynamodb:Attributes": ["id", "name"]}}})"),
              ElementsAre("DYNAMODB_ATTRIBUTES_WITHOUT_SELECT"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "dynamodb:Query", "Resource": "*",
                        "Condition": {"ForAllValues:StringEquals": {"dynamodb:Attributes": ["id", "name"]},
                                      "StringEquals": {"dynamodb:Select": "SPECIFIC_ATTRIBUTES"}}})"),
              IsEmpty());
}

TEST(Iam042, VpcSourceIpNeedsSourceVpc) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                        "Condition": {"IpAddress": {"aws:VpcSourceIp": "10.0.0.0/16"}}})"),
              ElementsAre("MISSING_PAIRED_CONDITION_KEYS"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                        "Condition": {"IpAddress": {"aws:VpcSourceIp": "10.0.0.0/16"},
                                      "StringEquals": {"aws:SourceVpc": "vpc-1a2b3c4d"}}})"),
              IsEmpty());
}

}  // namespace
}  // namespace mfalint
