// IAM037 pass-role-too-broad.
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
  return codes_of(load(policy_with(statement)).findings, "IAM037");
}

TEST(Iam037, StarInResource) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": ["ec2:RunInstances", "iam:PassRole"], "Resource": "*"})"),
              ElementsAre("PASS_ROLE_WITH_STAR_IN_RESOURCE"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "iam:passrole", "Resource": "arn:aws:iam::111122223333:role/*"})"),
              ElementsAre("PASS_ROLE_WITH_STAR_IN_RESOURCE"));
  EXPECT_EQ(
      load(policy_with(R"({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"})")).findings.at(0).severity,
      Severity::Error);
}

TEST(Iam037, SpecificRolesOrPassedToServiceAreFine) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "iam:PassRole",
                        "Resource": ["arn:aws:iam::111122223333:role/service-role/*", "arn:aws:iam::*:role/Service*"]})"),
              IsEmpty());
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*",
                        "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}})"),
              IsEmpty());
  EXPECT_THAT(codes(R"({"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*"})"), IsEmpty());
}

TEST(Iam037, PassedToServiceIfExistsOrNegatedDoesNotCount) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*",
                        "Condition": {"StringEqualsIfExists": {"iam:PassedToService": "ec2.amazonaws.com"}}})"),
              ElementsAre("PASS_ROLE_WITH_STAR_IN_RESOURCE"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*",
                        "Condition": {"StringNotEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}})"),
              ElementsAre("PASS_ROLE_WITH_STAR_IN_RESOURCE"));
}

TEST(Iam037, StarInActionAndResource) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})"),
              ElementsAre("PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": ["iam:Pass*"], "Resource": "*"})"),
              ElementsAre("PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE"));
  // A wildcard that does not match iam:PassRole.
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": ["iam:Get*", "s3:*"], "Resource": "*"})"), IsEmpty());
}

TEST(Iam037, StarInResourceAndNotAction) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"})"),
              ElementsAre("PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "NotAction": ["iam:*"], "Resource": "*"})"), IsEmpty());
}

TEST(Iam037, NotResource) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "iam:PassRole",
                        "NotResource": "arn:aws:iam::111122223333:role/admin"})"),
              ElementsAre("PASS_ROLE_WITH_NOT_RESOURCE"));
  // iam:PassedToService does not silence the NotResource findings.
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "iam:PassRole",
                        "NotResource": "arn:aws:iam::111122223333:role/admin",
                        "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}})"),
              ElementsAre("PASS_ROLE_WITH_NOT_RESOURCE"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "iam:GetRole",
                        "NotResource": "arn:aws:iam::111122223333:role/admin"})"),
              IsEmpty());
}

TEST(Iam037, StarInActionAndNotResource) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "iam:*", "NotResource": "arn:aws:iam::111122223333:role/admin"})"),
              ElementsAre("PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Action": "iam:List*", "NotResource": "arn:aws:iam::111122223333:role/a"})"),
              IsEmpty());
}

TEST(Iam037, NotActionAndNotResource) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "NotAction": "s3:*", "NotResource": "arn:aws:s3:::secret/*"})"),
              ElementsAre("PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "NotAction": ["s3:*", "iam:PassRole"],
                        "NotResource": "arn:aws:s3:::secret/*"})"),
              IsEmpty());
}

TEST(Iam037, PoliciesThatGrantNothingAreNotJudged) {
  auto scp =
      load_as(model::PolicyKind::ServiceControl, policy_with(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})"));
  EXPECT_THAT(codes_of(scp.findings, "IAM037"), IsEmpty());
  auto boundary =
      load_as(model::PolicyKind::Boundary, policy_with(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})"));
  EXPECT_THAT(codes_of(boundary.findings, "IAM037"), IsEmpty());
}

}  // namespace
}  // namespace mfalint
