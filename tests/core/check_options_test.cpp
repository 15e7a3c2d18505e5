// `mfalint check` options of the MFA analysis: --assume, --max-mfa-age, --explain, --jobs, and the
// config's max-mfa-age, sensitive-actions and bootstrap-actions.
#include "support/test_support.h"

#include <fmt/format.h>
#include <rapidjson/document.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

namespace mfalint {
namespace {

namespace fs = std::filesystem;
using testing::run_mfalint;
using ::testing::HasSubstr;
using ::testing::Not;

// A scratch directory with a `.git`, so no `.mfalint.yaml` above it is found; removed with the test.
struct TempDir : testing::TempDir {
  TempDir() { fs::create_directories(path / ".git"); }
  testing::RunResult check(const std::string& args) const { return run_mfalint("check " + args, path.string()); }
};

size_t count_of(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

// iam:CreateUser is denied without MFA, but the Deny also needs the request to be for us-east-1.
const char* const kRegionDeny = R"({"Version": "2012-10-17", "Statement": [
  {"Sid": "Work", "Effect": "Allow", "Action": "iam:CreateUser", "Resource": "*"},
  {"Sid": "NeedMfa", "Effect": "Deny", "Action": "iam:CreateUser", "Resource": "*",
   "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"},
                 "StringEquals": {"aws:RequestedRegion": "us-east-1"}}}]})";

TEST(CheckAssume, ARegionDenyIsEscapableUntilTheRegionIsFixed) {
  TempDir dir;
  dir.write("p.json", kRegionDeny);
  auto by_default = dir.check("p.json");
  EXPECT_EQ(by_default.status, 1);
  EXPECT_THAT(by_default.out, HasSubstr("allowed without MFA to long-term access keys and sessions without MFA"));
  EXPECT_THAT(by_default.out, HasSubstr("[MFA001]"));
  EXPECT_THAT(by_default.out, HasSubstr("[MFA009]"));

  auto matching = dir.check("--assume aws:RequestedRegion=us-east-1 --explain p.json");
  EXPECT_THAT(matching.out, Not(HasSubstr("[MFA001]"))) << matching.out;
  EXPECT_THAT(matching.out, HasSubstr("MFA table, 0 of 1 sensitive action pattern reachable without MFA"));
  EXPECT_TRUE(std::regex_search(matching.out, std::regex(R"(iam:CreateUser \(1 sensitive action\) +\* +Denied +Denied +any age)")))
      << matching.out;

  auto other = dir.check("--assume AWS:requestedregion=eu-west-1 p.json");
  EXPECT_EQ(other.status, 1);
  EXPECT_THAT(other.out, HasSubstr("allowed without MFA to long-term access keys and sessions without MFA; "
                                   "evaluated with aws:RequestedRegion fixed to eu-west-1 by --assume [MFA001]"));
}

TEST(CheckAssume, AnAllowConditionIsEvaluatedInsteadOfAssumed) {
  TempDir dir;
  dir.write("p.json", testing::policy_with(R"({"Effect": "Allow", "Action": "iam:CreateUser", "Resource": "*",
      "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}})"));
  EXPECT_THAT(dir.check("p.json").out, HasSubstr("assumes the requester can meet the conditions on aws:SourceIp [MFA001]"));
  auto inside = dir.check("--assume aws:SourceIp=10.1.2.3 p.json");
  EXPECT_THAT(inside.out, HasSubstr("without MFA to long-term access keys and sessions without MFA; "
                                    "evaluated with aws:SourceIp fixed to 10.1.2.3 by --assume [MFA001]"));
  EXPECT_THAT(dir.check("--assume aws:SourceIp=192.168.1.1 p.json").out, Not(HasSubstr("[MFA001]")));
  // Judged in a set with another file, the finding still says what --assume fixed.
  dir.write("deny.json", testing::policy_with(R"({"Effect": "Deny", "Action": "s3:*", "Resource": "*"})"));
  auto together = dir.check("--together --assume aws:SourceIp=10.1.2.3 p.json deny.json");
  EXPECT_THAT(together.out, HasSubstr("without MFA to long-term access keys and sessions without MFA; "
                                      "evaluated with aws:SourceIp fixed to 10.1.2.3 by --assume [MFA001]"));
}

TEST(CheckAssume, AKeyGivenTwiceIsMultivalued) {
  TempDir dir;
  dir.write("p.json", testing::policy_with(R"({"Effect": "Allow", "Action": "iam:CreateUser", "Resource": "*",
      "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]}}})"));
  auto within = dir.check("--assume aws:TagKeys=team --assume aws:TagKeys=env p.json");
  EXPECT_THAT(within.out, HasSubstr("evaluated with aws:TagKeys fixed to [team, env] by --assume [MFA001]"));
  EXPECT_THAT(dir.check("--assume aws:TagKeys=team --assume aws:TagKeys=owner p.json").out, Not(HasSubstr("[MFA001]")));
}

