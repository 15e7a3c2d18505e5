// IAM038 create-service-linked-role-too-broad.
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

std::vector<std::string> codes(const std::string& statement) {
  return codes_of(load(policy_with(statement)).findings, "IAM038");
}

TEST(Iam038, StarInResource) {
  EXPECT_THAT(
      codes(R"({"Effect": "Allow", "Action": ["ec2:RunInstances", "iam:CreateServiceLinkedRole"], "Resource": "*"})"),
      ElementsAre("CREATE_SLR_WITH_STAR_IN_RESOURCE"));
  EXPECT_THAT(
      codes(
          R"({"Effect": "Allow", "Action": "iam:createservicelinkedrole", "Resource": "arn:aws:iam::111122223333:role/*"})"),
      ElementsAre("CREATE_SLR_WITH_STAR_IN_RESOURCE"));
  EXPECT_EQ(load(policy_with(R"({"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*"})"))
                .findings.at(0)
                .severity,
            Severity::Warning);
}

TEST(Iam038, SpecificRolesOrAwsServiceNameAreFine) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole",
                        "Resource": ["arn:aws:iam::*:role/aws-service-role/autoscaling.amazonaws.com/*"]})"),
              IsEmpty());
  EXPECT_THAT(codes(
                  R"({"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*",
                        "Condition": {"StringEquals": {"iam:AWSServiceName": "lambda.amazonaws.com"}}})"),
              IsEmpty());
  EXPECT_THAT(codes(R"({"Effect": "Deny", "Action": "iam:CreateServiceLinkedRole", "Resource": "*"})"), IsEmpty());
}

TEST(Iam038, AwsServiceNameIfExistsOrNegatedDoesNotCount) {
  EXPECT_THAT(codes(
                  R"({"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*",
                        "Condition": {"StringEqualsIfExists": {"iam:AWSServiceName": "ec2.amazonaws.com"}}})"),
              ElementsAre("CREATE_SLR_WITH_STAR_IN_RESOURCE"));
  EXPECT_THAT(codes(
                  R"({"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*",
                        "Condition": {"StringNotEquals": {"iam:AWSServiceName": "ec2.amazonaws.com"}}})"),
              ElementsAre("CREATE_SLR_WITH_STAR_IN_RESOURCE"));
}

TEST(Iam038, StarInActionAndResource) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})"),
              ElementsAre("CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": ["iam:Create*"], "Resource": "*"})"),
              ElementsAre("CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE"));
  // A wildcard that does not match iam:CreateServiceLinkedRole.
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": ["iam:Get*", "s3:*"], "Resource": "*"})"), IsEmpty());
}

TEST(Iam038, StarInResourceAndNotAction) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"})"),
              ElementsAre("CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "NotAction": ["iam:*"], "Resource": "*"})"), IsEmpty());
}

TEST(Iam038, NotResource) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole",
                        "NotResource": "arn:aws:iam::111122223333:role/admin"})"),
              ElementsAre("CREATE_SLR_WITH_NOT_RESOURCE"));
  // iam:AWSServiceName does not silence the NotResource findings.
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole",
                        "NotResource": "arn:aws:iam::111122223333:role/admin",
                        "Condition": {"StringEquals": {"iam:AWSServiceName": "ec2.amazonaws.com"}}})"),
              ElementsAre("CREATE_SLR_WITH_NOT_RESOURCE"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "iam:GetRole",
                        "NotResource": "arn:aws:iam::111122223333:role/admin"})"),
              IsEmpty());
}

TEST(Iam038, StarInActionAndNotResource) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "iam:*", "NotResource": "arn:aws:iam::111122223333:role/admin"})"),
              ElementsAre("CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "iam:List*", "NotResource": "arn:aws:iam::111122223333:role/a"})"),
              IsEmpty());
}

TEST(Iam038, NotActionAndNotResource) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "NotAction": "s3:*", "NotResource": "arn:aws:s3:::secret/*"})"),
              ElementsAre("CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE"));
  EXPECT_THAT(codes(
                  R"({"Effect": "Allow", "NotAction": ["s3:*", "iam:CreateServiceLinkedRole"],
                        "NotResource": "arn:aws:s3:::secret/*"})"),
              IsEmpty());
}

TEST(Iam038, PoliciesThatGrantNothingAreNotJudged) {
  auto scp =
      load_as(model::PolicyKind::ServiceControl, policy_with(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})"));
  EXPECT_THAT(codes_of(scp.findings, "IAM038"), IsEmpty());
  auto boundary =
      load_as(model::PolicyKind::Boundary, policy_with(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})"));
  EXPECT_THAT(codes_of(boundary.findings, "IAM038"), IsEmpty());
}

}  // namespace
}  // namespace mfalint
