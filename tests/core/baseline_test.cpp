// Baselines: accepted findings stay accepted when their statement moves; new ones are reported.
#include "pipeline/checked_load.h"
#include "pipeline/baseline.h"
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace mfalint {
namespace {

namespace fs = std::filesystem;
using pipeline::BaselineError;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

// IAM011 (the repeated Sid) and IAM010 (the empty Action), after `padding` blank lines.
std::string policy(const std::string& padding, const std::string& extra_statement = "") {
  return R"({"Version": "2012-10-17", "Statement": [)" + padding + R"(
  {"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
  {"Sid": "A", "Effect": "Allow", "Action": [], "Resource": "*"})" +
         extra_statement + "]}";
}

std::set<std::string> baseline_of(const Findings& findings) {
  std::ostringstream out;
  pipeline::write_baseline(findings, out);
  return pipeline::parse_baseline(out.str());
}

TEST(Baseline, MovedStatementsStayBaselinedAndNewFindingsAreReported) {
  auto before = pipeline::load_text_checked("p.json", policy("")).findings;
  ASSERT_THAT(testing::rules_of(before), UnorderedElementsAre("IAM011", "IAM010"));
  auto keys = baseline_of(before);
  EXPECT_EQ(keys.size(), 2u);

  auto moved = pipeline::load_text_checked("p.json", policy("\n\n\n\n\n")).findings;
  ASSERT_EQ(moved.size(), 2u);
  EXPECT_NE(moved[0].loc.line, before[0].loc.line);
  EXPECT_EQ(pipeline::drop_baselined(keys, moved), 2u);
  EXPECT_TRUE(moved.empty());

  auto grown = pipeline::load_text_checked("p.json", policy("\n\n", R"(,
  {"Sid": "C", "Effect": "Allow", "Action": "s3:GetObject", "Resource": []})"))
                   .findings;
  EXPECT_EQ(pipeline::drop_baselined(keys, grown), 2u);
  ASSERT_THAT(testing::rules_of(grown), ElementsAre("IAM010"));
  EXPECT_EQ(grown[0].sid, "C");
}

TEST(Baseline, PathsAsCheckDotAndPreCommitGiveThemAgree) {
  auto dotted = pipeline::load_text_checked("./policies//p.json", policy("")).findings;
  auto plain = pipeline::load_text_checked("policies/p.json", policy("")).findings;
  EXPECT_EQ(pipeline::baseline_keys(dotted), pipeline::baseline_keys(plain));
  auto other = pipeline::load_text_checked("policies/q.json", policy("")).findings;
  EXPECT_NE(pipeline::baseline_keys(other), pipeline::baseline_keys(plain));
}

TEST(Baseline, FileIsSortedAndDeterministic) {
  Findings findings = pipeline::load_text_checked("./b.json", policy("")).findings;
  for (auto& finding : pipeline::load_text_checked("a.json", policy("")).findings) findings.push_back(finding);
  std::ostringstream first, second;
  pipeline::write_baseline(findings, first);
  pipeline::write_baseline(findings, second);
  EXPECT_EQ(first.str(), second.str());
  const std::string& text = first.str();
  EXPECT_THAT(text, HasSubstr("\"version\": 1"));
  // a.json before b.json, IAM010 before IAM011 within each; paths normalized.
  auto a10 = text.find(R"("rule": "IAM010",
      "file": "a.json")");
  auto a11 = text.find(R"("rule": "IAM011",
      "file": "a.json")");
  auto b10 = text.find(R"("rule": "IAM010",
      "file": "b.json")");
  ASSERT_NE(a10, std::string::npos) << text;
  ASSERT_NE(b10, std::string::npos) << text;
  EXPECT_LT(a10, a11);
  EXPECT_LT(a11, b10);
  EXPECT_THAT(text, HasSubstr(R"("message": "duplicate Sid \"A\" (first at line)"));
}

TEST(Baseline, RefusesWhatIsNotABaseline) {
  EXPECT_THROW(pipeline::parse_baseline("not json"), BaselineError);
  EXPECT_THROW(pipeline::parse_baseline("[]"), BaselineError);
  EXPECT_THROW(pipeline::parse_baseline(R"({"version": 2, "findings": []})"), BaselineError);
  EXPECT_THROW(pipeline::parse_baseline(R"({"version": 1})"), BaselineError);
  EXPECT_THROW(pipeline::parse_baseline(R"({"version": 1, "findings": [{"rule": "IAM011"}]})"), BaselineError);
  EXPECT_THROW(pipeline::parse_baseline(R"({"version": 1, "findings": ["abc"]})"), BaselineError);
  EXPECT_THAT(pipeline::parse_baseline(R"({"version": 1, "findings": [{"key": "abc:1"}]})"), ElementsAre("abc:1"));
  EXPECT_THAT([] { pipeline::load_baseline("/nonexistent/baseline.json"); },
              ::testing::ThrowsMessage<BaselineError>(HasSubstr("/nonexistent/baseline.json: cannot read")));
}

struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("mfalint-baseline-" + std::to_string(getpid()) + "-" +
                                              ::testing::UnitTest::GetInstance()->current_test_info()->name());
  Scratch() { fs::create_directories(dir / "policies"); }
  ~Scratch() { fs::remove_all(dir); }
  void write(const std::string& name, const std::string& text) const { std::ofstream(dir / name) << text; }
};

TEST(BaselineCli, WriteThenCheckReportsOnlyNewFindings) {
  Scratch scratch;
  scratch.write("policies/p.json", policy(""));
  // Writing accepts everything: the run passes and says where the findings went.
  auto run = testing::run_mfalint("check --write-baseline baseline.json .", scratch.dir.string());
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("0 errors, 0 warnings"));
  EXPECT_EQ(run.err, "mfalint: wrote 3 findings to baseline.json\n");

  // Moved down, and named as pre-commit names it: still baselined.
  scratch.write("policies/p.json", policy("\n\n\n\n"));
  run = testing::run_mfalint("check --baseline baseline.json policies/p.json", scratch.dir.string());
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_EQ(run.err, "mfalint: 3 findings in baseline.json not reported\n");

  scratch.write("policies/p.json", policy("\n", R"(, {"Sid": "C", "Effect": "Allow", "Action": [], "Resource": "*"})"));
  run = testing::run_mfalint("check --baseline baseline.json policies", scratch.dir.string());
  EXPECT_EQ(run.status, 1);
  EXPECT_THAT(run.out, HasSubstr("policies/p.json:4:109: warning: \"Action\" is an empty array"));
  EXPECT_THAT(run.out, HasSubstr("1 file checked: 0 errors, 1 warning, 0 notes\n"));
  // --fail-on counts only what is reported.
  EXPECT_EQ(testing::run_mfalint("check --fail-on error --baseline baseline.json policies", scratch.dir.string()).status,
            0);
}

TEST(BaselineCli, BadBaselineIsAUsageError) {
  Scratch scratch;
  scratch.write("policies/p.json", policy(""));
  scratch.write("bad.json", "{}");
  auto run = testing::run_mfalint("check --baseline bad.json policies", scratch.dir.string());
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "mfalint: error: bad.json: not an mfalint baseline of version 1\n");
  EXPECT_EQ(testing::run_mfalint("check --baseline missing.json policies", scratch.dir.string()).status, 2);
  EXPECT_EQ(testing::run_mfalint("check --write-baseline no/such/dir/b.json policies", scratch.dir.string()).status, 2);
}

}  // namespace
}  // namespace mfalint
