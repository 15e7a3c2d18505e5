// `mfalint audit` over several dumps and `--org` from the command line: one report with a section
// per account, a directory of dumps, and a bad organization file stopping the run, named.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

namespace mfalint {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kDump = "tests/data/account-authorization-details/cloudsplaining-example.json";
constexpr const char* kSmallDump = "tests/fixtures/account-dump/account.json";
constexpr const char* kOrg = "tests/data/organization/organization.json";

TEST(AuditAccountsCli, OrgFileGivesEachDumpItsLevels) {
  auto run = testing::run_mfalint(std::string("audit ") + kDump + " " + kSmallDump + " --org " + kOrg + " --format json");
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\"id\": \"200611803367\""));
  EXPECT_THAT(run.out, HasSubstr("\"ou ou-ab12-workload1 (Workloads)\""));
  EXPECT_THAT(run.out, HasSubstr("\"context\": \"111122223333/user/alice: "));
  EXPECT_THAT(run.out, HasSubstr("Denied by SCP"));
  auto text = testing::run_mfalint(std::string("audit ") + kDump + " " + kSmallDump + " --org " + kOrg);
  EXPECT_THAT(text.out, HasSubstr("account 200611803367 (" + std::string(kDump) + "): 127 principals judged; of the 96 people use, 0 reach "
                                  "sensitive actions without MFA; under root r-ab12 (Root) > ou ou-ab12-workload1 "
                                  "(Workloads) > account 200611803367 (cloudsplaining)\n"));
  auto markdown = testing::run_mfalint(std::string("audit ") + kSmallDump + " --org " + kOrg + " --format markdown");
  EXPECT_THAT(markdown.out, HasSubstr("### Accounts\n\n| Account | Dump | Principals | People use | Without MFA | Levels |"));
  auto html = testing::run_mfalint(std::string("audit ") + kSmallDump + " --org " + kOrg + " --format html");
  EXPECT_THAT(html.out, HasSubstr("<h2>Accounts</h2>"));
  EXPECT_THAT(html.out, HasSubstr("<tr><td><code>111122223333</code></td><td><code>" + std::string(kSmallDump) +
                                  "</code></td><td class=\"n\">6</td><td class=\"n\">5</td>"));
  EXPECT_THAT(html.out, HasSubstr("root r-ab12 (Root) › ou ou-ab12-sandbox1 (Sandbox) › account 111122223333 (sandbox)"));
}

TEST(AuditAccountsCli, DirectoryOfDumpsIsOneReport) {
  testing::TempDir dir;
  std::filesystem::copy_file(std::string(MFALINT_SOURCE_DIR) + "/" + kSmallDump, dir.path / "b.json");
  std::filesystem::copy_file(std::string(MFALINT_SOURCE_DIR) + "/" + kDump, dir.path / "a.json");
  std::filesystem::copy_file(std::string(MFALINT_SOURCE_DIR) + "/README.md", dir.path / "notes.md");
  auto run = testing::run_mfalint("audit " + dir.path.string() + " --format json --jobs 2");
  EXPECT_EQ(run.status, 1) << run.err;
  auto a = run.out.find("\"id\": \"200611803367\""), b = run.out.find("\"id\": \"111122223333\"");
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(b, std::string::npos);
  EXPECT_LT(a, b);  // by name: a.json first
  EXPECT_THAT(run.out, Not(HasSubstr("notes.md")));
  EXPECT_THAT(run.out, Not(HasSubstr("Denied by SCP")));
}

TEST(AuditAccountsCli, BadOrgFileIsExit2NamingIt) {
  auto run = testing::run_mfalint(std::string("audit ") + kDump + " --org tests/data/organization/organization-bad-policy.json");
  EXPECT_EQ(run.status, 2);
  EXPECT_THAT(run.err, HasSubstr("tests/data/organization/organization-bad-policy.json:112:"));
  EXPECT_EQ(run.out, "");
  for (const char* bad : {"tests/data/organization/not-a-policy.json", "samples/broken-json.json", "/nonexistent.json"}) {
    auto again = testing::run_mfalint(std::string("audit ") + kDump + " --org " + bad);
    EXPECT_EQ(again.status, 2) << bad;
    EXPECT_THAT(again.err, HasSubstr(bad));
  }
  // Levels come from one place: --org or --scp/--rcp.
  auto both = testing::run_mfalint(std::string("audit ") + kDump + " --org " + kOrg +
                                   " --scp tests/data/organization/full-aws-access.json");
  EXPECT_NE(both.status, 0);
  EXPECT_THAT(both.err, HasSubstr("--org"));
}

TEST(AuditAccountsCli, DumpOutsideTheOrganizationIsExit2AndTheOthersAreJudged) {
  testing::TempDir dir;
  auto org = dir.write("org.json", R"({"Root": {"Id": "r-1", "Accounts": [{"Id": "111122223333"}]}})");
  auto run = testing::run_mfalint(std::string("audit ") + kDump + " " + kSmallDump + " --org " + org.string() +
                                  " --format json");
  EXPECT_EQ(run.status, 2);
  EXPECT_THAT(run.out, HasSubstr("account 200611803367 is not in the organization"));
  EXPECT_THAT(run.out, HasSubstr("\"context\": \"111122223333/user/alice: "));
}

}  // namespace
}  // namespace mfalint
