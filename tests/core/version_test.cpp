// IAM003 missing Version, IAM004 unknown Version, IAM005 policy variables under 2008-10-17.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using testing::load;
using testing::rules_of;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Version, IAM003MissingVersion) {
  auto file = load(R"({"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]})");
  EXPECT_THAT(rules_of(file.findings), ElementsAre("IAM003"));
  EXPECT_EQ(file.findings[0].severity, Severity::Warning);
}

TEST(Version, IAM004UnknownVersion) {
  auto file = load(R"({"Version": "2024-01-01", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]})");
  EXPECT_THAT(rules_of(file.findings), ElementsAre("IAM004"));
}

TEST(Version, IAM005VariablesUnderTheOldGrammar) {
  auto file = load(R"({"Version": "2008-10-17", "Statement": [
      {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::home/${aws:username}/*"},
      {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"s3:prefix": "${aws:username}"}}},
      {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]})");
  EXPECT_THAT(rules_of(file.findings), ElementsAre("IAM005", "IAM005"));
  EXPECT_EQ(file.findings[0].loc.line, 2u);
  EXPECT_EQ(file.findings[1].loc.line, 3u);
}

TEST(Version, IAM005AlsoWhenVersionIsMissing) {
  auto file = load(R"({"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::${aws:username}"}]})");
  EXPECT_THAT(rules_of(file.findings), ElementsAre("IAM003", "IAM005"));
}

TEST(Version, CurrentVersionWithVariablesIsFine) {
  auto file = load(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::${aws:username}"}]})");
  EXPECT_THAT(rules_of(file.findings), IsEmpty());
}

}  // namespace
}  // namespace mfalint
