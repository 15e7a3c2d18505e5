// The text reporter: each finding as a compiler prints one (file:line:column, severity, message,
// rule), the source line with a caret under the column, the fix, and the totals line.
#include "pipeline/checked_load.h"
#include "report/report_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

constexpr const char* kPolicy =
    R"({"Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}], "Version": "2012-10-17"})";

TEST(TextReport, FindingsCaretFixAndTotals) {
  auto loaded = pipeline::load_text_checked("a.json", kPolicy);
  report::Report report;
  report.files.push_back(report::FileStatus{"a.json", std::nullopt, {}});
  report.files.push_back(report::FileStatus{"b.json", std::string("empty file"), {}});
  report.findings.push_back(testing::finding_in(loaded.source, "IAM006", "Effect must be \"Allow\" or \"Deny\"", 1, 17));
  report.findings.back().fix = "\"Allow\"";
  report.findings.push_back(testing::finding_in(loaded.source, "IAM005", "about the whole file", 0, 0));
  report.findings.back().severity = Severity::Warning;
  report.suppressed.push_back({testing::finding_in(loaded.source, "IAM010", "accepted", 1, 2), "kept"});
  EXPECT_EQ(testing::render(report, "text"),
            std::string("a.json:1:17: error: Effect must be \"Allow\" or \"Deny\" [IAM006]\n"
                        "  ") + kPolicy + "\n"
            "                  ^\n"
            "  = fix: \"Allow\"\n"
            "a.json: warning: about the whole file [IAM005]\n"
            "2 files checked: 1 error, 1 warning, 0 notes; 1 suppressed; 1 file could not be read\n");
}

TEST(TextReport, ALongLineIsCutAroundTheColumn) {
  std::string line = std::string(200, 'x');
  line[150] = 'Y';
  auto loaded = pipeline::load_text_checked("long.json", line);
  report::Report report;
  report.files.push_back(report::FileStatus{"long.json", std::nullopt, {}});
  report.findings.push_back(testing::finding_in(loaded.source, "IAM001", "here", 1, 151));
  // 40 characters before the column, 120 in all, after "...".
  EXPECT_EQ(testing::render(report, "text"),
            "long.json:1:151: error: here [IAM001]\n"
            "  ..." + std::string(40, 'x') + "Y" + std::string(49, 'x') + "\n"
            "     " + std::string(40, ' ') + "^\n"
            "1 file checked: 1 error, 0 warnings, 0 notes\n");
}

}  // namespace
}  // namespace mfalint
