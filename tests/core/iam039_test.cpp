// IAM039 sid-format.
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

TEST(Iam039, UnsupportedSid) {
  auto file = load(policy_with(
      R"({"Sid": "allow-read_reports", "Effect": "Allow", "Action": "s3:GetObject",
                                   "Resource": "arn:aws:s3:::reports/*"})"));
  ASSERT_THAT(codes_of(file.findings, "IAM039"), ElementsAre("UNSUPPORTED_SID"));
  auto finding = testing::with_rule(file.findings, "IAM039").at(0);
  EXPECT_EQ(finding.severity, Severity::Error);
  EXPECT_EQ(finding.fix, R"("Sid": "allowreadreports")");
  auto scp = load_as(model::PolicyKind::ServiceControl,
                     policy_with(
                         R"({"Sid": "Deny Leaving", "Effect": "Deny", "Action": "organizations:LeaveOrganization",
                                     "Resource": "*"})"));
  EXPECT_THAT(codes_of(scp.findings, "IAM039"), ElementsAre("UNSUPPORTED_SID"));
}

TEST(Iam039, AlphanumericSidsAndResourcePolicySidsAreFine) {
  auto file = load(policy_with(
      R"({"Sid": "AllowReadReports2", "Effect": "Allow", "Action": "s3:GetObject",
                                   "Resource": "arn:aws:s3:::reports/*"})"));
  EXPECT_THAT(codes_of(file.findings, "IAM039"), IsEmpty());
  // KMS's default key policy.
  auto key_policy = load_as(model::PolicyKind::Resource, policy_with(R"({"Sid": "Enable IAM User Permissions",
      "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"})"),
                            "AWS::KMS::Key");
  EXPECT_THAT(codes_of(key_policy.findings, "IAM039"), IsEmpty());
}

TEST(Iam039, EmptySid) {
  auto file = load(policy_with(R"({"Sid": "", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})"));
  ASSERT_THAT(codes_of(file.findings, "IAM039"), ElementsAre("EMPTY_SID_VALUE"));
  EXPECT_EQ(testing::with_rule(file.findings, "IAM039").at(0).severity, Severity::Note);
  auto no_sid = load(policy_with(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})"));
  EXPECT_THAT(codes_of(no_sid.findings, "IAM039"), IsEmpty());
}

}  // namespace
}  // namespace mfalint
