// check_files with options: the sensitivity and MFA options reach the analysis, and the report
// does not depend on how many files are checked at once.
#include "pipeline/check_files.h"
#include "catalog/catalog.h"
#include "eval/condition.h"
#include "report/report.h"
#include "support/test_support.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace mfalint::pipeline {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

using testing::TempDir;

std::string as_json(const report::Report& report) {
  std::ostringstream out;
  report::find_reporter("json")->write(report, {}, out);
  return out.str();
}

std::vector<std::string> mfa001_errors(const report::Report& report) {
  std::vector<std::string> messages;
  for (const auto& finding : report.findings) {
    if (finding.rule == "MFA001" && finding.severity != Severity::Note) messages.push_back(finding.message);
  }
  return messages;
}

TEST(CheckFiles, UsesTheGivenSensitivity) {
  TempDir dir;
  auto path = dir.write("p.json", testing::policy_with(R"({"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"})"));
  CheckFilesOptions options;
  EXPECT_TRUE(mfa001_errors(check_files({path}, options)).empty());
  EXPECT_EQ(options.sensitivity.add(catalog::ActionSet::Sensitive, "s3:ListBucket"), 1u);
  EXPECT_THAT(mfa001_errors(check_files({path}, options)),
              ElementsAre(HasSubstr("s3:ListBucket (1 sensitive action) allowed without MFA")));  // named once
}

TEST(CheckFiles, FixedKeysAreEvaluatedAndSaidSo) {
  TempDir dir;
  auto path = dir.write("p.json", testing::policy_with(R"({"Effect": "Allow", "Action": "iam:CreateUser", "Resource": "*",
      "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east-1"}}},
      {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpc": "vpc-1"}}})"));
  CheckFilesOptions options;
  options.mfa.assumptions.fixed["aws:requestedregion"] = {"us-east-1"};
  options.mfa.assumptions.fixed["aws:sourcevpc"] = {"vpc-2"};
  options.mfa.assumptions.fixed["aws:sourceip"] = {"10.0.0.1"};  // in no condition: not mentioned
  EXPECT_THAT(mfa001_errors(check_files({path}, options)),
              ElementsAre(HasSubstr("allowed without MFA to long-term access keys and sessions without MFA; evaluated "
                                    "with aws:RequestedRegion fixed to us-east-1, aws:SourceVpc fixed to vpc-2 by --assume")));
  options.mfa.assumptions.fixed["aws:sourcevpc"] = {"vpc-1"};  // now the Deny applies
  EXPECT_TRUE(mfa001_errors(check_files({path}, options)).empty());
}

