// report::summarize and the phrases both audit reports print, on the report of report_support.h:
// policies/a_b.json (an invalid Effect, IAM006; an odd IAM009; one IAM010 suppressed; two MFA rows,
// one reachable without MFA), policies/clean.json, and policies/empty.json (unreadable, IAM001).
#include "report/report_support.h"
#include "report/summary.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> names(const report::Summary& summary) {
  std::vector<std::string> out;
  for (const auto& subject : summary.subjects) out.push_back(subject.name);
  return out;
}

TEST(Summary, CountsTheWholeReport) {
  auto report = testing::audit_report();
  auto summary = report::summarize(report);
  EXPECT_EQ(summary.kind, report::SubjectKind::File);
  EXPECT_EQ(report::subject_noun(summary), "file");
  EXPECT_THAT(names(summary), ElementsAre("policies/a_b.json", "policies/clean.json", "policies/empty.json"));
  EXPECT_EQ(summary.unreadable, 1u);
  EXPECT_EQ(summary.suppressed, 1u);
  EXPECT_EQ(summary.tally.errors, 3u);
  EXPECT_EQ(summary.tally.warnings, 0u);
  EXPECT_EQ(summary.tally.notes, 0u);
  EXPECT_EQ(summary.protected_rows, 1u);
  EXPECT_EQ(summary.unprotected_rows, 1u);
  std::vector<std::string> by_rule;  // most findings first, then by id
  for (const auto& count : summary.by_rule) by_rule.push_back(count.rule + " " + std::to_string(count.count));
  EXPECT_THAT(by_rule, ElementsAre("IAM001 1", "IAM006 1", "IAM009 1"));
  std::vector<std::string> docs;  // the rules found or suppressed, by id
  for (const auto* doc : summary.rule_docs) docs.push_back(doc->id);
  EXPECT_THAT(docs, ElementsAre("IAM001", "IAM006", "IAM009", "IAM010"));
}

TEST(Summary, EachSubjectHoldsWhatNamesIt) {
  auto report = testing::audit_report();
  auto summary = report::summarize(report);
  ASSERT_EQ(summary.subjects.size(), 3u);
  const auto& a_b = summary.subjects[0];
  std::vector<std::string> rules;
  for (const auto* finding : a_b.findings) rules.push_back(finding->rule);
  EXPECT_THAT(rules, ElementsAre("IAM006", "IAM009"));
  EXPECT_EQ(a_b.rows.size(), 2u);
  EXPECT_EQ(a_b.unprotected_rows, 1u);
  ASSERT_EQ(a_b.suppressed.size(), 1u);
  EXPECT_EQ(a_b.suppressed[0]->finding.rule, "IAM010");
  EXPECT_FALSE(a_b.clean());
  EXPECT_EQ(report::subject_line(a_b),
            "2 findings (2 errors, 0 warnings, 0 notes); 1 more suppressed by the configuration; 1 of 2 sensitive "
            "action patterns reachable without MFA");
  EXPECT_TRUE(summary.subjects[1].clean());
  EXPECT_FALSE(summary.subjects[1].unreadable());
  EXPECT_TRUE(summary.subjects[2].unreadable());
  EXPECT_FALSE(summary.subjects[2].clean());
}

TEST(Summary, Phrases) {
  EXPECT_EQ(report::counted(0, "finding"), "0 findings");
  EXPECT_EQ(report::counted(1, "finding"), "1 finding");
  EXPECT_EQ(report::counted(2, "principal"), "2 principals");
  EXPECT_EQ(report::breakdown(report::Tally{1, 2, 3}), "3 errors, 2 warnings, 1 note");
  Location at;
  EXPECT_EQ(report::position(at), "whole file");
  at.line = 4;
  at.column = 7;
  EXPECT_EQ(report::position(at), "line 4, column 7");
  EXPECT_EQ(report::suppressed_note(0), "");
  EXPECT_EQ(report::suppressed_note(2), "; 2 more suppressed by the configuration");
  EXPECT_EQ(report::rule_anchor("IAM012"), "rule-iam012");
  EXPECT_EQ(report::principal_context("user/alice", "managed policy arn:aws:iam::aws:policy/ReadOnlyAccess"),
            "user/alice: managed policy arn:aws:iam::aws:policy/ReadOnlyAccess");
}

}  // namespace
}  // namespace mfalint
