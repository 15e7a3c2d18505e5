// `audit --org` and several dumps at once, as functions: the organization file read into its tree,
// each dump judged under its account's path from the root, one report with a section per account.
#include "pipeline/audit.h"
#include "pipeline/audit_accounts.h"
#include "pipeline/checked_load.h"
#include "catalog/catalog.h"
#include "input/organization_policy.h"
#include "input/organization_tree.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <deque>

namespace mfalint::pipeline {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string kDump = MFALINT_SOURCE_DIR "/tests/data/account-authorization-details/cloudsplaining-example.json";
const std::string kSmallDump = MFALINT_SOURCE_DIR "/tests/fixtures/account-dump/account.json";
const std::string kOrg = MFALINT_SOURCE_DIR "/tests/data/organization/";

const catalog::Sensitivity& sensitivity() { return catalog::Sensitivity::defaults(); }

report::Report audit_under(const input::Organization& org, const std::vector<std::string>& dumps, unsigned jobs = 2) {
  AccountsOptions accounts;
  accounts.organization = &org;
  accounts.jobs = jobs;
  return audit_accounts(dumps, sensitivity(), analysis::MfaOptions{}, accounts);
}

size_t exposed(const report::Report& report) {
  size_t count = 0;
  for (const auto& principal : report.principals) count += principal.exposed();
  return count;
}

TEST(OrganizationTree, ReadsEachAccountsPathFromTheRoot) {
  auto org = input::load_organization(kOrg + "organization.json");
  ASSERT_FALSE(org.file.error) << *org.file.error;
  EXPECT_EQ(org.management_account, "999999999999");
  std::vector<std::string> names;
  for (size_t node : input::path_to_account(org, "111122223333")) names.push_back(org.nodes[node].name);
  EXPECT_THAT(names, ElementsAre("root r-ab12 (Root)", "ou ou-ab12-sandbox1 (Sandbox)", "account 111122223333 (sandbox)"));
  EXPECT_TRUE(input::path_to_account(org, "123456789012").empty());
  auto path = input::path_to_account(org, "200611803367");
  auto levels = levels_on_path(org, path);
  ASSERT_EQ(levels.size(), 3u);  // SCPs at every level, no RCP anywhere
  EXPECT_EQ(levels[1].name, "ou ou-ab12-workload1 (Workloads)");
  EXPECT_EQ(levels[1].policies.size(), 2u);  // FullAWSAccess and the guard
  EXPECT_EQ(levels[0].policies.front()->context, "SCP FullAWSAccess");
}

TEST(OrganizationTree, FileThatIsNoOrganizationFailsNamingWhere) {
  auto bad_policy = input::load_organization(kOrg + "organization-bad-policy.json");
  ASSERT_TRUE(bad_policy.file.error);
  EXPECT_THAT(*bad_policy.file.error, HasSubstr("no policy here"));
  EXPECT_EQ(bad_policy.file.error_loc.line, 112u);
  EXPECT_TRUE(bad_policy.nodes.empty());
  for (const char* text : {"{\"hello\": 1}", "[]", "{\"Root\": []}", "{\"Root\": {\"Name\": \"no id\"}}",
                           "{\"Root\": {\"Id\": \"r-1\", \"Accounts\": {}}}", "{\"Root\": {\"Id\": \"r-1\"",
                           "{\"Root\": {\"Id\": \"r-1\", \"Accounts\": [{\"Id\": \"1\"}, {\"Id\": \"1\"}]}}"}) {
    auto org = input::read_organization("org.json", text);
    EXPECT_TRUE(org.file.error) << text;
    EXPECT_TRUE(org.accounts.empty()) << text;
  }
  auto missing = input::load_organization(kOrg + "no-such-file.json");
  EXPECT_TRUE(missing.file.error);
}

// Each dump gets its own account's path: the guard over the OU of the real-format dump, the
// allow-list over the sandbox account's.
TEST(AuditAccounts, EachDumpIsJudgedUnderItsAccountsPath) {
  auto org = input::load_organization(kOrg + "organization.json");
  auto report = audit_under(org, {kDump, kSmallDump});
  ASSERT_EQ(report.accounts.size(), 2u);
  EXPECT_EQ(report.accounts[0].id, "200611803367");
  EXPECT_EQ(report.accounts[1].id, "111122223333");
  EXPECT_EQ(report.accounts[1].levels.back(), "account 111122223333 (sandbox)");
  EXPECT_EQ(report.accounts[0].principals + report.accounts[1].principals, report.principals.size());
  EXPECT_EQ(report.accounts[0].exposed_principals + report.accounts[1].exposed_principals, exposed(report));
  // Under the guard no principal people use reaches a sensitive action without MFA; the
  // service-linked roles, which SCPs do not restrict, are services' and counted apart.
  EXPECT_EQ(report.accounts[0].exposed_principals, 0u);

  // The same as --scp with the same levels, dump by dump.
  std::deque<input::LoadedFile> files;
  auto levels_of = [&](const std::vector<std::string>& names) {
    std::vector<analysis::ControlLevel> levels;
    for (const auto& name : names) {
      auto& file = files.emplace_back(input::load_organization_policies(kOrg + name, model::PolicyKind::ServiceControl));
      auto& level = levels.emplace_back();
      for (const auto& policy : file.policies) level.policies.push_back(&policy);
    }
    return levels;
  };
  auto guard = levels_of({"full-aws-access.json", "mfa-guard.json", "full-aws-access.json"});
  analysis::MfaOptions options;
  options.control = guard;
  auto alone = audit_account(input::load_account_dump(kDump), sensitivity(), options);
  EXPECT_EQ(exposed(alone), report.accounts[0].exposed_principals);
  auto allow_list = levels_of({"full-aws-access.json", "full-aws-access.json", "allow-s3-and-iam-read.json"});
  options.control = allow_list;
  auto small = audit_account(input::load_account_dump(kSmallDump), sensitivity(), options);
  EXPECT_EQ(exposed(small), report.accounts[1].exposed_principals);
  EXPECT_GT(report.accounts[1].exposed_principals, 0u);

  // Subjects start with the account, findings and rows included.
  EXPECT_EQ(report.principals.front().subject.rfind("200611803367/user/", 0), 0u);
  EXPECT_EQ(report.principals.back().subject.rfind("111122223333/role/", 0), 0u);
  for (const auto& row : report.mfa_rows) EXPECT_TRUE(row.subject.starts_with("200611803367/") || row.subject.starts_with("111122223333/"));
}

TEST(AuditAccounts, SameReportOnOneThreadAsOnTwo) {
  auto org = input::load_organization(kOrg + "organization.json");
  auto one = audit_under(org, {kDump, kSmallDump, kDump}, 1);
  auto two = audit_under(org, {kDump, kSmallDump, kDump}, 2);
  ASSERT_EQ(one.principals.size(), two.principals.size());
  for (size_t i = 0; i < one.principals.size(); ++i) EXPECT_EQ(one.principals[i].subject, two.principals[i].subject);
  EXPECT_EQ(one.findings.size(), two.findings.size());
  EXPECT_EQ(one.mfa_rows.size(), two.mfa_rows.size());
}

TEST(AuditAccounts, ManagementAccountIsNotRestricted) {
  std::string text = input::load_organization(kOrg + "organization.json").file.source->text();
  auto org = input::read_organization("org.json", text.replace(text.find("999999999999"), 12, "200611803367"));
  ASSERT_FALSE(org.file.error);
  auto report = audit_under(org, {kDump});
  auto plain = audit_account(input::load_account_dump(kDump), sensitivity(), analysis::MfaOptions{});
  EXPECT_EQ(report.accounts[0].exposed_principals, exposed(plain));
  EXPECT_GT(exposed(plain), 8u);
}

TEST(AuditAccounts, AccountOutsideTheOrganizationIsAnErrorAndTheOthersGoOn) {
  auto org = input::read_organization("org.json", R"({"Root": {"Id": "r-1", "Accounts": [{"Id": "111122223333"}]}})");
  ASSERT_FALSE(org.file.error);
  auto report = audit_under(org, {kDump, kSmallDump});
  ASSERT_EQ(report.files.size(), 2u);
  ASSERT_TRUE(report.files[0].error);
  EXPECT_THAT(*report.files[0].error, HasSubstr("account 200611803367 is not in the organization org.json"));
  EXPECT_FALSE(report.files[1].error);
  EXPECT_EQ(report.accounts[0].principals, 0u);
  EXPECT_GT(report.accounts[1].principals, 0u);
}

}  // namespace
}  // namespace mfalint::pipeline
