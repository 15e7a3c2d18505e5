// IAM043: a service principal allowed in a resource policy without its source.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using model::PolicyKind;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> codes(PolicyKind kind, const std::string& statement) {
  auto file = testing::load_as(kind, testing::policy_with(statement), "AWS::S3::Bucket");
  return testing::codes_of(file.findings, "IAM043");
}

// CloudTrail allowed to write logs, with `condition` (", \"Condition\": {...}") when given.
std::string trail_statement(std::string_view condition = "") {
  std::string statement = R"({"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
    "Action": "s3:PutObject", "Resource": "arn:aws:s3:::logs/*")";
  statement.append(condition);
  statement += '}';
  return statement;
}

TEST(Iam043, NoConditionAtAll) {
  EXPECT_THAT(codes(PolicyKind::Resource, trail_statement()), ElementsAre("RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL"));
}

TEST(Iam043, OtherKeysOnlyIsASuggestion) {
  auto file = testing::load_as(
      PolicyKind::Resource,
      testing::policy_with(trail_statement(R"(, "Condition": {"StringLike": {"aws:Referer": "https://x/*"}})")));
  ASSERT_THAT(testing::codes_of(file.findings, "IAM043"), ElementsAre("RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL"));
  EXPECT_EQ(testing::with_rule(file.findings, "IAM043")[0].severity, Severity::Note);
}

TEST(Iam043, ASourceKeyOrAnotherPolicyTypeIsRight) {
  EXPECT_THAT(codes(PolicyKind::Resource,
                    trail_statement(R"(, "Condition": {"StringEquals": {"AWS:SourceAccount": "111122223333"}})")),
              IsEmpty());
  EXPECT_THAT(codes(PolicyKind::Trust, R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
                                          "Action": "sts:AssumeRole"})"),
              IsEmpty());
  EXPECT_THAT(codes(PolicyKind::Resource, R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                                             "Action": "s3:GetObject", "Resource": "arn:aws:s3:::logs/*"})"),
              IsEmpty());
}

}  // namespace
}  // namespace mfalint
