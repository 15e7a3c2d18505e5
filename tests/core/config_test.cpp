// .mfalint.yaml: what it accepts, how it refuses the rest (file:line:column, exit 2), how it is
// found, and what it does to a report.
#include "pipeline/checked_load.h"
#include "pipeline/config.h"
#include "support/test_support.h"

#include <rapidjson/document.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace mfalint {
namespace {

namespace fs = std::filesystem;
using pipeline::Config;
using pipeline::ConfigError;
using pipeline::parse_config;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

// Two findings on Sid "A": IAM011 (an error) and IAM010 (a warning).
const char* const kPolicy = R"({"Version": "2012-10-17", "Statement": [
  {"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
   "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}},
  {"Sid": "A", "Effect": "Allow", "Action": [], "Resource": "*"}]})";

report::Report report_of(const std::string& path, const std::string& json) {
  report::Report report;
  report.findings = pipeline::load_text_checked(path, json).findings;
  return report;
}

using testing::TempDir;

std::string error_of(const std::string& yaml) {
  try {
    parse_config(yaml, "cfg.yaml");
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "no error";
}

TEST(Config, ReadsEveryKey) {
  Config config = parse_config(R"(
rules: {MFA001: warning, IAM016: off}
max-mfa-age: 3600
sensitive-actions: {add: ["billing:*"], remove: [s3:GetObject]}
bootstrap-actions:
  add: [iam:ListUsers]
exclude: [vendor, "**/cdk.out"]
suppressions:
  - rule: IAM011
    files: "legacy/**"
    sid: BreakGlass
    reason: audited, ticket SEC-12
  - {rule: IAM010, files: "*.json", reason: generated}
)",
                               "cfg.yaml");
  ASSERT_EQ(config.rules.size(), 2u);
  EXPECT_EQ(config.rules.at("MFA001"), Severity::Warning);
  EXPECT_EQ(config.rules.at("IAM016"), std::nullopt);
  EXPECT_EQ(config.max_mfa_age, 3600);
  EXPECT_THAT(config.sensitive_actions.add, ElementsAre("billing:*"));
  EXPECT_THAT(config.sensitive_actions.remove, ElementsAre("s3:GetObject"));
  EXPECT_THAT(config.bootstrap_actions.add, ElementsAre("iam:ListUsers"));
  EXPECT_TRUE(config.bootstrap_actions.remove.empty());
  EXPECT_THAT(config.exclude, ElementsAre("vendor", "**/cdk.out"));
  ASSERT_EQ(config.suppressions.size(), 2u);
  EXPECT_EQ(config.suppressions[0].rule, "IAM011");
  EXPECT_EQ(config.suppressions[0].files, "legacy/**");
  EXPECT_EQ(config.suppressions[0].sid, "BreakGlass");
  EXPECT_EQ(config.suppressions[0].reason, "audited, ticket SEC-12");
  EXPECT_EQ(config.suppressions[1].sid, "");
}

TEST(Config, EmptyFileAndEmptySectionsAreNothing) {
  EXPECT_TRUE(parse_config("", "cfg.yaml").rules.empty());
  EXPECT_TRUE(parse_config("# only a comment\n", "cfg.yaml").suppressions.empty());
  Config config = parse_config("exclude:\nsuppressions:\nrules:\n", "cfg.yaml");
  EXPECT_TRUE(config.exclude.empty());
  EXPECT_FALSE(config.max_mfa_age);
}

