// IAM021: ARNs that fit none of their service's ARN formats, one test per Access Analyzer code and
// its near misses.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

input::LoadedFile load(const std::string& resource) {
  return testing::load(testing::policy_with(R"({"Effect": "Allow", "Action": "*", "Resource": )" + resource + "}"));
}

std::vector<std::string> codes(const std::string& resource) { return testing::codes_of(load(resource).findings, "IAM021"); }

TEST(Iam021, StackWithoutItsId) {
  auto file = load(R"("arn:aws:cloudformation:us-east-1:111122223333:stack/my-stack")");
  EXPECT_THAT(testing::codes_of(file.findings, "IAM021"), ElementsAre("INVALID_ARN_RESOURCE"));
  EXPECT_EQ(testing::with_rule(file.findings, "IAM021").at(0).severity, Severity::Error);
}

TEST(Iam021, StackWithItsIdOrAWildcard) {
  EXPECT_THAT(codes(R"(["arn:aws:cloudformation:us-east-1:111122223333:stack/my-stack/*",
                        "arn:aws:cloudformation:*:*:stack/my-stack/1a2b3c4d-0000-0000-0000-000000000000",
                        "arn:aws:cloudformation:*:*:*"])"),
              IsEmpty());
}

TEST(Iam021, UnknownResourceTypeIsAWarning) {
  // "/aws/lambda/x" is a log group's name, not its ARN's resource part ("log-group:/aws/lambda/x");
  // a type the reference does not list might be newer than it: a warning.
  auto file = load(R"("arn:aws:logs:us-east-1:111122223333:/aws/lambda/x")");
  EXPECT_THAT(testing::codes_of(file.findings, "IAM021"), ElementsAre("INVALID_ARN_RESOURCE"));
  EXPECT_EQ(testing::with_rule(file.findings, "IAM021").at(0).severity, Severity::Warning);
  EXPECT_THAT(codes(R"("arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/x:*")"), IsEmpty());
}

TEST(Iam021, RegionInAGlobalServiceArn) {
  EXPECT_THAT(codes(R"("arn:aws:iam:us-east-1:111122223333:role/admin")"), ElementsAre("ARN_REGION_NOT_ALLOWED"));
}

TEST(Iam021, NoRegionOrAWildcardOneInAGlobalServiceArn) {
  // A `*` Region matches the empty one.
  EXPECT_THAT(codes(R"(["arn:aws:iam::111122223333:role/admin", "arn:aws:iam:*:111122223333:role/admin"])"), IsEmpty());
}

TEST(Iam021, AccountInABucketArn) {
  EXPECT_THAT(codes(R"("arn:aws:s3::111122223333:my-bucket")"), ElementsAre("ARN_ACCOUNT_NOT_ALLOWED"));
}

TEST(Iam021, BucketAndAccessPointArns) {
  EXPECT_THAT(codes(R"(["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*",
                        "arn:aws:s3:us-east-1:111122223333:accesspoint/my-ap"])"),
              IsEmpty());
}

TEST(Iam021, RegionMissing) {
  EXPECT_THAT(codes(R"("arn:aws:logs::111122223333:log-group:app")"), ElementsAre("MISSING_ARN_REGION"));
}

TEST(Iam021, RegionPresentOrWildcard) {
  EXPECT_THAT(codes(R"(["arn:aws:logs:*:111122223333:log-group:app", "arn:aws:logs:eu-west-1:111122223333:log-group:app"])"),
              IsEmpty());
}

TEST(Iam021, MissingAccountIsNotReported) {
  // MISSING_ARN_ACCOUNT is not implemented: AWS-owned resources have no account in their ARNs
  // though the reference's formats have one.
  EXPECT_THAT(codes(R"(["arn:aws:ssm:us-east-1::document/AWS-RunShellScript",
                        "arn:aws:ssm:*::parameter/aws/service/ami-amazon-linux-latest/*"])"),
              IsEmpty());
}

TEST(Iam021, FormatsOfOtherServicesAndAlternatives) {
  // kafka-cluster lists kafka's formats; API Gateway lists two formats for one type; AWS Backup's
  // recovery points have a ${Vendor} service.
  EXPECT_THAT(codes(R"(["arn:aws:kafka:us-east-1:111122223333:topic/c/1234/t",
                        "arn:aws:apigateway:us-east-1::/restapis/a1b2/stages/prod",
                        "arn:aws:backup:us-east-1:111122223333:recovery-point:*"])"),
              IsEmpty());
}

TEST(Iam021, TemplatePlaceholdersAreWildcards) {
  EXPECT_THAT(codes(R"(["arn:{{Ref AWS::Partition}}:cloudformation:{{Ref AWS::Region}}:{{Ref AWS::AccountId}}:stack/app-*",
                        "arn:aws:s3:::{{Ref BucketName}}/*", "arn:aws:iam::{{Ref AWS::AccountId}}:role/x"])"),
              IsEmpty());
  EXPECT_THAT(codes(R"("arn:aws:cloudformation:{{Ref AWS::Region}}:{{Ref AWS::AccountId}}:stack/app")"),
              ElementsAre("INVALID_ARN_RESOURCE"));
}

TEST(Iam021, WhatIam020ReportsOrCannotBeJudged) {
  EXPECT_THAT(codes(R"(["arn:aws:S3:us-east-1:111122223333:my-bucket", "arn:aws:*:us-east-1:111122223333:x",
                        "arn:aws:no-such-service:us-east-1:111122223333:x", "${aws:SourceArn}", "*"])"),
              IsEmpty());
}

}  // namespace
}  // namespace mfalint
