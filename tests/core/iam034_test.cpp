// IAM034 condition key that none of the statement's actions supports.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using testing::codes_of;
using testing::load;
using testing::policy_with;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string statement(const std::string& actions, const std::string& condition) {
  return policy_with(R"({"Effect": "Allow", "Action": )" + actions + R"(, "Resource": "*", "Condition": )" +
                     condition + "}");
}

TEST(Iam034, KeyOfAnotherServiceThanEveryAction) {
  auto file = load(statement(R"(["s3:GetObject", "s3:PutObject"])",
                             R"({"StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM034"), ElementsAre("UNSUPPORTED_ACTION_FOR_CONDITION_KEY"));
}

TEST(Iam034, KeySupportedByOneActionIsSilent) {
  auto file = load(statement(R"(["s3:GetObject", "kms:Decrypt"])",
                             R"({"StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM034"), IsEmpty());
}

// As Access Analyzer: wildcard actions are not evaluated; global keys and the cross-service keys
// (ec2:SourceInstanceARN) are set on any request.
TEST(Iam034, WildcardActionsGlobalAndCrossServiceKeysAreSilent) {
  auto file = load(statement(R"(["s3:Get*", "s3:PutObject"])",
                             R"({"StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM034"), IsEmpty());
  file = load(statement(R"("s3:GetObject")", R"({"StringEquals": {"aws:RequestedRegion": "eu-west-1",
      "ec2:SourceInstanceARN": "arn:aws:ec2:eu-west-1:123456789012:instance/i-1"}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM034"), IsEmpty());
}

// Keys of the actions' own service are left alone: the catalog does not list per action the keys
// of its resource types (iam:ResourceTag/... for iam:PassRole), which AWS's own policies use.
TEST(Iam034, KeyOfTheActionsOwnServiceIsSilent) {
  auto file = load(statement(R"("iam:PassRole")", R"({"StringEquals": {"iam:ResourceTag/team": "a"}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM034"), IsEmpty());
}

}  // namespace
}  // namespace mfalint