TEST(Config, MistakesNameFileLineAndColumn) {
  EXPECT_THAT(error_of("rulez: {}\n"), StartsWith("cfg.yaml:1:1: unknown key 'rulez' in the config (expected rules,"));
  EXPECT_THAT(error_of("rules:\n  MFA999: off\n"), StartsWith("cfg.yaml:2:3: unknown rule 'MFA999'"));
  EXPECT_THAT(error_of("rules:\n  MFA001: loud\n"), StartsWith("cfg.yaml:2:11: 'loud' is not a level for MFA001"));
  EXPECT_THAT(error_of("rules:\n  MFA001: [off]\n"), StartsWith("cfg.yaml:2:11: the level of MFA001 must be a single value"));
  EXPECT_THAT(error_of("rules:\n  MFA001: off\n  MFA001: note\n"), StartsWith("cfg.yaml:3:3: 'MFA001' appears twice"));
  EXPECT_THAT(error_of("rules: [MFA001]\n"), StartsWith("cfg.yaml:1:8: rules must be a mapping, not a list"));
  EXPECT_THAT(error_of("max-mfa-age: 1h\n"), StartsWith("cfg.yaml:1:14: max-mfa-age must be a whole number"));
  EXPECT_THAT(error_of("max-mfa-age: -5\n"), StartsWith("cfg.yaml:1:14: max-mfa-age must be a whole number"));
  EXPECT_THAT(error_of("exclude: vendor\n"), StartsWith("cfg.yaml:1:10: exclude must be a list, not a single value"));
  EXPECT_THAT(error_of("exclude: [vendor, {a: b}]\n"), StartsWith("cfg.yaml:1:19: each entry of exclude"));
  EXPECT_THAT(error_of("sensitive-actions:\n  add: [\"iam CreateUser\"]\n"),
              StartsWith("cfg.yaml:2:9: 'iam CreateUser' in sensitive-actions.add is not an action pattern"));
  EXPECT_THAT(error_of("bootstrap-actions: {added: []}\n"),
              StartsWith("cfg.yaml:1:21: unknown key 'added' in bootstrap-actions (expected add, remove)"));
  EXPECT_THAT(error_of("suppressions:\n  - rule: IAM011\n    files: x\n"),
              StartsWith("cfg.yaml:2:5: a suppression needs a `reason`"));
  EXPECT_THAT(error_of("suppressions:\n  - {rule: IAM011, files: x, reason: \"  \"}\n"),
              StartsWith("cfg.yaml:2:5: a suppression needs a `reason`"));
  EXPECT_THAT(error_of("suppressions:\n  - {files: x, reason: y}\n"), StartsWith("cfg.yaml:2:5: a suppression needs `rule`"));
  EXPECT_THAT(error_of("suppressions:\n  - {rule: IAM011, reason: y}\n"), StartsWith("cfg.yaml:2:5: a suppression needs `files`"));
  EXPECT_THAT(error_of("suppressions:\n  - {rule: NOPE, files: x, reason: y}\n"),
              StartsWith("cfg.yaml:2:12: unknown rule 'NOPE'"));
  EXPECT_THAT(error_of("suppressions:\n  - {rule: IAM011, file: x, reason: y}\n"),
              StartsWith("cfg.yaml:2:20: unknown key 'file' in a suppression"));
  EXPECT_THAT(error_of("suppressions:\n  - IAM011\n"), StartsWith("cfg.yaml:2:5: a suppression must be a mapping"));
  EXPECT_THAT(error_of("rules: [a\n"), StartsWith("cfg.yaml:2:1: invalid YAML:"));
  EXPECT_THAT(error_of("- just\n- a list\n"), StartsWith("cfg.yaml:1:1: the config must be a mapping, not a list"));
  EXPECT_THAT(error_of("sets: admins\n"), StartsWith("cfg.yaml:1:7: sets must be a list, not a single value"));
  EXPECT_THAT(error_of("sets:\n  - admins\n"), StartsWith("cfg.yaml:2:5: a set must be a mapping"));
  EXPECT_THAT(error_of("sets:\n  - {policies: [a.json]}\n"), StartsWith("cfg.yaml:2:5: a set needs a `name`"));
  EXPECT_THAT(error_of("sets:\n  - {name: a}\n"), StartsWith("cfg.yaml:2:5: a set needs `policies`"));
  EXPECT_THAT(error_of("sets:\n  - {name: a, policy: [a.json]}\n"), StartsWith("cfg.yaml:2:15: unknown key 'policy' in a set"));
  EXPECT_THAT(error_of("sets:\n  - {name: a, policies: [a.json]}\n  - {name: a, policies: [b.json]}\n"),
              StartsWith("cfg.yaml:3:5: a second set named 'a'"));
}

