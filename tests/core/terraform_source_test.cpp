// Terraform source read directly: a module written every way Terraform writes a policy gives the
// findings the same policies give as JSON, at the .tf lines; no IAM gives nothing; bad HCL fails
// its file at file:line:column while the rest is still checked.
#include "pipeline/checked_load.h"
#include "support/test_support.h"

#include <fmt/core.h>
#include <rapidjson/document.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace mfalint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const std::string kFixtures = std::string(MFALINT_SOURCE_DIR) + "/tests/fixtures/terraform-source/";

const std::string kDir = "tests/fixtures/terraform-source/";

// Each finding of `mfalint check ARGS` but the notes about unknown values (JSON has none) and the
// wildcard account the JSON copy writes for one (IAM025), sorted: "file:line:column RULE context"
// when `placed`, else "RULE message".
std::vector<std::string> findings(const std::string& args, bool placed) {
  auto run = testing::run_mfalint("check --format json " + args);
  rapidjson::Document doc;
  doc.Parse(run.out.c_str());
  std::vector<std::string> out;
  if (doc.HasParseError() || !doc.HasMember("findings")) return {"unreadable output: " + run.out};
  for (const auto& f : doc["findings"].GetArray()) {
    std::string rule = f["rule"].GetString();
    std::string context = f.HasMember("context") && f["context"].IsString() ? f["context"].GetString() : "";
    if (placed) {
      out.push_back(fmt::format("{}:{}:{} {} {}", f["file"].GetString(), f["line"].GetInt(), f["column"].GetInt(), rule, context));
    } else if (rule != "IAM018" && rule != "IAM025") {
      out.push_back(rule + " " + f["message"].GetString());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(TerraformSource, ModuleGivesTheFindingsOfTheSamePoliciesAsJson) {
  auto module = findings(kDir + "module", false);
  EXPECT_EQ(module.size(), 12u);
  EXPECT_EQ(module, findings(kDir + "as-json", false));
}

TEST(TerraformSource, FindingsPointAtTheTfLinesAndNameTheAddress) {
  const std::string m = kDir + "module/";
  EXPECT_THAT(findings(kDir + "module", true),
              ElementsAre(m + "iam.tf:25:5 MFA006 data.aws_iam_policy_document.backups used by aws_iam_policy.backups",
                          // the condition block's `test = "NumericGreaterThan"`
                          m + "iam.tf:31:7 MFA004 data.aws_iam_policy_document.backups used by aws_iam_policy.backups",
                          m + "iam.tf:5:5 MFA010 data.aws_iam_policy_document.operator_trust used by aws_iam_role.operator",
                          m + "main.tf:15:20 MFA008 aws_iam_policy.reports",  // MFA any age: longer than the default hour
                          m + "main.tf:24:20 MFA001 aws_iam_policy.reports",  // "s3:*Object" inside jsonencode
                          m + "main.tf:39:5 MFA017 aws_iam_role_policy.admin",  // the heredoc's policy (the set-up note)
                          // "iam:*" on "*" opens the MFA set-up actions on every user
                          m + "main.tf:42:9 MFA016 aws_iam_role_policy.admin",
                          m + "main.tf:44:21 MFA001 aws_iam_role_policy.admin",  // "iam:*" inside the heredoc
                          // and on "*": any role passed to a service, any service-linked role created
                          m + "main.tf:45:23 IAM037 aws_iam_role_policy.admin",
                          m + "main.tf:45:23 IAM038 aws_iam_role_policy.admin",
                          m + "main.tf:46:25 MFA003 aws_iam_role_policy.admin",
                          m + "main.tf:59:43 IAM018 aws_s3_bucket_policy.logs",  // var.ops_account has no default
                          m + "main.tf:60:19 MFA001 aws_s3_bucket_policy.logs",
                          m + "main.tf:61:22 IAM018 aws_s3_bucket_policy.logs"));  // known only after apply
}

std::vector<std::string> placed(const input::LoadedFile& file) {
  std::vector<std::string> out;
  for (const auto& f : file.findings) out.push_back(fmt::format("{}:{} {} {}", f.loc.line, f.loc.column, f.rule, f.context));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(TerraformSource, ModuleWithoutIamGivesNothing) {
  auto file = pipeline::load_text_checked("no-such-dir/main.tf",
                               "resource \"aws_instance\" \"web\" {\n  ami = \"ami-1\"\n  tags = { Name = \"web\" }\n}\n");
  EXPECT_FALSE(file.error);
  EXPECT_THAT(file.findings, IsEmpty());
  EXPECT_THAT(file.policies, IsEmpty());
}

TEST(TerraformSource, MalformedHclFailsAtItsPositionAndTheRestIsChecked) {
  auto file = pipeline::load_text_checked("no-such-dir/main.tf",
                               "resource \"aws_iam_policy\" \"a\" {\n"
                               "  policy = jsonencode({ Version = \"2012-10-17\" Statement = [] \n"
                               "}\n"
                               "resource \"aws_iam_policy\" \"b\" {\n"
                               "  policy = jsonencode({Statement = [{Effect = \"Allow\", Action = \"s3:DeleteObject\", Resource = \"*\"}]})\n"
                               "}\n");
  ASSERT_TRUE(file.error);
  EXPECT_EQ(file.error_loc.line, 2u);
  EXPECT_EQ(file.error_loc.column, 48u);
  EXPECT_THAT(placed(file), ElementsAre(  // IAM003: b has no Version, so it was checked
"2:48 IAM001 ", "5:23 IAM003 aws_iam_policy.b"));
}

}  // namespace
// Found by fuzz_hcl: a `/*` never closed between blocks ended the run with an uncaught exception.
TEST(TerraformSource, UnclosedCommentBetweenBlocksIsAnErrorAtItsStartAndTheBlocksBeforeAreChecked) {
  auto file = pipeline::load_text_checked("no-such-dir/main.tf",
                               "resource \"aws_iam_policy\" \"b\" {\n"
                               "  policy = jsonencode({Statement = [{Effect = \"Allow\", Action = \"s3:DeleteObject\", Resource = \"*\"}]})\n"
                               "}\n"
                               "  /* resource \"aws_iam_policy\" \"c\" {\n"
                               "}\n");
  ASSERT_TRUE(file.error);
  EXPECT_EQ(*file.error, "unterminated `/*` comment");
  EXPECT_EQ(file.error_loc.line, 4u);
  EXPECT_EQ(file.error_loc.column, 3u);
  EXPECT_THAT(placed(file), ElementsAre("2:23 IAM003 aws_iam_policy.b", "4:3 IAM001 "));
}

}  // namespace mfalint
