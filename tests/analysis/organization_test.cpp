// `audit --scp/--rcp` as functions: the organization's policies over a real-format account dump.
#include "pipeline/checked_load.h"
#include "pipeline/audit.h"
#include "pipeline/organization.h"
#include "catalog/catalog.h"
#include "input/organization_policy.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <deque>

namespace mfalint::pipeline {
namespace {

const std::string kDump = MFALINT_SOURCE_DIR "/tests/data/account-authorization-details/cloudsplaining-example.json";
const std::string kOrg = MFALINT_SOURCE_DIR "/tests/data/organization/";

struct Audited {
  std::deque<input::LoadedFile> files;
  std::vector<analysis::ControlLevel> levels;
  report::Report report;
};

// The dump judged under one SCP level per file, root first.
Audited audit_with(const std::vector<std::string>& scps, model::PolicyKind kind = model::PolicyKind::ServiceControl) {
  Audited audited;
  for (const auto& name : scps) {
    auto& file = audited.files.emplace_back(input::load_organization_policies(kOrg + name, kind));
    pipeline::run_checks(file);
    EXPECT_FALSE(file.error) << name;
    analysis::ControlLevel& level = audited.levels.emplace_back();
    level.name = name;
    level.kind = kind;
    for (const auto& policy : file.policies) level.policies.push_back(&policy);
  }
  analysis::MfaOptions options;
  options.control = audited.levels;
  audited.report = audit_account(input::load_account_dump(kDump), catalog::Sensitivity::defaults(), options);
  return audited;
}

// Sensitive actions (MFA set-up aside) `subject` reaches without MFA, by name.
std::vector<std::string> unprotected(const report::Report& report, const std::string& subject) {
  std::vector<std::string> names;
  for (const auto& finding : report.findings) {
    if (finding.rule != "MFA001" || finding.severity != Severity::Error || !finding.context.starts_with(subject + ":")) continue;
    for (const auto& name : finding.actions.names()) names.push_back(name);
  }
  return names;
}

size_t unprotected_count(const report::Report& report, const std::string& subject) {
  for (const auto& principal : report.principals) {
    if (principal.subject == subject) return principal.unprotected_sensitive_actions;
  }
  ADD_FAILURE() << "no principal " << subject;
  return 0;
}

TEST(Organization, AllowListLeavesAdministratorsOnlyTheListedServices) {
  auto without = audit_with({});
  EXPECT_GT(unprotected_count(without.report, "user/obama"), 10000u);  // an administrator: nearly everything

  auto audited = audit_with({"full-aws-access.json", "allow-s3-and-iam-read.json"});
  auto names = unprotected(audited.report, "user/obama");
  EXPECT_THAT(names, ::testing::Contains("s3:DeleteBucket"));
  for (const auto& name : names) {
    EXPECT_TRUE(name.starts_with("s3:") || name.starts_with("iam:Get") || name.starts_with("iam:List")) << name;
  }
  EXPECT_EQ(unprotected_count(audited.report, "user/obama"), names.size());
  // The actions the account's level does not allow are not silently dropped: a note says which SCP decided.
  bool noted = false;
  for (const auto& finding : audited.report.findings) {
    noted = noted || (finding.context.starts_with("user/obama:") && finding.rule == "MFA018" &&
                      finding.severity == Severity::Note &&
                      finding.message.find("no SCP of level allow-s3-and-iam-read.json allows it") != std::string::npos);
  }
  EXPECT_TRUE(noted);
}

TEST(Organization, GuardLeavesNoUserASensitiveActionWithoutMfa) {
  auto audited = audit_with({"full-aws-access.json", "mfa-guard.json", "full-aws-access.json"});
  size_t users = 0;
  for (const auto& principal : audited.report.principals) {
    if (principal.type == "user") ++users;
    // Service-linked roles are beyond SCPs; every other principal needs MFA for every sensitive action.
    if (principal.arn.find(":role/aws-service-role/") != std::string::npos) continue;
    EXPECT_EQ(principal.unprotected_sensitive_actions, 0u) << principal.subject;
  }
  EXPECT_EQ(users, 44u);
  // The MFA table says the SCP decided: an administrator's rows deny both kinds by SCP.
  bool by_scp = false;
  for (const auto& row : audited.report.mfa_rows) {
    by_scp = by_scp || (row.subject == "user/obama" && row.long_term_keys.describe() == "Denied by SCP" &&
                        row.session_without_mfa.describe() == "Denied by SCP" && row.is_protected);
  }
  EXPECT_TRUE(by_scp);
}

TEST(Organization, GuardWithBoolIsEscapedByLongTermKeys) {
  auto audited = audit_with({"full-aws-access.json", "mfa-guard-bool.json"});
  EXPECT_GT(unprotected_count(audited.report, "user/obama"), 10000u);
  bool mfa002 = false;
  for (const auto& finding : audited.files[1].findings) mfa002 = mfa002 || finding.rule == "MFA002";
  EXPECT_TRUE(mfa002);
  for (const auto& row : audited.report.mfa_rows) {
    if (row.subject != "user/obama") continue;
    EXPECT_TRUE(row.long_term_keys.allowed);
    EXPECT_EQ(row.session_without_mfa.describe(), "Denied by SCP");
  }
}

TEST(Organization, DescribePolicyOutputAndListsRead) {
  auto file = input::load_organization_policies(kOrg + "ou-level-described.json", model::PolicyKind::ServiceControl);
  ASSERT_FALSE(file.error);
  ASSERT_EQ(file.policies.size(), 2u);
  EXPECT_EQ(file.policies[0].context, "SCP FullAWSAccess");
  EXPECT_EQ(file.policies[0].kind, model::PolicyKind::ServiceControl);
  auto audited = audit_with({"ou-level-described.json"});
  EXPECT_EQ(unprotected_count(audited.report, "user/obama"), 0u);
}

TEST(Organization, FileWithoutPolicyFailsNamingIt) {
  for (const char* name : {"not-a-policy.json", "../account-authorization-details/README.md"}) {
    auto file = input::load_organization_policies(kOrg + name, model::PolicyKind::ServiceControl);
    ASSERT_TRUE(file.error) << name;
    EXPECT_EQ(file.path, kOrg + name);
    EXPECT_TRUE(file.policies.empty());
  }
  auto empty = input::read_organization_policies("empty.json", "[]", model::PolicyKind::ResourceControl);
  ASSERT_TRUE(empty.error);
  EXPECT_THAT(*empty.error, ::testing::HasSubstr("resource control policy"));
}

TEST(Organization, RcpGovernsOnlyItsServices) {
  // The allow-list given as an RCP level: services RCPs do not govern stay reachable.
  auto audited = audit_with({"allow-s3-and-iam-read.json"}, model::PolicyKind::ResourceControl);
  auto names = unprotected(audited.report, "user/obama");
  EXPECT_THAT(names, ::testing::Contains("ec2:TerminateInstances"));
  EXPECT_THAT(names, ::testing::Contains("s3:DeleteBucket"));
  EXPECT_THAT(names, ::testing::Not(::testing::Contains("kms:ScheduleKeyDeletion")));
}

TEST(Organization, ServiceLinkedRolesAreBeyondScps) {
  input::DumpPrincipal role;
  role.type = input::PrincipalType::Role;
  role.arn = "arn:aws:iam::111122223333:role/aws-service-role/ssm.amazonaws.com/AWSServiceRoleForAmazonSSM";
  std::vector<analysis::ControlLevel> levels(2);
  EXPECT_TRUE(control_over(role, levels).empty());
  role.arn = "arn:aws:iam::111122223333:role/admin";
  EXPECT_EQ(control_over(role, levels).size(), 2u);
}

}  // namespace
}  // namespace mfalint::pipeline