TEST(Config, ReadsSets) {
  auto config = pipeline::parse_config("sets:\n  - name: admins\n    policies: [iam/a.json, \"main.tf#aws_iam_policy.x\"]\n",
                                       "cfg.yaml");
  ASSERT_EQ(config.sets.size(), 1u);
  EXPECT_EQ(config.sets[0].name, "admins");
  EXPECT_THAT(config.sets[0].policies, ::testing::ElementsAre("iam/a.json", "main.tf#aws_iam_policy.x"));
  auto sets = pipeline::policy_sets_of(config);
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_TRUE(sets[0].holds("iam/a.json", ""));
  EXPECT_FALSE(sets[0].holds("iam/b.json", ""));
  EXPECT_TRUE(sets[0].holds("main.tf", "aws_iam_policy.x"));
  EXPECT_TRUE(sets[0].holds("main.tf", "data.aws_iam_policy_document.d used by aws_iam_policy.x"));
  EXPECT_FALSE(sets[0].holds("main.tf", "aws_iam_policy.xy"));
  EXPECT_FALSE(sets[0].holds("main.tf", "aws_iam_role.x"));
}

TEST(Config, ApplyChangesSeveritiesAndDropsRulesThatAreOff) {
  auto report = report_of("policy.json", kPolicy);
  ASSERT_THAT(testing::rules_of(report.findings), UnorderedElementsAre("IAM011", "IAM010"));
  pipeline::apply_config(parse_config("rules: {IAM011: note, IAM010: off}", "cfg.yaml"), report);
  ASSERT_THAT(testing::rules_of(report.findings), ElementsAre("IAM011"));
  EXPECT_EQ(report.findings[0].severity, Severity::Note);
  EXPECT_TRUE(report.suppressed.empty());
}

TEST(Config, ApplyMovesSuppressedFindingsWithTheirReason) {
  auto report = report_of("legacy/policy.json", kPolicy);
  pipeline::apply_config(parse_config(R"(
rules: {IAM011: warning}
suppressions:
  - {rule: IAM011, files: "legacy/**", sid: A, reason: "audited, SEC-12"}
  - {rule: IAM010, files: "legacy/*.json", sid: B, reason: "another statement"}
  - {rule: IAM010, files: "other/**", reason: "another file"}
)",
                                      "cfg.yaml"),
                         report);
  ASSERT_THAT(testing::rules_of(report.findings), ElementsAre("IAM010"));
  ASSERT_EQ(report.suppressed.size(), 1u);
  EXPECT_EQ(report.suppressed[0].finding.rule, "IAM011");
  EXPECT_EQ(report.suppressed[0].finding.severity, Severity::Warning);  // as configured, even when suppressed
  EXPECT_EQ(report.suppressed[0].reason, "audited, SEC-12");
}

TEST(Config, GlobsAreRelativeToTheConfigFile) {
  Config config;
  config.root = "/repo";
  config.cwd = "/repo/sub";
  EXPECT_EQ(pipeline::root_relative(config, "x/p.json"), "sub/x/p.json");
  EXPECT_EQ(pipeline::root_relative(config, "./x/../p.json"), "sub/p.json");
  EXPECT_EQ(pipeline::root_relative(config, "../p.json"), "p.json");
  EXPECT_EQ(pipeline::root_relative(config, "/repo/a/p.json"), "a/p.json");
  EXPECT_EQ(pipeline::root_relative(config, "../../elsewhere/p.json"), std::nullopt);
  EXPECT_EQ(pipeline::root_relative(config, "/elsewhere/p.json"), std::nullopt);
  config.exclude = {"sub/vendor", "**/*.generated.json"};
  EXPECT_TRUE(pipeline::is_excluded(config, "vendor/a/p.json"));
  EXPECT_TRUE(pipeline::is_excluded(config, "/repo/x/stack.generated.json"));
  EXPECT_FALSE(pipeline::is_excluded(config, "../vendor/p.json"));
  EXPECT_FALSE(pipeline::is_excluded(config, "-"));
}

TEST(Config, ExcludesApplyToDirectoryWalksAndNamedFiles) {
  TempDir dir;
  dir.write("policies/a.json", kPolicy);
  dir.write("policies/vendor/b.json", kPolicy);
  dir.write("c.json", kPolicy);
  Config config;
  config.root = dir.path;
  config.cwd = dir.path;
  config.exclude = {"**/vendor", "c.json"};
  std::string missing = (dir.path / "missing.json").string();
  auto paths = pipeline::without_excluded(config, {dir.path.string(), (dir.path / "c.json").string(), missing});
  EXPECT_THAT(paths, ElementsAre((dir.path / "policies/a.json").string(), missing));
  config.exclude.clear();
  EXPECT_THAT(pipeline::without_excluded(config, {"x", "-"}), ElementsAre("x", "-"));  // not even walked
}

