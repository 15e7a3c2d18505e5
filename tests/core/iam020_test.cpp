// IAM020: Resource/NotResource entries that are not well-formed ARNs, one test per Access Analyzer
// code and its near misses.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> codes(const std::string& resource) {
  auto file = testing::load(
      testing::policy_with(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": )" + resource + "}"));
  return testing::codes_of(file.findings, "IAM020");
}

TEST(Iam020, PrefixMissing) { EXPECT_THAT(codes(R"("s3:::my-bucket/*")"), ElementsAre("INVALID_ARN_PREFIX")); }

TEST(Iam020, StarAndLeadingVariableAreNotJudged) {
  EXPECT_THAT(codes(R"(["*", "${aws:SourceArn}", "arn:aws:s3:::my-bucket/*"])"), IsEmpty());
}

TEST(Iam020, LeadingWildcardsMatchWholeArns) {
  // "*/*" matches every ARN with a slash (and is how Terraform writes "${aws_s3_bucket.b.arn}/*"
  // when the bucket is unknown); "ar*" can match "arn:...". "arx*" cannot.
  EXPECT_THAT(codes(R"(["*/*", "?rn:aws:s3:::b", "ar*"])"), IsEmpty());
  EXPECT_THAT(codes(R"("arx*")"), ElementsAre("INVALID_ARN_PREFIX"));
}

TEST(Iam020, FieldMissing) { EXPECT_THAT(codes(R"("arn:aws:s3:my-bucket")"), ElementsAre("MISSING_ARN_FIELD")); }

TEST(Iam020, ColonsInsideAVariableSeparateNoFields) {
  // Six fields once the variable is read as one; the variable's colon is not a seventh.
  EXPECT_THAT(codes(R"("arn:${aws:partition}:s3:::my-bucket")"), IsEmpty());
  EXPECT_THAT(codes(R"("arn:aws:s3:${aws:RequestedRegion}")"), ElementsAre("MISSING_ARN_FIELD"));
}

TEST(Iam020, ServiceNotLowerCase) {
  auto file = testing::load(testing::policy_with(
      R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:S3:::my-bucket/*"})"));
  EXPECT_THAT(testing::codes_of(file.findings, "IAM020"), ElementsAre("INVALID_ARN_SERVICE_CASE"));
  EXPECT_THAT(testing::placed_fixes(file, "IAM020"), ElementsAre("1:99 arn:aws:s3:::my-bucket/*"));
}

TEST(Iam020, UpperCaseInTheResourcePartIsFine) { EXPECT_THAT(codes(R"("arn:aws:s3:::My-Bucket/*")"), IsEmpty()); }

TEST(Iam020, AccountNotTwelveDigits) {
  EXPECT_THAT(codes(R"("arn:aws:iam::12345678901:role/admin")"), ElementsAre("INVALID_ARN_ACCOUNT"));
}

TEST(Iam020, AccountForms) {
  // AWS managed policies' "aws", wildcards, variables, none.
  EXPECT_THAT(codes(R"(["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::*:role/admin",
                        "arn:aws:iam::${aws:PrincipalAccount}:role/admin", "arn:aws:s3:::b",
                        "arn:aws:iam::111122223333:role/admin"])"),
              IsEmpty());
}

TEST(Iam020, UnknownPartition) { EXPECT_THAT(codes(R"("arn:amazon:s3:::my-bucket")"), ElementsAre("INVALID_PARTITION")); }

TEST(Iam020, EveryPartitionAndPatterns) {
  EXPECT_THAT(codes(R"(["arn:aws-cn:s3:::b", "arn:aws-us-gov:s3:::b", "arn:aws-iso:s3:::b", "arn:aws-iso-b:s3:::b",
                        "arn:aws-iso-e:s3:::b", "arn:aws-iso-f:s3:::b", "arn:aws-eusc:s3:::b", "arn:*:s3:::b",
                        "arn:${aws:partition}:s3:::b"])"),
              IsEmpty());
}

TEST(Iam020, RegionNotOfAwsForm) {
  EXPECT_THAT(codes(R"("arn:aws:ec2:useast1:111122223333:instance/*")"), ElementsAre("INVALID_ARN_REGION"));
  EXPECT_THAT(codes(R"("arn:aws:ec2:us-east:111122223333:instance/*")"), ElementsAre("INVALID_ARN_REGION"));
}

TEST(Iam020, RegionForms) {
  EXPECT_THAT(codes(R"(["arn:aws:ec2:us-east-1:111122223333:instance/*", "arn:aws:ec2:us-gov-west-1:111122223333:instance/*",
                        "arn:aws:ec2:cn-northwest-1:111122223333:instance/*", "arn:aws:ec2:eu-isoe-west-1:111122223333:instance/*",
                        "arn:aws:ec2:eusc-de-east-1:111122223333:instance/*", "arn:aws:ec2:us-*:111122223333:instance/*",
                        "arn:aws:ec2:${aws:RequestedRegion}:111122223333:instance/*"])"),
              IsEmpty());
}

TEST(Iam020, SeveralFieldsEachReported) {
  EXPECT_THAT(codes(R"("arn:amazon:EC2:us_east_1:abc:instance/*")"),
              ElementsAre("INVALID_PARTITION", "INVALID_ARN_SERVICE_CASE", "INVALID_ARN_REGION", "INVALID_ARN_ACCOUNT"));
}

TEST(Iam020, TemplatePlaceholdersAreUnknownValues) {
  // CloudFormation's pseudo parameters and attributes: their colons separate no fields.
  EXPECT_THAT(codes(R"(["arn:{{Ref AWS::Partition}}:cloudformation:{{Ref AWS::Region}}:{{Ref AWS::AccountId}}:stack/app-*",
                        "{{Fn::GetAtt Role.Arn}}", "{{Fn::GetAtt Bucket.Arn}}/*"])"),
              IsEmpty());
}

TEST(Iam020, NotResourceIsJudgedToo) {
  auto file = testing::load(
      testing::policy_with(R"({"Effect": "Deny", "Action": "s3:*", "NotResource": "my-bucket"})"));
  EXPECT_THAT(testing::codes_of(file.findings, "IAM020"), ElementsAre("INVALID_ARN_PREFIX"));
}

}  // namespace
}  // namespace mfalint
