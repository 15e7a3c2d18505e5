// IAM022: actions and resource ARNs foreign to the resource a resource policy is attached to.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> codes(const std::string& statement, const std::string& type = "AWS::S3::Bucket",
                               model::PolicyKind kind = model::PolicyKind::Resource) {
  auto file = testing::load_as(kind, testing::policy_with(statement), type);
  return testing::codes_of(file.findings, "IAM022");
}

TEST(Iam022, KmsActionInABucketPolicy) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["s3:GetObject", "kms:Decrypt"],
                        "Resource": "arn:aws:s3:::my-bucket/*"})"),
              ElementsAre("UNSUPPORTED_ACTION_IN_POLICY"));
}

TEST(Iam022, ActionsOfTheAttachedService) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["s3:*", "*", "S3:GetObject", "s?:Get*"],
                        "Resource": "arn:aws:s3:::my-bucket/*"})"),
              IsEmpty());
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "SNS:Publish", "Resource": "*"})",
                    "AWS::SNS::Topic"),
              IsEmpty());
}

TEST(Iam022, KmsArnInABucketPolicy) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject",
                        "Resource": ["arn:aws:s3:::my-bucket/*", "arn:aws:kms:us-east-1:111122223333:key/1234"]})"),
              ElementsAre("UNSUPPORTED_RESOURCE_ARN_IN_POLICY"));
}

TEST(Iam022, ArnsOfTheAttachedService) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:Decrypt", "Resource": "*"})",
                    "AWS::KMS::Key"),
              IsEmpty());
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sqs:SendMessage",
                        "Resource": "arn:aws:sqs:us-east-1:111122223333:queue"})",
                    "AWS::SQS::Queue"),
              IsEmpty());
}

TEST(Iam022, OnlyResourcePoliciesOfAKnownType) {
  const std::string statement = R"({"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:us-east-1:111122223333:key/1234"})";
  EXPECT_THAT(codes(statement, "", model::PolicyKind::Identity), IsEmpty());
  EXPECT_THAT(codes(statement, "", model::PolicyKind::Resource), IsEmpty());
  EXPECT_THAT(codes(statement, "AWS::Lambda::Function", model::PolicyKind::Resource), IsEmpty());
}

TEST(Iam022, UnknownServicesAreLeftToIam100) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["nosuch:Get", "s3:GetObject"],
                        "Resource": "arn:aws:s3:::b/*"})"),
              IsEmpty());
}

}  // namespace
}  // namespace mfalint