TEST(Config, FoundByWalkingUpToTheRepository) {
  TempDir dir;
  dir.write(".mfalint.yaml", "");
  fs::create_directories(dir.path / "plain/deep");
  EXPECT_EQ(pipeline::find_config(dir.path / "plain/deep"), dir.path / ".mfalint.yaml");
  // A repository does not take its config from a directory above it.
  fs::create_directories(dir.path / "repo/.git");
  fs::create_directories(dir.path / "repo/sub");
  EXPECT_EQ(pipeline::find_config(dir.path / "repo/sub"), std::nullopt);
  dir.write("repo/.mfalint.yaml", "");
  EXPECT_EQ(pipeline::find_config(dir.path / "repo/sub"), dir.path / "repo/.mfalint.yaml");
}

TEST(Config, LoadAnchorsAtTheFilesDirectory) {
  TempDir dir;
  dir.write("ci/lint.yaml", "exclude: [vendor]\n");
  Config config = pipeline::load_config((dir.path / "ci/lint.yaml").string());
  EXPECT_EQ(config.root, dir.path / "ci");
  EXPECT_EQ(config.cwd, fs::current_path());
  EXPECT_THAT([&] { pipeline::load_config((dir.path / "nope.yaml").string()); },
              ::testing::ThrowsMessage<ConfigError>(HasSubstr("nope.yaml: no such file")));
}

TEST(ConfigCli, FoundFromTheWorkingDirectoryAndShownInReports) {
  TempDir dir;
  dir.write("policies/p.json", kPolicy);
  dir.write("policies/vendor/v.json", kPolicy);
  dir.write(".mfalint.yaml", R"(
exclude: ["**/vendor"]
rules: {IAM010: off, MFA008: off}
suppressions:
  - {rule: IAM011, files: "policies/*.json", sid: A, reason: "audited, SEC-12"}
)");
  fs::create_directories(dir.path / "policies/deeper");
  auto run = testing::run_mfalint("check ..", (dir.path / "policies/deeper").string());
  EXPECT_EQ(run.status, 0) << run.out << run.err;  // --fail-on counts only what is reported
  EXPECT_THAT(run.out, HasSubstr("1 file checked: 0 errors, 0 warnings, 0 notes; 1 suppressed\n"));

  run = testing::run_mfalint("check --format json policies", dir.path.string());
  EXPECT_EQ(run.status, 0) << run.err;
  rapidjson::Document doc;
  doc.Parse(run.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << run.out;
  EXPECT_EQ(doc["findings"].Size(), 0u);
  ASSERT_EQ(doc["suppressed"].Size(), 1u);
  EXPECT_STREQ(doc["suppressed"][0]["rule"].GetString(), "IAM011");
  EXPECT_STREQ(doc["suppressed"][0]["file"].GetString(), "policies/p.json");
  EXPECT_STREQ(doc["suppressed"][0]["reason"].GetString(), "audited, SEC-12");
}

TEST(ConfigCli, ExplicitConfigAndBadConfigs) {
  TempDir dir;
  dir.write("p.json", kPolicy);
  dir.write("ci/off.yaml", "rules: {IAM011: off, IAM010: off}\n");
  dir.write(".mfalint.yaml", "rules:\n  IAM011: sometimes\n");
  auto run = testing::run_mfalint("check p.json", dir.path.string());
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "mfalint: error: .mfalint.yaml:2:11: 'sometimes' is not a level for IAM011: use error, "
                     "warning, note or off\n");
  run = testing::run_mfalint("check --config ci/off.yaml p.json", dir.path.string());
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  run = testing::run_mfalint("check --config ci/missing.yaml p.json", dir.path.string());
  EXPECT_EQ(run.status, 2);
  EXPECT_THAT(run.err, HasSubstr("ci/missing.yaml: no such file"));
}

}  // namespace
}  // namespace mfalint
