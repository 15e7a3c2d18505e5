// The sensitive and MFA-bootstrap sets: defaults from rules/data/, and overrides.
#include "catalog/rule_data.h"
#include "catalog/sensitivity.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace mfalint::catalog {
namespace {

ActionId id(std::string_view name) {
  auto found = find_action(name);
  if (!found) throw std::runtime_error("no action " + std::string(name));
  return *found;
}

TEST(Sensitivity, EveryWritePermissionsAndTaggingActionIsSensitive) {
  for (ActionId action = 0; action < action_count(); ++action) {
    AccessLevel level = action_access_level(action);
    if (level == AccessLevel::Write || level == AccessLevel::PermissionsManagement || level == AccessLevel::Tagging) {
      ASSERT_TRUE(is_sensitive(action)) << action_full_name(action);
    }
  }
}

TEST(Sensitivity, ReadActionsThatDiscloseDataAreSensitive) {
  for (auto name : {"s3:GetObject", "secretsmanager:GetSecretValue", "ssm:GetParameter", "ssm:GetParametersByPath",
                    "kms:Decrypt", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "lambda:GetFunction",
                    "ecr:GetAuthorizationToken", "sts:GetFederationToken"}) {
    EXPECT_TRUE(is_sensitive(id(name))) << name;
  }
}

TEST(Sensitivity, OtherReadAndListActionsAreNot) {
  for (auto name : {"s3:ListBucket", "s3:GetBucketLocation", "ec2:DescribeInstances", "iam:ListUsers",
                    "sts:GetCallerIdentity", "iam:ListMFADevices"}) {
    EXPECT_FALSE(is_sensitive(id(name))) << name;
  }
}

TEST(Sensitivity, MfaBootstrapSetIsExactlyTheListed) {
  std::vector<std::string> bootstrap;
  for (ActionId action = 0; action < action_count(); ++action) {
    if (is_mfa_bootstrap(action)) bootstrap.push_back(action_full_name(action));
  }
  EXPECT_THAT(bootstrap, ::testing::UnorderedElementsAre(
                             "iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ResyncMFADevice",
                             "iam:ListMFADevices", "iam:ListVirtualMFADevices", "iam:GetUser", "iam:ChangePassword",
                             "iam:GetAccountPasswordPolicy", "sts:GetSessionToken",
                             "iam:DeleteVirtualMFADevice"));  // the caller's own, never enabled: MFA016
}

TEST(Sensitivity, EveryListedPatternMatchesAnAction) {
  // A typo in rules/data/ would silently protect nothing.
  for (auto file : {"sensitive-actions.txt", "mfa-bootstrap-actions.txt"}) {
    auto entries = rule_data_entries(file);
    EXPECT_FALSE(entries.empty()) << file;
    for (auto pattern : entries) {
      EXPECT_FALSE(match_actions(pattern).empty()) << file << ": " << pattern;
    }
  }
}

TEST(Sensitivity, OverridesAddAndRemovePatterns) {
  Sensitivity custom = Sensitivity::defaults();
  EXPECT_EQ(custom.add(ActionSet::Sensitive, "ec2:Describe*"), 194u);
  EXPECT_TRUE(custom.is_sensitive(id("ec2:DescribeInstances")));
  EXPECT_EQ(custom.remove(ActionSet::Sensitive, "s3:GetObject"), 1u);
  EXPECT_FALSE(custom.is_sensitive(id("s3:GetObject")));
  EXPECT_EQ(custom.add(ActionSet::MfaBootstrap, "iam:DeactivateMFADevice"), 1u);
  EXPECT_TRUE(custom.is_mfa_bootstrap(id("iam:DeactivateMFADevice")));
  EXPECT_EQ(custom.remove(ActionSet::MfaBootstrap, "iam:GetUser"), 1u);
  EXPECT_FALSE(custom.is_mfa_bootstrap(id("iam:GetUser")));
  EXPECT_EQ(custom.add(ActionSet::Sensitive, "s3:NoSuchAction"), 0u);
  // The defaults are untouched.
  EXPECT_TRUE(is_sensitive(id("s3:GetObject")));
  EXPECT_TRUE(is_mfa_bootstrap(id("iam:GetUser")));
}

TEST(RuleData, EntriesDropCommentsAndBlanks) {
  auto levels = rule_data_entries("sensitive-access-levels.txt");
  EXPECT_THAT(levels, ::testing::ElementsAre("Write", "Permissions management", "Tagging"));
  EXPECT_THROW(rule_data_entries("no-such-list.txt"), std::logic_error);
}

}  // namespace
}  // namespace mfalint::catalog
