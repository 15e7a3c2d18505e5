// Permissions boundaries in the MFA analysis: an identity Allow takes effect only where the boundary
// allows too, and a Deny in the boundary denies.
#include "analysis/mfa_analysis.h"
#include "catalog/catalog.h"
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint::analysis {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const model::Policy& policy_of(const std::string& statements) {
  static std::vector<input::LoadedFile> keep;  // findings point into the loaded policies' sources
  keep.push_back(testing::load(testing::policy_with(statements)));
  return keep.back().policies.at(0);
}

MfaResult bounded(const std::string& identity, const std::string& boundary) {
  return analyze_mfa({&policy_of(identity)}, catalog::Sensitivity::defaults(), {}, {&policy_of(boundary)});
}

std::vector<std::string> mfa001_actions(const MfaResult& result) {
  std::vector<std::string> actions;
  for (const auto& finding : result.findings) {
    if (finding.rule == "MFA001" && finding.severity == Severity::Error) {
      auto names = finding.actions.names();
      actions.insert(actions.end(), names.begin(), names.end());
    }
  }
  return actions;
}

std::vector<std::string> names(const std::vector<catalog::ActionId>& ids) {
  std::vector<std::string> out;
  for (auto id : ids) out.push_back(catalog::action_full_name(id));
  return out;
}

constexpr const char* kTerminateAndDelete =
    R"({"Effect": "Allow", "Action": ["ec2:TerminateInstances", "s3:DeleteBucket"], "Resource": "*"})";

TEST(MfaBoundary, WithoutABoundaryEveryAllowCounts) {
  auto result = analyze_mfa({&policy_of(kTerminateAndDelete)}, catalog::Sensitivity::defaults(), {});
  EXPECT_THAT(mfa001_actions(result), ElementsAre("ec2:TerminateInstances", "s3:DeleteBucket"));
  EXPECT_THAT(names(result.unprotected_actions), ElementsAre("ec2:TerminateInstances", "s3:DeleteBucket"));
}

TEST(MfaBoundary, AnActionTheBoundaryDoesNotAllowIsNotReached) {
  auto result = bounded(kTerminateAndDelete, R"({"Effect": "Allow", "Action": "ec2:*", "Resource": "*"})");
  EXPECT_THAT(mfa001_actions(result), ElementsAre("ec2:TerminateInstances"));
  EXPECT_THAT(names(result.unprotected_actions), ElementsAre("ec2:TerminateInstances"));
  ASSERT_EQ(result.rows.size(), 1u);  // no row for what nothing reaches
  EXPECT_EQ(result.rows[0].actions, "ec2:TerminateInstances, s3:DeleteBucket (1 sensitive action)");
}

TEST(MfaBoundary, ABoundaryThatRequiresMfaProtects) {
  auto result = bounded(kTerminateAndDelete, R"({"Effect": "Allow", "Action": "*", "Resource": "*",
                                                  "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}})");
  EXPECT_THAT(mfa001_actions(result), IsEmpty());
  EXPECT_THAT(names(result.unprotected_actions), IsEmpty());
  EXPECT_THAT(names(result.protected_actions), ElementsAre("ec2:TerminateInstances", "s3:DeleteBucket"));
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_TRUE(result.rows[0].is_protected);
  EXPECT_EQ(result.rows[0].mfa_window, "up to 3599 s");
}

TEST(MfaBoundary, BoundaryAllowsAreUnitedBeforeTheyBound) {
  // One boundary statement lets sessions through, another long-term keys: together both.
  auto result = bounded(kTerminateAndDelete,
                        R"({"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}},
                           {"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {"Null": {"aws:MultiFactorAuthPresent": "true"}}})");
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_TRUE(result.rows[0].long_term_keys.allowed);
  EXPECT_TRUE(result.rows[0].session_without_mfa.allowed);
  EXPECT_EQ(result.rows[0].mfa_window, "never");
}

TEST(MfaBoundary, ABoundaryOnPartOfTheResourcesLetsThatPartThrough) {
  auto result = bounded(R"({"Effect": "Allow", "Action": "s3:DeleteBucket", "Resource": "*"})",
                        R"({"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::logs"})");
  EXPECT_THAT(mfa001_actions(result), ElementsAre("s3:DeleteBucket"));
  auto elsewhere = bounded(R"({"Effect": "Allow", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::data"})",
                           R"({"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::logs"})");
  EXPECT_THAT(mfa001_actions(elsewhere), IsEmpty());
  auto not_resource = bounded(R"({"Effect": "Allow", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::data"})",
                              R"({"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::data"})");
  EXPECT_THAT(mfa001_actions(not_resource), IsEmpty());
}

TEST(MfaBoundary, ADenyInTheBoundaryDenies) {
  auto result = bounded(kTerminateAndDelete, R"({"Effect": "Allow", "Action": "*", "Resource": "*"},
                                                 {"Effect": "Deny", "Action": "s3:*", "Resource": "*",
                                                  "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})");
  EXPECT_THAT(mfa001_actions(result), ElementsAre("ec2:TerminateInstances"));
  EXPECT_THAT(names(result.protected_actions), ElementsAre("s3:DeleteBucket"));
}

}  // namespace
}  // namespace mfalint::analysis
