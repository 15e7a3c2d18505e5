// Markdown audit report: the summary, per file the MFA table and the findings with fixes, and how to
// fix each rule. Rendered with cmark-gfm (GitHub's own Markdown renderer) to check that user text
// stays literal and tables keep their columns.
#include "core/rule_docs.h"
#include "report/report_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

const std::string& inner(const testing::XmlElement& element) { return element.inner_text; }

using ::testing::HasSubstr;
using ::testing::Not;

// cmark-gfm's HTML for `markdown`, parsed; nothing without cmark-gfm.
std::optional<testing::XmlElement> rendered(const std::string& markdown) {
  if (testing::run_shell("command -v cmark-gfm").status != 0) return std::nullopt;
  testing::TempDir dir;
  auto file = dir.write("report.md", markdown);
  auto run = testing::run_shell("cmark-gfm -e table --unsafe '" + file.string() + "'");
  EXPECT_EQ(run.status, 0) << run.err;
  std::string error;
  auto root = testing::parse_xml("<body>" + run.out + "</body>", error);
  EXPECT_TRUE(root) << error << "\n" << run.out;
  return root;
}

TEST(Markdown, SummaryTablesFindingsAndFixes) {
  auto md = testing::render(testing::audit_report(), "markdown");
  EXPECT_TRUE(md.starts_with("# mfalint report\n"));
  EXPECT_THAT(md, HasSubstr("- **3 files** checked, **1** could not be read\n"));
  EXPECT_THAT(md, HasSubstr("- **3 findings**: 3 errors, 0 warnings, 0 notes; 1 more suppressed by the "
                            "configuration\n"));
  EXPECT_THAT(md, HasSubstr("**1** sensitive action patterns protected by MFA, **1** reachable without MFA"));
  EXPECT_THAT(md, HasSubstr("| [IAM006](#rule-iam006) | Statement Effect is missing or invalid | error | 1 |\n"));
  EXPECT_THAT(md, HasSubstr("## `policies/a_b.json`\n\n2 findings (2 errors, 0 warnings, 0 notes); 1 more suppressed "
                            "by the configuration; 1 of 2 sensitive action patterns reachable without MFA.\n"));
  EXPECT_THAT(md, HasSubstr("### Suppressed by the configuration\n\n1. **error** [IAM010](#rule-iam010) · line 1, "
                            "column 2\\\n   accepted finding\n\n   **Reason:** legacy \\<policy\\> \\& kept until \"Q3\"\n"));
  EXPECT_THAT(md,
              HasSubstr("| `Ops*` | `s3:Get*\\|List* (12 sensitive)` | ``arn:aws:s3:::b`k/*`` | Allowed | Allowed | "
                        "never | **no** |\n"));
  EXPECT_THAT(md, HasSubstr("**Fix:** remove \\*\\*it\\*\\* \\& retry"));
  EXPECT_THAT(md, HasSubstr("## `policies/empty.json`\n\nCould not be read (whole file): empty file"));
  EXPECT_THAT(md, HasSubstr("## Without findings\n\n`policies/clean.json`\n"));
  // How to fix: the rule document's own sections (rules/IAM006.md).
  EXPECT_THAT(md, HasSubstr("### <a id=\"rule-iam006\"></a>IAM006: Statement Effect is missing or invalid\n"));
  EXPECT_THAT(md, HasSubstr("**Use instead:**\n\n```json\n{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\",\n"
                            " \"Condition\": {\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}}}\n```"));
  EXPECT_THAT(md, Not(HasSubstr("rule-iam005")));  // only the rules found or suppressed
}

TEST(Markdown, GitHubRendersUserTextLiterallyAndTablesKeepTheirColumns) {
  auto root = rendered(testing::render(testing::audit_report(), "markdown"));
  if (!root) {
    MFALINT_MISSING_TOOL("cmark-gfm is absent (Debian cmark-gfm; tools/setup --test installs it); "
                         "the Markdown report was NOT rendered");
  }
  EXPECT_TRUE(root->all("script").empty());
  std::vector<std::string> emphasized;  // only the rule names under "How to fix"; no user text
  for (const auto* emphasis : root->all("em")) emphasized.push_back(emphasis->inner_text);
  EXPECT_THAT(emphasized, ::testing::ElementsAre("invalid-json", "invalid-effect", "unknown-element", "empty-list"));
  auto tables = root->all("table");
  ASSERT_EQ(tables.size(), 2u);  // findings by rule, the MFA table
  for (const auto* table : tables) {
    auto rows = table->all("tr");
    for (const auto* row : rows) EXPECT_EQ(row->children.size(), rows.front()->children.size());
  }
  auto mfa_cells = tables[1]->all("td");
  ASSERT_EQ(mfa_cells.size(), 14u);
  EXPECT_EQ(inner(*mfa_cells[0]), "Ops*");
  EXPECT_EQ(inner(*mfa_cells[1]), "s3:Get*|List* (12 sensitive)");
  EXPECT_EQ(inner(*mfa_cells[2]), "arn:aws:s3:::b`k/*");
  EXPECT_EQ(inner(*mfa_cells[6]), "no");
  std::string all = inner(*root);
  EXPECT_THAT(all, HasSubstr("odd *text* with _under_ | pipe, `tick` and <script>alert(1)</script>"));
  EXPECT_THAT(all, HasSubstr("remove **it** & retry"));
  // Every rule link has its target.
  std::set<std::string> ids;
  for (const auto* anchor : root->all("a")) {
    if (anchor->attributes.contains("id")) ids.insert(anchor->attributes.at("id"));
  }
  for (const auto* anchor : root->all("a")) {
    if (anchor->attributes.contains("href")) {
      EXPECT_TRUE(ids.contains(anchor->attributes.at("href").substr(1)));
    }
  }
}

TEST(Markdown, SamplesReport) {
  auto expected = testing::expected_sample_findings();
  auto run = testing::run_mfalint("check --format markdown samples/");
  EXPECT_EQ(run.status, 2);
  EXPECT_THAT(run.out, HasSubstr("could not be read\n- **" + std::to_string(expected.findings) + " findings**: "));
  for (const auto& [file, count] : expected.per_file) {
    EXPECT_THAT(run.out, HasSubstr("## `" + file + "`\n\n"));
  }
  EXPECT_THAT(run.out, HasSubstr("4. **error** [IAM012](#rule-iam012) · line 10, column 7\\\n"));
  EXPECT_THAT(run.out, HasSubstr("**Fix:** \"Version\": \"2012-10-17\""));
  EXPECT_THAT(run.out, HasSubstr("### MFA table\n\n| Where | Action | Resource | Long-term keys |"));
}

}  // namespace
}  // namespace mfalint
