// HTML audit report: self-contained (nothing fetched), everything escaped (it parses as XML, and user
// text comes back as text), the chart, the MFA table and the findings with their fixes. Rendering
// in a browser is tests/e2e/report_html.sh.
#include "report/report_support.h"

#include <rapidjson/document.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <utility>

namespace mfalint {
namespace {

const std::string& inner(const testing::XmlElement& element) { return element.inner_text; }

using ::testing::HasSubstr;
using ::testing::Not;

testing::XmlElement parsed(const std::string& html) {
  std::string error;
  auto root = testing::parse_xml(html, error);
  EXPECT_TRUE(root) << error;
  return root ? *root : testing::XmlElement{};
}

std::vector<const testing::XmlElement*> with_class(const testing::XmlElement& root, const std::string& name,
                                                   const std::string& css_class) {
  std::vector<const testing::XmlElement*> found;
  for (const auto* element : root.all(name)) {
    auto it = element->attributes.find("class");
    if (it == element->attributes.end()) continue;
    std::string classes = " " + it->second + " ";
    if (classes.find(" " + css_class + " ") != std::string::npos) found.push_back(element);
  }
  return found;
}

TEST(Html, SelfContainedAndPrintable) {
  auto html = testing::render(testing::audit_report(), "html");
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n"));
  for (const char* fetch : {"<script", "<link", "<img", "<iframe", "http:", "https:", "url(", "@import", "src="}) {
    EXPECT_THAT(html, Not(HasSubstr(fetch))) << fetch;
  }
  EXPECT_THAT(html, HasSubstr("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
  EXPECT_THAT(html, HasSubstr("@media print"));
}

TEST(Html, ChartTablesFindingsAndFixes) {
  auto root = parsed(testing::render(testing::audit_report(), "html"));
  EXPECT_TRUE(root.all("script").empty());  // the <script> in a message is text

  auto bars = with_class(root, "rect", "bar");
  ASSERT_EQ(bars.size(), 3u);  // IAM001, IAM006, IAM009
  for (const auto* bar : bars) {
    EXPECT_GT(std::stoi(bar->attributes.at("width")), 0);
    EXPECT_EQ(bar->attributes.at("fill"), "#b3261e");  // errors
  }
  EXPECT_THAT(inner(*bars[0]->all("title")[0]),
              HasSubstr("IAM001: File is not valid JSON or cannot be read (error): 1 finding"));

  auto cards = with_class(root, "li", "card");
  ASSERT_EQ(cards.size(), 5u);
  EXPECT_EQ(inner(*cards[0]), "3files checked");
  EXPECT_EQ(inner(*cards[1]), "1could not be read");
  EXPECT_EQ(inner(*cards[2]), "3findings3 errors, 0 warnings, 0 notes; 1 more suppressed by the configuration");
  EXPECT_EQ(inner(*cards[3]), "1sensitive action patterns protected by MFA");
  EXPECT_EQ(inner(*cards[4]), "1sensitive action patterns reachable without MFA");

  auto mfa = with_class(root, "table", "mfa");
  ASSERT_EQ(mfa.size(), 1u);
  auto rows = mfa[0]->all("tr");
  ASSERT_EQ(rows.size(), 3u);  // the header and two rows
  EXPECT_EQ(rows[1]->attributes.at("class"), "unprotected");
  EXPECT_EQ(rows[2]->attributes.at("class"), "protected");
  std::vector<std::string> cells;
  for (const auto* cell : rows[1]->all("td")) cells.push_back(inner(*cell));
  EXPECT_THAT(cells, ::testing::ElementsAre("Ops*", "s3:Get*|List* (12 sensitive)", "arn:aws:s3:::b`k/*", "Allowed",
                                            "Allowed", "never", "no"));

  auto findings = with_class(root, "li", "finding");
  ASSERT_EQ(findings.size(), 4u);  // and the suppressed one
  std::string odd = inner(*findings[1]);
  EXPECT_THAT(odd, HasSubstr("odd *text* with _under_ | pipe, `tick` and <script>alert(1)</script>"));
  EXPECT_THAT(odd, HasSubstr("Fix: remove **it** & retry"));
  EXPECT_TRUE(findings[1]->all("pre").empty());  // line 2 does not exist: no source line
  EXPECT_THAT(inner(*findings[0]), HasSubstr("line 1, column 67, statement Ops*"));
  EXPECT_THAT(inner(*with_class(root, "pre", "source")[0]), HasSubstr(R"("Effect": "allow")"));

  auto suppressed = with_class(root, "ol", "suppressed");
  ASSERT_EQ(suppressed.size(), 1u);
  EXPECT_THAT(inner(*suppressed[0]), HasSubstr("accepted finding"));
  EXPECT_THAT(inner(*suppressed[0]), HasSubstr("Reason: legacy <policy> & kept until \"Q3\""));

  // How to fix: one article per rule found, every link has its target.
  auto articles = with_class(root, "article", "rule");
  ASSERT_EQ(articles.size(), 4u);  // IAM010 is only suppressed, but its findings link there too
  EXPECT_EQ(articles[1]->attributes.at("id"), "rule-iam006");
  EXPECT_THAT(inner(*articles[1]), HasSubstr("Use instead"));
  EXPECT_FALSE(articles[1]->all("pre").empty());  // the rule document's example, as code
  std::set<std::string> ids;
  for (const auto* element : root.all("article")) ids.insert(element->attributes.at("id"));
  for (const auto* element : root.all("section")) {
    if (element->attributes.contains("id")) ids.insert(element->attributes.at("id"));
  }
  for (const auto* link : root.all("a")) EXPECT_TRUE(ids.contains(link->attributes.at("href").substr(1)));
}

TEST(Html, SamplesReport) {
  auto expected = testing::expected_sample_findings();
  auto run = testing::run_mfalint("check --format html samples/");
  EXPECT_EQ(run.status, 2);
  auto root = parsed(run.out);
  // One bar per rule and severity the samples' findings have (IAM043 is found as an error and a note).
  rapidjson::Document json;
  json.Parse(testing::run_mfalint("check --format json samples/").out.c_str());
  std::set<std::string> rule_levels;
  for (const auto& finding : json["findings"].GetArray()) {
    rule_levels.insert(std::string(finding["rule"].GetString()) + " " + finding["severity"].GetString());
  }
  EXPECT_GE(rule_levels.size(), expected.rules.size());
  EXPECT_EQ(with_class(root, "rect", "bar").size(), rule_levels.size());
  EXPECT_THAT(run.out, HasSubstr(">MFA017</text>"));  // the set-up note, apart from MFA001's errors
  EXPECT_THAT(run.out, HasSubstr(">MFA002</text>"));
  EXPECT_EQ(with_class(root, "li", "finding").size(), expected.findings);
  // Every sample has findings or MFA table rows, so each gets a section; but the correct SCP guard
  // and the policy set's Deny, which grant nothing (no MFA table) and are right (no finding).
  size_t samples = 0;
  for (const auto& file : testing::sample_files()) {
    samples += file.filename() != "scp-mfa-guard.json" && file.filename() != "require-mfa.json" ? 1 : 0;
  }
  EXPECT_EQ(with_class(root, "section", "subject").size(), samples);
  EXPECT_THAT(run.out, HasSubstr("<code>samples/mfa-protected-s3.json</code>"));
}

}  // namespace
}  // namespace mfalint
