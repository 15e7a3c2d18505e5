// MFA016: MFA set-up actions reachable without MFA on users or devices other than the caller's own.
#include "analysis/mfa_analysis.h"
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

// The findings of the MFA analysis of one policy holding `statements`.
Findings analyze(const std::string& statements) {
  static std::vector<input::LoadedFile> keep;  // findings point into the loaded policies' sources
  keep.push_back(testing::load(testing::policy_with(statements)));
  std::vector<const model::Policy*> set;
  for (const auto& policy : keep.back().policies) set.push_back(&policy);
  return analysis::analyze_mfa(set, catalog::Sensitivity::defaults(), {}).findings;
}

Findings errors(const Findings& findings, const std::string& rule) {
  Findings out;
  for (const auto& f : testing::with_rule(findings, rule)) {
    if (f.severity != Severity::Note) out.push_back(f);
  }
  return out;
}

constexpr const char* kSetup = R"("Action": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ResyncMFADevice", "iam:ListMFADevices"])";
constexpr const char* kDenyUnlessMfa = R"({"Effect": "Deny", "NotAction": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice",
    "iam:ListMFADevices", "iam:ResyncMFADevice", "iam:GetUser", "sts:GetSessionToken"], "Resource": "*",
    "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})";

TEST(MFA016, SetUpOnAnyResourceOpensEveryUserAndDevice) {
  auto found = errors(analyze(std::string(R"({"Effect": "Allow", )") + kSetup + R"(, "Resource": "*"})"), "MFA016");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::Error);
  EXPECT_EQ(found[0].statement, 0u);
  EXPECT_EQ(found[0].loc.line, 1u);  // the statement
  EXPECT_THAT(found[0].message, AllOf(HasSubstr("every IAM user and every virtual MFA device"),
                                      HasSubstr("long-term access keys and sessions without MFA")));
  EXPECT_THAT(found[0].actions.names(), AllOf(Contains("iam:EnableMFADevice"), Contains("iam:ListMFADevices"),
                                              Contains("iam:CreateVirtualMFADevice")));
  EXPECT_THAT(found[0].fix, HasSubstr("arn:aws:iam::*:user/${aws:username}"));
}

// AWS's self-service policy: the set-up actions on the caller's own user and device, the rest denied
// without MFA. The routine note stays.
TEST(MFA016, TheCallersOwnUserAndDeviceAreRoutine) {
  auto findings = analyze(std::string(R"({"Effect": "Allow", "Action": ["iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice"],
                                         "Resource": "arn:aws:iam::*:mfa/${aws:username}"},
                                        {"Effect": "Allow", "Action": ["iam:DeactivateMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "iam:ResyncMFADevice"],
                                         "Resource": "arn:aws:iam::*:user/${aws:username}"},
                                        {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},)") +
                          kDenyUnlessMfa);
  EXPECT_TRUE(testing::with_rule(findings, "MFA016").empty());
  EXPECT_TRUE(errors(findings, "MFA001").empty());
  auto notes = testing::with_rule(findings, "MFA017");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_THAT(notes[0].message, HasSubstr("MFA set-up actions reachable without MFA"));
}

// An administrator's grant that the Deny exempts the set-up actions from.
TEST(MFA016, AnAdministratorGrantTheDenyExempts) {
  auto findings = analyze(std::string(R"({"Effect": "Allow", "Action": "*", "Resource": "*"},)") + kDenyUnlessMfa);
  auto found = errors(findings, "MFA016");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].actions.names(), Not(Contains("iam:DeactivateMFADevice")));  // the Deny covers it
  EXPECT_TRUE(errors(findings, "MFA001").empty());
}

TEST(MFA016, SaysWhichUsersAPatternOpens) {
  auto found = errors(analyze(R"({"Effect": "Allow", "Action": "iam:EnableMFADevice",
                                  "Resource": ["arn:aws:iam::*:user/${aws:username}", "arn:aws:iam::111122223333:user/admins/*"]})"),
                      "MFA016");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].message, HasSubstr("the IAM users matching arn:aws:iam::111122223333:user/admins/*"));
  EXPECT_THAT(found[0].message, Not(HasSubstr("virtual MFA device")));
}

TEST(MFA016, NotResourceOpensEveryUserItDoesNotExclude) {
  auto found = errors(analyze(R"({"Effect": "Allow", "Action": "iam:ResyncMFADevice", "NotResource": "arn:aws:iam::*:user/${aws:username}"})"),
                      "MFA016");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].message, HasSubstr("every IAM user except arn:aws:iam::*:user/${aws:username}"));
}

TEST(MFA016, WithMfaIsRight) {
  EXPECT_TRUE(testing::with_rule(analyze(std::string(R"({"Effect": "Allow", )") + kSetup +
                                         R"(, "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})"),
                                 "MFA016")
                  .empty());
}

// ChangePassword changes only the caller's own password, whatever the Resource.
TEST(MFA016, ChangePasswordIsNotOne) {
  EXPECT_TRUE(testing::with_rule(analyze(R"({"Effect": "Allow", "Action": "iam:ChangePassword", "Resource": "*"})"), "MFA016").empty());
}

// Taking another user's device away is the same hole; it is said once, as MFA016.
TEST(MFA016, DeactivatingAnyUsersDevice) {
  auto findings = analyze(R"({"Effect": "Allow", "Action": "iam:DeactivateMFADevice", "Resource": "arn:aws:iam::*:user/*"})");
  auto found = errors(findings, "MFA016");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].message, HasSubstr("every IAM user"));
  EXPECT_TRUE(errors(findings, "MFA001").empty());
}

// Deleting one's own virtual device that was never enabled is part of setting MFA up.
TEST(MFA016, DeletingTheCallersOwnVirtualDeviceIsRoutine) {
  auto findings = analyze(R"({"Effect": "Allow", "Action": "iam:DeleteVirtualMFADevice", "Resource": "arn:aws:iam::*:mfa/${aws:username}"})");
  EXPECT_TRUE(testing::with_rule(findings, "MFA016").empty());
  EXPECT_TRUE(errors(findings, "MFA001").empty());
}

// Deactivating one's own device without MFA lets a stolen password remove it: still MFA001.
TEST(MFA016, DeactivatingTheCallersOwnDeviceWithoutMfaIsMfa001) {
  auto findings = analyze(R"({"Effect": "Allow", "Action": "iam:DeactivateMFADevice", "Resource": "arn:aws:iam::*:user/${aws:username}"})");
  EXPECT_TRUE(testing::with_rule(findings, "MFA016").empty());
  EXPECT_EQ(errors(findings, "MFA001").size(), 1u);
}

}  // namespace
}  // namespace mfalint
