// The reports of an account audit: principals instead of files, every one listed, findings with
// their principal, and the JSON shape `"principals": [...]`.
#include "pipeline/audit.h"
#include "report/report_support.h"

#include <rapidjson/document.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

namespace mfalint {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const char* const kFixture = MFALINT_SOURCE_DIR "/tests/fixtures/account-dump/account.json";
const char* const kCorpus = MFALINT_TEST_DATA_DIR "/cloudsplaining-example.json";

report::Report audit(const std::string& path) {
  return pipeline::audit_account(input::load_account_dump(path), catalog::Sensitivity::defaults(), {});
}

rapidjson::Document parsed(const std::string& json) {
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  EXPECT_FALSE(doc.HasParseError()) << json.substr(0, 400);
  return doc;
}

TEST(AuditReport, JsonListsPrincipalsWithTheirFindingsAndCounts) {
  auto doc = parsed(testing::render(audit(kFixture), "json"));
  ASSERT_TRUE(doc["principals"].IsArray());
  ASSERT_EQ(doc["principals"].Size(), 6u);
  const auto& alice = doc["principals"][0];
  EXPECT_STREQ(alice["type"].GetString(), "user");
  EXPECT_STREQ(alice["name"].GetString(), "alice");
  EXPECT_STREQ(alice["arn"].GetString(), "arn:aws:iam::111122223333:user/alice");
  EXPECT_EQ(alice["unprotected_sensitive_actions"].GetUint(), 2u);
  EXPECT_EQ(alice["policies"].GetUint(), 1u);
  ASSERT_EQ(alice["findings"].Size(), 1u);
  EXPECT_STREQ(alice["findings"][0]["rule"].GetString(), "MFA001");
  EXPECT_EQ(alice["findings"][0]["line"].GetUint(), 130u);
  ASSERT_EQ(alice["mfa_table"].Size(), 1u);
  EXPECT_FALSE(alice["mfa_table"][0]["protected"].GetBool());
  EXPECT_TRUE(alice["mfa_table"][0]["mfa_ages"][0][1].IsNull());  // unbounded
  const auto& carol = doc["principals"][2];
  EXPECT_STREQ(carol["permissions_boundary"].GetString(), "arn:aws:iam::111122223333:policy/ec2-only-boundary");
  EXPECT_FALSE(alice.HasMember("permissions_boundary"));
  const auto& shipper = doc["principals"][5];
  EXPECT_STREQ(shipper["type"].GetString(), "role");
  EXPECT_EQ(shipper["findings"].Size(), 0u);
  // Findings are under their principals; the top-level list holds only what belongs to none.
  EXPECT_EQ(doc["findings"].Size(), 0u);
  EXPECT_EQ(doc["summary"]["principals"].GetUint(), 6u);
  EXPECT_EQ(doc["summary"]["principals_with_unprotected_sensitive_actions"].GetUint(), 3u);
  EXPECT_EQ(doc["summary"]["errors"].GetUint(), 4u);
}

TEST(AuditReport, JsonOfAFileCheckHasNoPrincipals) {
  auto doc = parsed(testing::render(testing::audit_report(), "json"));
  EXPECT_FALSE(doc.HasMember("principals"));
  EXPECT_FALSE(doc["summary"].HasMember("principals"));
  EXPECT_EQ(doc["findings"].Size(), 3u);
}

TEST(AuditReport, JsonOfAnUnreadableDumpSaysWhereAtTheTop) {
  auto doc = parsed(testing::render(
      pipeline::audit_account(input::read_account_dump("dump.json", "{\"RoleDetailList\": [\n  {]}"),
                              catalog::Sensitivity::defaults(), {}),
      "json"));
  EXPECT_EQ(doc["principals"].Size(), 0u);
  EXPECT_STREQ(doc["files"][0]["status"].GetString(), "error");
  EXPECT_EQ(doc["files"][0]["line"].GetUint(), 2u);
  ASSERT_EQ(doc["findings"].Size(), 1u);
  EXPECT_STREQ(doc["findings"][0]["rule"].GetString(), "IAM001");
}

TEST(AuditReport, MarkdownSaysPrincipalsAndListsEveryOne) {
  auto md = testing::render(audit(kFixture), "markdown");
  EXPECT_THAT(md, HasSubstr("- **6 principals** judged; of the **5** people can use, **3** reach sensitive actions "
                            "without MFA (users 2 of 3, groups 1 of 1, roles 0 of 1)\n"));
  EXPECT_THAT(md, HasSubstr("- **2** distinct sensitive actions reachable without MFA across the account\n"));
  EXPECT_THAT(md, HasSubstr("- **1 role** only AWS services assume (MFA does not apply to them): role/log-shipper\n"));
  EXPECT_THAT(md, Not(HasSubstr("files")));
  EXPECT_THAT(md, HasSubstr("## user `alice` · `arn:aws:iam::111122223333:user/alice`\n\n1 finding (1 error, 0 "
                            "warnings, 0 notes); 1 of 1 sensitive action patterns reachable without MFA; 2 sensitive "
                            "actions reachable without MFA, 0 only with MFA.\n"));
  EXPECT_THAT(md, HasSubstr("## user `carol` · `arn:aws:iam::111122223333:user/ops/carol`\n\nPermissions boundary: "
                            "`arn:aws:iam::111122223333:policy/ec2-only-boundary`.\n"));
  // Where in the principal, without repeating the principal.
  EXPECT_THAT(md, HasSubstr("statement `Operate`, in `group admins: managed policy "
                            "arn:aws:iam::111122223333:policy/operate`\\\n"));
  EXPECT_THAT(md, HasSubstr("## Without findings\n\n- role `log-shipper` · "
                            "`arn:aws:iam::111122223333:role/service-role/log-shipper`\n"));
  for (const auto& principal : audit(kFixture).principals) {
    EXPECT_THAT(md, HasSubstr(principal.type + " `" + principal.name + "` · `" + principal.arn + "`"));
  }
}

TEST(AuditReport, HtmlSaysPrincipalsAndListsEveryOne) {
  auto html = testing::render(audit(kFixture), "html");
  std::string error;
  ASSERT_TRUE(testing::parse_xml(html, error)) << error;
  EXPECT_THAT(html, HasSubstr("<strong>6</strong>principals judged"));
  EXPECT_THAT(html, Not(HasSubstr("files checked")));
  EXPECT_THAT(html, HasSubstr(R"(<h2>user <code>alice</code> <code class="arn">arn:aws:iam::111122223333:user/alice</code></h2>)"));
  EXPECT_THAT(html, HasSubstr(R"(<li>role <code>log-shipper</code> <code class="arn">arn:aws:iam::111122223333:role/service-role/log-shipper</code></li>)"));
  EXPECT_THAT(html, HasSubstr("in <code>trust policy</code>"));
}

TEST(AuditReport, CorpusMarkdownAndHtmlListAll127Principals) {
  auto report = audit(kCorpus);
  ASSERT_EQ(report.principals.size(), 127u);
  auto md = testing::render(report, "markdown");
  auto html = testing::render(report, "html");
  for (const auto& principal : report.principals) {
    EXPECT_THAT(md, HasSubstr(principal.type + " `" + principal.name + "` · `" + principal.arn + "`"));
    EXPECT_THAT(html, HasSubstr("<code class=\"arn\">" + principal.arn + "</code>"));
  }
  EXPECT_THAT(md, HasSubstr("- **127 principals** judged"));
}

}  // namespace
}  // namespace mfalint