TEST(CheckAssume, RefusesMfaKeysAndMalformedPairs) {
  TempDir dir;
  dir.write("p.json", kRegionDeny);
  auto mfa = dir.check("--assume aws:MultiFactorAuthPresent=true p.json");
  EXPECT_EQ(mfa.status, 2);
  EXPECT_THAT(mfa.err, HasSubstr("mfalint: error: --assume aws:MultiFactorAuthPresent=true: the analysis tries every "
                                 "value of the MFA keys itself"));
  EXPECT_TRUE(mfa.out.empty());
  EXPECT_EQ(dir.check("--assume aws:multifactorauthage=5 p.json").status, 2);
  auto no_value = dir.check("--assume aws:RequestedRegion p.json");
  EXPECT_EQ(no_value.status, 2);
  EXPECT_THAT(no_value.err, HasSubstr("--assume aws:RequestedRegion: expected KEY=VALUE"));
  EXPECT_EQ(dir.check("--assume =us-east-1 p.json").status, 2);
}

// Usable by an MFA session up to 43199 s after sign-in: 12 hours.
const char* const kTwelveHours = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "iam:CreateUser", "Resource": "*",
   "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "43200"}}}]})";

// A default run says something about a window as long as a whole default session: a note, which
// fails no build at the default --fail-on.
TEST(CheckMaxMfaAge, ByDefaultAWindowLongerThanAnHourIsANote) {
  TempDir dir;
  dir.write("p.json", kTwelveHours);
  auto run = dir.check("p.json");
  EXPECT_EQ(run.status, 0);
  EXPECT_THAT(run.out, HasSubstr("p.json:2:33: note: iam:CreateUser (1 sensitive action) usable by an MFA session up to "
                                 "43199 s after sign-in; the maximum is 3600 s by default [MFA008]"));
  EXPECT_EQ(dir.check("--fail-on note p.json").status, 1);
  dir.write("hour.json", testing::policy_with(R"({"Effect": "Allow", "Action": "iam:CreateUser", "Resource": "*",
      "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "3601"}}})"));
  EXPECT_THAT(dir.check("hour.json").out, Not(HasSubstr("[MFA008]")));
}

TEST(CheckMaxMfaAge, TheConfigCanTurnTheDefaultOffOrRaiseIt) {
  TempDir dir;
  dir.write("p.json", kTwelveHours);
  dir.write(".mfalint.yaml", "rules: {MFA008: off}\n");
  EXPECT_THAT(dir.check("p.json").out, Not(HasSubstr("[MFA008]")));
  dir.write(".mfalint.yaml", "max-mfa-age: 43200\n");
  EXPECT_THAT(dir.check("p.json").out, Not(HasSubstr("[MFA008]")));
}

TEST(CheckMaxMfaAge, AConfiguredMaximumIsAWarning) {
  TempDir dir;
  dir.write("p.json", kTwelveHours);
  auto bounded = dir.check("--max-mfa-age 3600 p.json");
  EXPECT_EQ(bounded.status, 1);
  EXPECT_THAT(bounded.out, HasSubstr("usable by an MFA session up to 43199 s after sign-in; the maximum is 3600 s [MFA008]"));
  EXPECT_EQ(dir.check("--max-mfa-age 43199 p.json").status, 0);
}

TEST(CheckMaxMfaAge, AnUnboundedWindowExceedsAnyMaximum) {
  TempDir dir;
  dir.write("p.json", testing::policy_with(R"({"Effect": "Allow", "Action": "iam:CreateUser", "Resource": "*",
      "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})"));
  EXPECT_THAT(dir.check("--max-mfa-age 86400 p.json").out, HasSubstr("[MFA008]"));
}

TEST(CheckMaxMfaAge, RefusesAnythingButWholeSeconds) {
  TempDir dir;
  dir.write("p.json", kTwelveHours);
  for (const char* bad : {"-1", "1.5", "1h", "''"}) {
    auto run = dir.check(std::string("--max-mfa-age ") + bad + " p.json");
    EXPECT_EQ(run.status, 2) << bad;
    EXPECT_THAT(run.err, HasSubstr("mfalint: error: --max-mfa-age must be a whole number of seconds")) << bad;
  }
  EXPECT_EQ(dir.check("--max-mfa-age 0 p.json").status, 1);
}

