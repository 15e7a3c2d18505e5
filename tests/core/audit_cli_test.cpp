// `mfalint audit FILE`: formats, output file, exit status, and a dump that cannot be read.
#include "support/test_support.h"

#include <rapidjson/document.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

namespace mfalint {
namespace {

using testing::run_mfalint;
using ::testing::HasSubstr;

constexpr const char* kFixture = "tests/fixtures/account-dump/account.json";

TEST(AuditCli, JsonOfTheFixtureAndTheExitStatus) {
  auto run = run_mfalint(std::string("audit --format json ") + kFixture);
  EXPECT_EQ(run.status, 1) << run.err;
  rapidjson::Document doc;
  doc.Parse(run.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << run.out;
  EXPECT_EQ(doc["principals"].Size(), 6u);
  EXPECT_EQ(run_mfalint(std::string("audit --fail-on never ") + kFixture).status, 0);
  EXPECT_EQ(run_mfalint(std::string("audit --format yaml ") + kFixture).status, 2);
}

// Text names each principal with findings, and where in its policies each finding comes from.
TEST(AuditCli, TextGroupsFindingsUnderTheirPrincipal) {
  auto run = run_mfalint(std::string("audit ") + kFixture);
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_THAT(run.out, HasSubstr("user/alice arn:aws:iam::111122223333:user/alice: 1 finding"));
  EXPECT_THAT(run.out, HasSubstr("  = in: group admins: managed policy arn:aws:iam::111122223333:policy/operate\n"));
  EXPECT_THAT(run.out, HasSubstr("role/break-glass arn:aws:iam::111122223333:role/break-glass: 1 finding"));
  // Bob needs MFA, of any age: the default maximum MFA age's note.
  EXPECT_THAT(run.out, HasSubstr("user/bob arn:aws:iam::111122223333:user/bob: 1 finding (0 errors, 0 warnings, 1 note)"));
  EXPECT_THAT(run.out, ::testing::EndsWith("6 principals judged: 4 errors, 0 warnings, 2 notes\n"));
}

// The analysis flags work as for `check`: a maximum MFA age turns MFA008 on.
TEST(AuditCli, TakesTheAnalysisFlags) {
  auto run = run_mfalint(std::string("audit --format json --max-mfa-age 60 ") + kFixture);
  EXPECT_THAT(run.out, HasSubstr("\"MFA008\""));
  EXPECT_EQ(run_mfalint(std::string("audit --assume aws:MultiFactorAuthAge=1 ") + kFixture).status, 2);
}

// `check` on a dump does not read it as one policy (a page of wrong findings): it points to audit.
TEST(AuditCli, CheckOnADumpPointsToAudit) {
  auto run = run_mfalint(std::string("check --format json ") + kFixture);
  EXPECT_EQ(run.status, 0) << run.err;
  rapidjson::Document doc;
  doc.Parse(run.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << run.out;
  ASSERT_EQ(doc["findings"].Size(), 1u) << run.out;
  const auto& note = doc["findings"][0];
  EXPECT_STREQ(note["rule"].GetString(), "IAM018");
  EXPECT_STREQ(note["severity"].GetString(), "note");
  EXPECT_THAT(note["message"].GetString(), HasSubstr(std::string("run `mfalint audit ") + kFixture + "`"));
}

TEST(AuditCli, WritesTheReportToOutput) {
  auto out = std::filesystem::temp_directory_path() / ("mfalint-audit-" + std::to_string(getpid()) + ".md");
  auto run = run_mfalint(std::string("audit --format markdown --output '") + out.string() + "' " + kFixture);
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(testing::read_all(out), HasSubstr("## role `break-glass` · `arn:aws:iam::111122223333:role/break-glass`"));
  std::filesystem::remove(out);
}

TEST(AuditCli, AMalformedDumpExits2NamingFileLineAndColumn) {
  std::string bad = "mfalint-bad-dump-" + std::to_string(getpid()) + ".json";
  auto run = testing::run_shell("printf '{\"UserDetailList\": [\\n  {\"UserName\": 1}]}' > " + bad + " && '" +
                                    MFALINT_BINARY + "' audit " + bad,
                                std::filesystem::temp_directory_path().string());
  EXPECT_EQ(run.status, 2);
  EXPECT_THAT(run.out, HasSubstr(bad + ":2:16: error: UserDetailList[0].UserName: expected a string, found number [IAM001]"));
  std::filesystem::remove(std::filesystem::temp_directory_path() / bad);

  auto broken = run_mfalint("audit samples/broken-json.json");
  EXPECT_EQ(broken.status, 2);
  EXPECT_THAT(broken.out, ::testing::ContainsRegex("samples/broken-json.json:[0-9]+:[0-9]+: error: "));
  auto policy = run_mfalint("audit samples/mfa-protected-s3.json");
  EXPECT_EQ(policy.status, 2);
  EXPECT_THAT(policy.out, HasSubstr("samples/mfa-protected-s3.json:1:1: error: not `aws iam "
                                    "get-account-authorization-details` output"));
  EXPECT_EQ(run_mfalint("audit no/such/dump.json").status, 2);
}

// A dump is read up to --max-file-size (256 MiB by default: a large account's dump runs to tens of
// MiB), so an endless input stops there.
TEST(AuditCli, ADumpOverTheSizeLimitIsReportedNotRead) {
  testing::TempDir dir;
  std::string dump = testing::read_all(std::string(MFALINT_SOURCE_DIR) + "/" + kFixture);
  auto big = dir.write("big.json", std::string(1024 * 1024, ' ') + dump).string();
  auto run = run_mfalint("audit --max-file-size 1 '" + big + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_THAT(run.out, HasSubstr("big.json: error: larger than 1048576 bytes, the limit (--max-file-size): not read"));
  EXPECT_EQ(run_mfalint("audit --fail-on never --max-file-size 2 '" + big + "'").status, 0);

  auto endless = testing::run_shell("timeout 20 '" MFALINT_BINARY "' audit --max-file-size 1 - < /dev/zero");
  EXPECT_EQ(endless.status, 2);
  EXPECT_THAT(endless.out, HasSubstr("<stdin>: error: larger than 1048576 bytes"));
}

}  // namespace
}  // namespace mfalint
