// IAM041 wildcard-in-service-name.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using testing::codes_of;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::load;
using testing::policy_with;

TEST(Iam041, WildcardInAnActionsService) {
  auto file =
      load(policy_with(R"({"Effect": "Allow", "Action": ["s*:GetObject", "code?ommit:Get*"], "Resource": "*"})"));
  EXPECT_THAT(codes_of(file.findings, "IAM041"), ElementsAre("WILDCARD_IN_SERVICE_NAME", "WILDCARD_IN_SERVICE_NAME"));
  EXPECT_EQ(testing::with_rule(file.findings, "IAM041").at(0).severity, Severity::Note);
}

TEST(Iam041, WildcardInAResourceArnsService) {
  auto file = load(policy_with(R"({"Effect": "Allow", "Action": "codecommit:GitPull",
                                   "Resource": "arn:aws:*code*::111122223333:*"})"));
  EXPECT_THAT(codes_of(file.findings, "IAM041"), ElementsAre("WILDCARD_IN_SERVICE_NAME"));
}

TEST(Iam041, StarAloneAndWildcardsInTheActionNameAreFine) {
  auto file = load(policy_with(
      R"({"Effect": "Allow", "Action": ["*", "s3:Get*", "*:Describe*"],
                                   "Resource": ["*", "arn:aws:*:*:111122223333:*", "arn:aws:s3:::b*"]})"));
  EXPECT_THAT(codes_of(file.findings, "IAM041"), IsEmpty());
}

TEST(Iam041, APatternMatchingNoServiceIsIam100s) {
  auto file = load(policy_with(R"({"Effect": "Allow", "Action": "zzq*:GetObject", "Resource": "*"})"));
  EXPECT_THAT(codes_of(file.findings, "IAM041"), IsEmpty());
}

}  // namespace
}  // namespace mfalint