TEST(CheckMaxMfaAge, TheFlagWinsOverTheConfig) {
  TempDir dir;
  dir.write("p.json", kTwelveHours);
  dir.write(".mfalint.yaml", "max-mfa-age: 3600\n");
  EXPECT_THAT(dir.check("p.json").out, HasSubstr("the maximum is 3600 s [MFA008]"));
  EXPECT_THAT(dir.check("--max-mfa-age 86400 p.json").out, Not(HasSubstr("[MFA008]")));
  EXPECT_THAT(dir.check("--max-mfa-age 600 p.json").out, HasSubstr("the maximum is 600 s [MFA008]"));
}

TEST(CheckConfig, SensitiveActionsAddAndRemove) {
  TempDir dir;
  dir.write("p.json", testing::policy_with(R"({"Effect": "Allow", "Action": ["iam:CreateUser", "s3:ListBucket"],
      "Resource": "*"})"));
  auto defaults = dir.check("p.json");
  EXPECT_THAT(defaults.out, HasSubstr("(1 sensitive action: iam:CreateUser) allowed without MFA"));
  dir.write(".mfalint.yaml", "sensitive-actions: {add: [\"s3:List*\"], remove: [iam:CreateUser]}\n");
  auto edited = dir.check("p.json");
  EXPECT_THAT(edited.out, HasSubstr("(1 sensitive action: s3:ListBucket) allowed without MFA"));
  EXPECT_TRUE(edited.err.empty()) << edited.err;
  // Removing wins over adding.
  dir.write(".mfalint.yaml", "sensitive-actions: {add: [\"iam:*\"], remove: [iam:CreateUser]}\n");
  EXPECT_EQ(dir.check("p.json").status, 0);
}

TEST(CheckConfig, BootstrapActionsAdd) {
  TempDir dir;
  dir.write("p.json", testing::policy_with(R"({"Effect": "Allow", "Action": "iam:CreateUser", "Resource": "*"})"));
  dir.write(".mfalint.yaml", "bootstrap-actions:\n  add: [iam:CreateUser]\n");
  auto run = dir.check("p.json");
  EXPECT_EQ(run.status, 0);
  EXPECT_THAT(run.out, HasSubstr("note: MFA set-up actions reachable without MFA, as they must be for users to enable "
                                 "MFA: iam:CreateUser [MFA017]"));
}

TEST(CheckConfig, APatternMatchingNoActionIsAWarningNamingTheConfig) {
  TempDir dir;
  dir.write("p.json", testing::policy_with(R"({"Effect": "Allow", "Action": "iam:CreateUser", "Resource": "*"})"));
  dir.write(".mfalint.yaml", "sensitive-actions:\n  remove: [iam:CreateUser, \"iam:CreateUsr\"]\n");
  auto run = dir.check("p.json");
  EXPECT_EQ(run.status, 0);  // the other pattern still applies
  EXPECT_THAT(run.err, HasSubstr("mfalint: warning: .mfalint.yaml:2:28: 'iam:CreateUsr' in sensitive-actions.remove "
                                 "matches no known action, so it changes nothing"));
}

// One line per statement in text, naming a few actions; every action in JSON.
TEST(CheckOutput, TextGroupsAStatementsActionsJsonListsThemAll) {
  TempDir dir;
  dir.write("p.json", testing::policy_with(R"({"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"})"));
  auto text = dir.check("p.json");
  EXPECT_EQ(count_of(text.out, "[MFA001]"), 1u) << text.out;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(text.out, match,
                                std::regex(R"(s3:Get\* \((\d+) sensitive actions: s3:\w+, s3:\w+, s3:\w+, \.\.\. \((\d+) more\)\))")))
      << text.out;
  size_t total = std::stoul(match[1]);
  EXPECT_EQ(std::stoul(match[2]), total - 3);

  auto json = dir.check("--format json p.json");
  rapidjson::Document doc;
  doc.Parse(json.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << json.out;
  ASSERT_EQ(doc["findings"].Size(), 1u);
  const auto& actions = doc["findings"][0]["actions"];
  ASSERT_EQ(actions.Size(), total);
  for (const auto& action : actions.GetArray()) EXPECT_THAT(action.GetString(), ::testing::StartsWith("s3:Get"));
}