TEST(CheckFiles, TheReportIsTheSameForAnyNumberOfJobs) {
  TempDir dir;
  for (int i = 0; i < 40; ++i) {
    std::string mfa = i % 3 ? "" : R"(, "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}})";
    std::string statement =
        fmt::format(R"({{"Effect": "Allow", "Action": "s3:Put*", "Resource": "arn:aws:s3:::b{}/*"{}}})", i, mfa);
    dir.write(fmt::format("d{}/p{:02}.json", i % 3, i), i % 7 == 6 ? "not json" : testing::policy_with(statement));
  }
  CheckFilesOptions options;
  options.mfa.max_mfa_age = 60;
  auto sequential = check_files({dir.path.string(), (dir.path / "missing.json").string()}, options);
  ASSERT_EQ(sequential.files.size(), 41u);
  EXPECT_EQ(sequential.files.front().path, (dir.path / "missing.json").string());  // unreadable paths come first
  EXPECT_EQ(sequential.mfa_rows.size(), 35u);  // one per readable file
  for (unsigned jobs : {2u, 4u, 16u}) {
    options.jobs = jobs;
    EXPECT_EQ(as_json(check_files({dir.path.string(), (dir.path / "missing.json").string()}, options)),
              as_json(sequential))
        << jobs << " jobs";
  }
}

// Reporters may render on several threads (ReportOptions::jobs); what they write must not change.
TEST(CheckFiles, EveryReporterWritesTheSameWithAnyNumberOfJobs) {
  TempDir dir;
  std::string statements;
  for (int i = 0; i < 600; ++i) {
    statements += fmt::format(R"({}{{"Effect": "Allow", "Action": "iam:CreateUser", "Resource": "arn:aws:iam::1:user/u{}"}})",
                              i ? ", " : "", i);
  }
  CheckFilesOptions options;
  auto report = check_files({dir.write("p.json", testing::policy_with(statements))}, options);
  ASSERT_GE(report.findings.size(), 600u);
  report::ReportOptions threads;
  threads.jobs = 3;
  for (const auto& reporter : report::all_reporters()) {
    std::ostringstream one, three;
    reporter.write(report, {}, one);
    reporter.write(report, threads, three);
    EXPECT_EQ(three.str(), one.str()) << reporter.format;
  }
}

// `check` builds the MFA table only for --explain or a reporter that declares it uses it: every
// other must render the same report without it.
TEST(CheckFiles, OnlyReportersThatSayTheyUseTheMfaTableShowIt) {
  TempDir dir;
  auto path = dir.write("p.json", testing::policy_with(R"({"Effect": "Allow", "Action": "iam:CreateUser", "Resource": "*"},
      {"Effect": "Allow", "Action": "s3:DeleteBucket", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})"));
  CheckFilesOptions options;
  auto with_rows = check_files({path}, options);
  ASSERT_EQ(with_rows.mfa_rows.size(), 2u);
  auto without_rows = with_rows;
  without_rows.mfa_rows.clear();
  for (const auto& reporter : report::all_reporters()) {
    std::ostringstream with, without;
    reporter.write(with_rows, {}, with);
    reporter.write(without_rows, {}, without);
    EXPECT_EQ(with.str() != without.str(), reporter.uses_mfa_rows) << reporter.format;
  }
  report::ReportOptions explain;
  explain.explain = true;
  std::ostringstream with, without;
  report::find_reporter("text")->write(with_rows, explain, with);
  report::find_reporter("text")->write(without_rows, explain, without);
  EXPECT_THAT(with.str(), HasSubstr("MFA table, 1 of 2 sensitive action patterns reachable without MFA"));
  EXPECT_NE(with.str(), without.str());
}

// AWS's "deny everything except IAM unless MFA" in one file, an administrator's Allow in another:
// apart, the Allow reaches every sensitive action without MFA; together (--together), exactly the
// sensitive IAM actions the Deny's NotAction exempts, reported at the Allow in its own file.
TEST(CheckFiles, TogetherJudgesTheFilesAsOnePrincipalsSet) {
  TempDir dir;
  auto admin = dir.write("admin.json", testing::policy_with(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})"));
  auto guard = dir.write("guard.json", testing::policy_with(
      R"({"Effect": "Deny", "NotAction": "iam:*", "Resource": "*",
          "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})"));
  CheckFilesOptions options;
  auto errors_in = [](const report::Report& report, const std::string& file) {
    std::vector<const Finding*> out;
    for (const auto& finding : report.findings) {
      if (finding.rule == "MFA001" && finding.severity != Severity::Note && finding.source &&
          finding.source->path() == file) {
        out.push_back(&finding);
      }
    }
    return out;
  };
  auto apart = check_files({admin.string(), guard.string()}, options);
  ASSERT_EQ(errors_in(apart, admin.string()).size(), 1u);
  EXPECT_NE(catalog::action_full_name(errors_in(apart, admin.string())[0]->actions.ids.front()).rfind("iam:", 0), 0u);

  options.together = true;
  auto together = check_files({admin.string(), guard.string()}, options);
  EXPECT_TRUE(errors_in(together, guard.string()).empty());
  auto errors = errors_in(together, admin.string());
  ASSERT_EQ(errors.size(), 1u);
  const Finding& finding = *errors[0];
  auto allow = apart.findings.begin();
  while (allow->rule != "MFA001" || allow->severity == Severity::Note) ++allow;
  EXPECT_EQ(finding.loc.line, allow->loc.line);
  EXPECT_EQ(finding.loc.column, allow->loc.column);
  std::vector<catalog::ActionId> expected;
  for (catalog::ActionId id : allow->actions.ids) {
    if (catalog::action_full_name(id).rfind("iam:", 0) == 0) expected.push_back(id);
  }
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(finding.actions.ids, expected);
  // Why they are open: the Deny meant to require MFA leaves them out by its NotAction.
  EXPECT_THAT(finding.message, ::testing::HasSubstr("; the Deny requiring MFA at " + guard.string() +
                                                    ":1:73 exempts them by its NotAction"));
  EXPECT_EQ(together.files.size(), 2u);
}

// `sets:` in .mfalint.yaml: the files (or one Terraform address in a file) a set names are judged
// together, as --together judges all; a file in no set is judged alone.
TEST(CheckFiles, NamedSetsJudgeTheirMembersTogetherAndTheRestAlone) {
  TempDir dir;
  std::string admin = testing::policy_with(R"({"Effect": "Allow", "Action": "s3:DeleteBucket", "Resource": "*"})");
  std::string guard = testing::policy_with(R"({"Effect": "Deny", "Action": "*", "Resource": "*",
                                               "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})");
  dir.write("iam/admin.json", admin);
  dir.write("iam/guard.json", guard);
  dir.write("other/admin.json", admin);
  dir.write("infra/main.tf", "resource \"aws_iam_policy\" \"guard\" {\n  policy = <<EOF\n" + guard + "\nEOF\n}\n"
                             "resource \"aws_iam_policy\" \"other\" {\n  policy = <<EOF\n" + guard + "\nEOF\n}\n");
  dir.write(".mfalint.yaml", "sets:\n  - {name: admins, policies: [\"iam/*.json\"]}\n"
                             "  - {name: tf, policies: [\"other/admin.json\", \"infra/main.tf#aws_iam_policy.guard\"]}\n");
  auto run = testing::run_mfalint("check --format json iam other infra", dir.path.string());
  EXPECT_EQ(run.status, 0) << run.out << run.err;  // both sets protect s3:DeleteBucket: no error
  dir.write("no-sets.yaml", "rules: {}\n");
  auto alone = testing::run_mfalint("check --format json --config no-sets.yaml iam other infra", dir.path.string());
  EXPECT_EQ(alone.status, 1);
  EXPECT_THAT(alone.out, ::testing::HasSubstr("\"file\": \"other/admin.json\""));

  // A member's address picks its resource alone: with the `other` resource, the Allow stays open.
  dir.write(".mfalint.yaml", "sets:\n  - {name: tf, policies: [\"other/admin.json\", \"infra/main.tf#aws_iam_policy.other\"]}\n"
                             "  - {name: admins, policies: [\"iam/*.json\"]}\n");
  auto other = testing::run_mfalint("check --format json iam other infra", dir.path.string());
  EXPECT_EQ(other.status, 0) << other.out;
  dir.write(".mfalint.yaml", "sets:\n  - {name: tf, policies: [\"other/admin.json\", \"infra/main.tf#aws_iam_policy.none\"]}\n");
  auto none = testing::run_mfalint("check iam other infra", dir.path.string());
  EXPECT_EQ(none.status, 1);
  EXPECT_THAT(none.out, ::testing::HasSubstr("other/admin.json:1:71: error: s3:DeleteBucket (1 sensitive action) allowed "
                                             "without MFA to long-term access keys and sessions without MFA (judged "
                                             "with set tf) [MFA001]"));
  EXPECT_THAT(none.out, ::testing::HasSubstr("iam/admin.json:1:71: error:"));  // in no set now: alone
}

}  // namespace
}  // namespace mfalint::pipeline
