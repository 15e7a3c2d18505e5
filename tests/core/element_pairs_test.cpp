// IAM007 Action/NotAction, IAM008 Resource/NotResource.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using testing::load;
using testing::policy_with;
using testing::rules_of;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(ElementPairs, IAM007BothOrNeither) {
  EXPECT_THAT(rules_of(load(policy_with(R"({"Effect": "Allow", "Action": "s3:*", "NotAction": "s3:Get*", "Resource": "*"})")).findings),
              ElementsAre("IAM007"));
  EXPECT_THAT(rules_of(load(policy_with(R"({"Effect": "Allow", "Resource": "*"})")).findings), ElementsAre("IAM007"));
}

TEST(ElementPairs, IAM008BothOrNeither) {
  EXPECT_THAT(rules_of(load(policy_with(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*", "NotResource": "arn:aws:s3:::x"})")).findings),
              ElementsAre("IAM008"));
  EXPECT_THAT(rules_of(load(policy_with(R"({"Effect": "Allow", "Action": "s3:*"})")).findings), ElementsAre("IAM008"));
}

TEST(ElementPairs, NotActionWithNotResourceIsValid) {
  EXPECT_THAT(rules_of(load(policy_with(R"({"Effect": "Deny", "NotAction": "iam:*", "NotResource": "arn:aws:s3:::x"})")).findings),
              IsEmpty());
}

}  // namespace
}  // namespace mfalint