TEST(CheckExplain, ATableAfterEachFilesFindingsWithinAHundredColumns) {
  TempDir dir;
  std::string resources;
  for (int i = 0; i < 6; ++i) resources += (i ? ", " : "") + fmt::format("\"arn:aws:s3:::a-rather-long-bucket-name-{}/*\"", i);
  dir.write("a.json", testing::policy_with(R"({"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": [)" +
                                           resources + "]}"));
  dir.write("b.json", kTwelveHours);
  dir.write("c.json", testing::policy_with(R"({"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"})"));
  auto run = dir.check("--explain --max-mfa-age 43199 a.json b.json c.json");
  EXPECT_EQ(run.status, 1);
  size_t a_finding = run.out.find("a.json:1:"), a_table = run.out.find("a.json: MFA table, 1 of 1");
  size_t b_table = run.out.find("b.json: MFA table, 0 of 1"), c_table = run.out.find("c.json: MFA table empty");
  ASSERT_NE(a_finding, std::string::npos) << run.out;
  EXPECT_LT(a_finding, a_table);
  EXPECT_LT(a_table, b_table);
  EXPECT_LT(b_table, c_table);
  EXPECT_NE(c_table, std::string::npos) << run.out;
  EXPECT_TRUE(std::regex_search(run.out, std::regex(R"(\n  Action +Resource +Long-term keys +Session without MFA +MFA window\n)")))
      << run.out;
  EXPECT_TRUE(std::regex_search(run.out, std::regex(R"(\n  iam:CreateUser \(1 sensitive action\) +\* +Denied +Denied +up to 43199 s\n)")))
      << run.out;
  // The six ARNs wrap inside their column, after a `:` when one is too long; every line fits in
  // 100 columns.
  EXPECT_TRUE(std::regex_search(run.out, std::regex(R"(\n {30,}arn:aws:s3:::\n {30,}a-rather-long-bucket-name-5/\*\n)")))
      << run.out;
  std::istringstream lines(run.out.substr(a_table, c_table - a_table));
  for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), 100u) << line;

  EXPECT_THAT(dir.check("a.json").out, Not(HasSubstr("MFA table")));
}

// A directory with many files of every kind: policies with and without MFA, grammar mistakes,
// broken and empty files, templates with several policies, nested directories.
void write_many(const TempDir& dir) {
  for (const auto& sample : fs::directory_iterator(MFALINT_SOURCE_DIR "/samples")) {
    if (sample.path().extension() == ".json") fs::copy_file(sample.path(), dir.path / "tree" / sample.path().filename());
  }
  const std::string put = R"({"Effect": "Allow", "Action": "s3:Put*", "Resource": "arn:aws:s3:::b/*"})";
  const std::string two_policies = fmt::format(
      R"({{"Resources": {{"R": {{"Type": "AWS::IAM::ManagedPolicy", "Properties": {{"PolicyDocument": {}}}}},
                          "S": {{"Type": "AWS::IAM::ManagedPolicy", "Properties": {{"PolicyDocument": {}}}}}}}}})",
      kTwelveHours, kRegionDeny);
  const std::string contents[] = {kRegionDeny, kTwelveHours, testing::policy_with(put), "", "{\"Version\": ", two_policies};
  for (int i = 0; i < 60; ++i) dir.write(fmt::format("tree/d{}/p{:02}.json", i % 4, i), contents[i % 6]);
}

TEST(CheckJobs, ReportIsTheSameForAnyNumberOfJobs) {
  TempDir dir;
  fs::create_directories(dir.path / "tree");
  write_many(dir);
  for (const char* format : {"json", "text --explain", "sarif"}) {
    auto one = dir.check(std::string("--jobs 1 --max-mfa-age 600 --format ") + format + " tree");
    auto four = dir.check(std::string("--jobs 4 --max-mfa-age 600 --format ") + format + " tree");
    EXPECT_EQ(one.status, 2);  // the broken and empty files
    EXPECT_EQ(four.status, one.status);
    EXPECT_EQ(four.out, one.out) << format;
    EXPECT_THAT(one.out, HasSubstr("p59.json"));
  }
  // Standard input among the files is read once, where a sequential run reads it.
  auto stdin_one = dir.check("--jobs 1 --format json tree/d1 - tree/d2 < tree/d0/p00.json");
  EXPECT_THAT(stdin_one.out, HasSubstr("\"<stdin>\""));
  EXPECT_EQ(dir.check("--jobs 4 --format json tree/d1 - tree/d2 < tree/d0/p00.json").out, stdin_one.out);
  EXPECT_EQ(dir.check("--jobs 0 tree").status, 2);
}

TEST(CheckJobs, ManagedPolicyCorpusIsTheSameForAnyNumberOfJobs) {
  std::string corpus = MFALINT_MANAGED_POLICIES_DIR;
  auto one = run_mfalint("check --jobs 1 --format json " + corpus);
  auto four = run_mfalint("check --jobs 4 --format json " + corpus);
  EXPECT_EQ(one.status, 2);  // two empty files in the corpus
  EXPECT_EQ(four.status, one.status);
  EXPECT_GT(one.out.size(), 1000000u);
  EXPECT_TRUE(four.out == one.out) << "--jobs 4 and --jobs 1 differ on the corpus";
}

}  // namespace
}  // namespace mfalint
