// JUnit XML: one test case per file, a failure per finding, an error per unreadable file, and XML
// that a strict parser (expat) reads back to exactly the text that went in.
#include "report/report_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using ::testing::HasSubstr;

testing::XmlElement parsed(const std::string& xml) {
  std::string error;
  auto root = testing::parse_xml(xml, error);
  EXPECT_TRUE(root) << error << "\n" << xml;
  return root ? *root : testing::XmlElement{};
}

TEST(Junit, OneCasePerFileAFailurePerFindingAnErrorPerUnreadableFile) {
  auto expected = testing::expected_sample_findings();
  const size_t sample_files = testing::sample_files().size();
  auto run = testing::run_mfalint("check --format junit samples/");
  EXPECT_EQ(run.status, 2);
  EXPECT_TRUE(run.out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  auto root = parsed(run.out);
  EXPECT_EQ(root.name, "testsuites");
  auto suites = root.all("testsuite");
  ASSERT_EQ(suites.size(), 1u);
  EXPECT_EQ(suites[0]->attributes.at("tests"), std::to_string(sample_files));
  EXPECT_EQ(suites[0]->attributes.at("failures"), std::to_string(expected.per_file.size() - 1));  // cases, not findings
  EXPECT_EQ(suites[0]->attributes.at("errors"), "1");
  auto cases = root.all("testcase");
  ASSERT_EQ(cases.size(), sample_files);
  for (const auto* test_case : cases) {
    const std::string& name = test_case->attributes.at("name");
    SCOPED_TRACE(name);
    EXPECT_EQ(test_case->attributes.at("classname"), "mfalint");
    size_t findings = expected.per_file.contains(name) ? expected.per_file.at(name) : 0;
    if (name == "samples/broken-json.json") {
      ASSERT_EQ(test_case->all("error").size(), 1u);
      EXPECT_TRUE(test_case->all("failure").empty());
      EXPECT_THAT(test_case->all("error")[0]->attributes.at("message"), HasSubstr("invalid JSON"));
      EXPECT_THAT(test_case->all("error")[0]->text, HasSubstr("samples/broken-json.json:4:67: error:"));
    } else {
      EXPECT_EQ(test_case->all("failure").size(), findings);
    }
  }
  auto grammar = std::find_if(cases.begin(), cases.end(), [](const auto* c) {
    return c->attributes.at("name") == "samples/grammar-mistakes.json";
  });
  ASSERT_NE(grammar, cases.end());
  auto failures = (*grammar)->all("failure");
  ASSERT_GE(failures.size(), 5u);
  EXPECT_EQ(failures[0]->attributes.at("type"), "IAM006");
  EXPECT_EQ(failures[0]->attributes.at("message"),
            R"("Effect" must be "Allow" or "Deny" (case-sensitive), not "allow")");
  EXPECT_THAT(failures[0]->text, HasSubstr("samples/grammar-mistakes.json:6:17: error: "));
  EXPECT_THAT(failures[4]->text, HasSubstr("\nfix: \"Null\""));
}

TEST(Junit, EscapingSurvivesAStrictParser) {
  std::string path = "dir/<odd> & \"quoted\" 'name' ü.json";
  auto source = std::make_shared<SourceFile>(path, "");
  report::Report report;
  report.files.push_back({path, std::nullopt, {}});
  std::string message = "a < b && c > d \"q\" 'a' ]]> tab\there\nnewline\rreturn bell\a esc\x1b ü → 🔐 stray\xff";
  report.findings.push_back(testing::finding_in(source, "IAM<&>", message, 3, 5));
  report.findings.back().fix = "use </failure> & \"Null\"";

  auto xml = testing::render(report, "junit");
  auto root = parsed(xml);
  auto failures = root.all("failure");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(root.all("testcase")[0]->attributes.at("name"), path);
  EXPECT_EQ(failures[0]->attributes.at("type"), "IAM<&>");
  // Characters XML cannot carry (BEL, ESC, a stray byte) become U+FFFD; the rest comes back exactly,
  // tab and line breaks included, even in the attribute.
  std::string readable =
      "a < b && c > d \"q\" 'a' ]]> tab\there\nnewline\rreturn bell\xEF\xBF\xBD esc\xEF\xBF\xBD ü → 🔐 "
      "stray\xEF\xBF\xBD";
  EXPECT_EQ(failures[0]->attributes.at("message"), readable);
  EXPECT_EQ(failures[0]->text, path + ":3:5: error: " + readable + " [IAM<&>]\nfix: use </failure> & \"Null\"");
}

TEST(Junit, SuppressedFindingsAreLoggedNotFailed) {
  auto root = parsed(testing::render(testing::audit_report(), "junit"));
  auto cases = root.all("testcase");
  ASSERT_EQ(cases.size(), 3u);
  EXPECT_EQ(cases[0]->all("failure").size(), 2u);  // the suppressed one is not among them
  auto logs = cases[0]->all("system-out");
  ASSERT_EQ(logs.size(), 1u);
  EXPECT_EQ(logs[0]->text, "suppressed: policies/a_b.json:1:2: error: accepted finding [IAM010]\n"
                           "reason: legacy <policy> & kept until \"Q3\"\n");
}

TEST(Junit, ErrorCaseKeepsTheReadErrorAndTheSuiteCountsCases) {
  auto report = testing::report_of(
      {{"empty.json", ""},
       {"ok.json", testing::policy_with(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})")},
       {"two.json", testing::policy_with(R"({"Effect": "allow", "Action": [], "Resource": "*"})")}});
  auto root = parsed(testing::render(report, "junit"));
  EXPECT_EQ(root.attributes.at("tests"), "3");
  EXPECT_EQ(root.attributes.at("failures"), "1");
  EXPECT_EQ(root.attributes.at("errors"), "1");
  auto cases = root.all("testcase");
  ASSERT_EQ(cases.size(), 3u);
  ASSERT_EQ(cases[0]->all("error").size(), 1u);
  EXPECT_EQ(cases[0]->all("error")[0]->attributes.at("message"), "empty file: expected a JSON policy");
  EXPECT_EQ(cases[0]->all("error")[0]->attributes.at("type"), "unreadable");
  EXPECT_TRUE(cases[1]->children.empty());
  EXPECT_EQ(cases[2]->all("failure").size(), 2u);
}

}  // namespace
}  // namespace mfalint
