// SARIF: valid against the OASIS schema (checked by a real JSON Schema validator), and carrying
// what GitHub code scanning needs beyond the schema.
#include "core/rule_docs.h"
#include "report/report_support.h"

#include <rapidjson/document.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>
#include <set>

namespace mfalint {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.c_str());
  EXPECT_FALSE(doc.HasParseError()) << text.substr(0, 2000);
  return doc;
}

std::string str(const rapidjson::Value& value, const char* key) {
  if (!value.IsObject() || !value.HasMember(key) || !value[key].IsString()) return {};
  return value[key].GetString();
}

// The Python with `jsonschema` that tools/setup --test installs (Debian python3-jsonschema, with
// python3-rfc3987 so "uri" formats are checked too); any python3 that has it will do.
std::string python_with_jsonschema() {
  for (std::string python : {"/usr/bin/python3", "python3"}) {
    if (testing::run_shell(python + " -c 'import jsonschema'").status == 0) return python;
  }
  return {};
}

constexpr const char* kValidate = R"py(
import json, sys
import jsonschema
from jsonschema import validators
schema = json.load(open(sys.argv[1]))
cls = validators.validator_for(schema)
cls.check_schema(schema)
try:
    import rfc3987  # noqa: F401  (makes FormatChecker check "uri" and "uri-reference")
except ImportError:
    print("WARNING: python rfc3987 missing: URI formats are not checked", file=sys.stderr)
validator = cls(schema, format_checker=jsonschema.FormatChecker())
errors = list(validator.iter_errors(json.load(open(sys.argv[2]))))
for error in errors:
    print("/".join(str(p) for p in error.absolute_path), ":", error.message)
sys.exit(1 if errors else 0)
)py";

// Validates `sarif` against tests/data/sarif-schema-2.1.0.json (MFALINT_MISSING_TOOL without a
// validator).
void expect_schema_valid(const std::string& sarif) {
  std::string schema = MFALINT_TEST_DATA_DIR "/sarif-schema-2.1.0.json";
  std::string python = python_with_jsonschema();
  if (python.empty()) {
    MFALINT_MISSING_TOOL("no python3 with jsonschema (Debian python3-jsonschema; tools/setup --test installs it); "
                         "SARIF was NOT validated against its schema");
  }
  testing::TempDir dir;
  auto script = dir.write("validate.py", kValidate);
  auto log = dir.write("out.sarif", sarif);
  auto run = testing::run_shell(python + " '" + script.string() + "' '" + schema + "' '" + log.string() + "'");
  EXPECT_EQ(run.status, 0) << "schema errors:\n" << run.out << run.err;
  EXPECT_THAT(run.err, Not(HasSubstr("WARNING"))) << run.err;
}

// What GitHub code scanning requires or relies on beyond the schema
// (docs.github.com: "SARIF support for code scanning").
void expect_github_accepts(const rapidjson::Document& log) {
  EXPECT_EQ(str(log, "version"), "2.1.0");
  EXPECT_THAT(str(log, "$schema"), HasSubstr("sarif-schema-2.1.0.json"));
  ASSERT_TRUE(log["runs"].IsArray());
  ASSERT_EQ(log["runs"].Size(), 1u);
  const auto& run = log["runs"][0];
  const auto& driver = run["tool"]["driver"];
  EXPECT_EQ(str(driver, "name"), "mfalint");
  EXPECT_FALSE(str(driver, "version").empty());
  EXPECT_THAT(str(driver, "informationUri"), ::testing::StartsWith("https://"));
  EXPECT_EQ(str(run, "columnKind"), "unicodeCodePoints");

  const auto& rules = driver["rules"];
  const auto& docs = rules::all_rules();
  ASSERT_EQ(rules.Size(), docs.size());
  for (rapidjson::SizeType i = 0; i < rules.Size(); ++i) {
    const auto& rule = rules[i];
    std::string id = str(rule, "id");
    SCOPED_TRACE(id);
    EXPECT_EQ(id, docs[i].id);
    EXPECT_FALSE(str(rule, "name").empty());
    EXPECT_FALSE(str(rule["shortDescription"], "text").empty());
    EXPECT_FALSE(str(rule["fullDescription"], "text").empty());
    EXPECT_FALSE(str(rule["help"], "text").empty());
    EXPECT_FALSE(str(rule["help"], "markdown").empty());
    EXPECT_THAT(str(rule["defaultConfiguration"], "level"), ::testing::AnyOf("error", "warning", "note"));
    std::string severity = str(rule["properties"], "security-severity");
    ASSERT_TRUE(std::regex_match(severity, std::regex(R"(\d+\.\d)"))) << severity;
    EXPECT_GT(std::stod(severity), 0.0);
    EXPECT_LE(std::stod(severity), 10.0);
    std::vector<std::string> tags;
    for (const auto& tag : rule["properties"]["tags"].GetArray()) tags.emplace_back(tag.GetString());
    EXPECT_THAT(tags, ::testing::Contains("security"));  // else GitHub ignores security-severity
    std::vector<std::string> codes;
    if (rule["properties"].HasMember("aws_issue_codes")) {
      for (const auto& code : rule["properties"]["aws_issue_codes"].GetArray()) codes.emplace_back(code.GetString());
    }
    EXPECT_EQ(codes, docs[i].aws_issue_codes);
  }

  std::set<std::string> fingerprints;
  for (const auto& result : run["results"].GetArray()) {
    std::string rule_id = str(result, "ruleId");
    SCOPED_TRACE(rule_id);
    ASSERT_TRUE(result.HasMember("ruleIndex"));
    ASSERT_LT(result["ruleIndex"].GetUint(), rules.Size());
    EXPECT_EQ(str(rules[result["ruleIndex"].GetUint()], "id"), rule_id);
    EXPECT_THAT(str(result, "level"), ::testing::AnyOf("error", "warning", "note"));
    EXPECT_FALSE(str(result["message"], "text").empty());
    ASSERT_GE(result["locations"].Size(), 1u);
    const auto& physical = result["locations"][0]["physicalLocation"];
    std::string uri = str(physical["artifactLocation"], "uri");
    if (!uri.starts_with("file:///")) {  // repo-relative, forward slashes, normalized
      EXPECT_FALSE(uri.empty());
      EXPECT_NE(uri.front(), '/');
      EXPECT_THAT(uri, Not(HasSubstr("\\")));
      EXPECT_FALSE(uri.starts_with("./") || uri.starts_with("../")) << uri;
      EXPECT_EQ(str(physical["artifactLocation"], "uriBaseId"), "%SRCROOT%");
    }
    const auto& region = physical["region"];
    for (const char* key : {"startLine", "startColumn", "endLine", "endColumn"}) {
      ASSERT_TRUE(region.HasMember(key)) << key;
      EXPECT_GE(region[key].GetInt(), 1) << key;
    }
    EXPECT_GE(region["endLine"].GetInt(), region["startLine"].GetInt());
    if (region["endLine"] == region["startLine"]) {
      EXPECT_GE(region["endColumn"].GetInt(), region["startColumn"].GetInt());
    }
    ASSERT_TRUE(result["partialFingerprints"].IsObject());
    ASSERT_GT(result["partialFingerprints"].MemberCount(), 0u);
    for (const auto& print : result["partialFingerprints"].GetObject()) {
      EXPECT_TRUE(fingerprints.insert(print.value.GetString()).second)
          << "two results share " << print.value.GetString();
    }
  }
}

std::vector<std::string> fingerprints_of(const rapidjson::Document& log) {
  std::vector<std::string> prints;
  for (const auto& result : log["runs"][0]["results"].GetArray()) {
    prints.emplace_back(result["partialFingerprints"].MemberBegin()->value.GetString());
  }
  return prints;
}

TEST(Sarif, SamplesValidateAndMeetGitHubRequirements) {
  auto run = testing::run_mfalint("check --format sarif samples/");
  EXPECT_EQ(run.status, 2);  // broken-json.json cannot be read, on purpose
  auto log = parse(run.out);
  expect_github_accepts(log);
  const auto& results = log["runs"][0]["results"];
  EXPECT_EQ(results.Size(), testing::expected_sample_findings().findings);
  auto duplicate_key =
      std::find_if(results.Begin(), results.End(), [](const auto& r) { return str(r, "ruleId") == "IAM012"; });
  ASSERT_NE(duplicate_key, results.End());
  const auto& physical = (*duplicate_key)["locations"][0]["physicalLocation"];
  EXPECT_EQ(str(physical["artifactLocation"], "uri"), "samples/hidden-duplicate-condition.json");
  EXPECT_EQ(physical["region"]["startLine"].GetInt(), 10);
  EXPECT_EQ(physical["region"]["startColumn"].GetInt(), 7);
  EXPECT_EQ(physical["region"]["endLine"].GetInt(), 10);
  EXPECT_EQ(physical["region"]["endColumn"].GetInt(), 18);  // "Condition" with its quotes
  expect_schema_valid(run.out);
}

TEST(Sarif, UnreadableFilesAreNotificationsAndFailTheRun) {
  auto run = testing::run_mfalint("check --format sarif samples/broken-json.json no-such-file.json");
  auto log = parse(run.out);
  expect_github_accepts(log);
  const auto& invocation = log["runs"][0]["invocations"][0];
  EXPECT_FALSE(invocation["executionSuccessful"].GetBool());
  std::vector<std::string> notes;
  for (const auto& note : invocation["toolExecutionNotifications"].GetArray()) {
    EXPECT_EQ(str(note, "level"), "error");
    notes.push_back(str(note["message"], "text"));
  }
  EXPECT_THAT(notes, ::testing::UnorderedElementsAre(HasSubstr("samples/broken-json.json: invalid JSON"),
                                                     HasSubstr("no-such-file.json: no such file")));
  // The missing file's IAM001 has no position: a whole-file finding starts at line 1.
  bool seen = false;
  for (const auto& result : log["runs"][0]["results"].GetArray()) {
    const auto& physical = result["locations"][0]["physicalLocation"];
    if (str(physical["artifactLocation"], "uri") != "no-such-file.json") continue;
    seen = true;
    EXPECT_EQ(physical["region"]["startLine"].GetInt(), 1);
    EXPECT_EQ(physical["region"]["startColumn"].GetInt(), 1);
  }
  EXPECT_TRUE(seen);
  expect_schema_valid(run.out);

  auto clean = parse(testing::run_mfalint("check --format sarif samples/mfa-protected-s3.json").out);
  EXPECT_TRUE(clean["runs"][0]["invocations"][0]["executionSuccessful"].GetBool());
  EXPECT_FALSE(clean["runs"][0]["invocations"][0].HasMember("toolExecutionNotifications"));
  EXPECT_EQ(clean["runs"][0]["results"].Size(), 0u);
}

TEST(Sarif, FingerprintsSurviveAStatementMovingDown) {
  std::string statements = R"({"Sid": "A", "Effect": "allow", "Action": "s3:*", "Resource": "*"},
    {"Sid": "B", "Effect": "Allow", "Action": [], "Resource": "*"})";
  auto before = parse(testing::render(testing::report_of({{"p.json", testing::policy_with(statements)}}), "sarif"));
  auto after =
      parse(testing::render(testing::report_of({{"p.json", testing::policy_with("\n\n\n\n" + statements)}}), "sarif"));
  const auto& first_before = before["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
  const auto& first_after = after["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(first_after["startLine"].GetInt(), first_before["startLine"].GetInt() + 4);
  ASSERT_EQ(fingerprints_of(before).size(), 2u);
  EXPECT_EQ(fingerprints_of(before), fingerprints_of(after));

  // ... but a different statement, or the same one in another file, is another finding.
  auto other = parse(testing::render(
      testing::report_of(
          {{"p.json", testing::policy_with(R"({"Sid": "C", "Effect": "allow", "Action": "s3:*", "Resource": "*"})")}}),
      "sarif"));
  EXPECT_NE(fingerprints_of(other)[0], fingerprints_of(before)[0]);
  auto moved = parse(testing::render(testing::report_of({{"q.json", testing::policy_with(statements)}}), "sarif"));
  EXPECT_NE(fingerprints_of(moved)[0], fingerprints_of(before)[0]);
}

TEST(Sarif, UrisAreRelativeToTheWorkingDirectoryAndEncoded) {
  fs::path cwd = fs::current_path();
  std::string text = testing::policy_with(R"({"Effect": "allow", "Action": "s3:*", "Resource": "*"})");
  auto report = testing::report_of({{"./policies/a.json", text},
                                    {"dir name/ü#1.json", text},
                                    {(cwd / "inside" / ".." / "b.json").string(), text},
                                    {"/elsewhere/c d.json", text},
                                    {"a:b.json", text}});
  auto output = testing::render(report, "sarif");
  auto log = parse(output);
  std::vector<std::string> uris;
  for (const auto& result : log["runs"][0]["results"].GetArray()) {
    uris.push_back(str(result["locations"][0]["physicalLocation"]["artifactLocation"], "uri"));
  }
  EXPECT_THAT(uris, ::testing::ElementsAre("policies/a.json", "dir%20name/%C3%BC%231.json", "b.json",
                                           "file:///elsewhere/c%20d.json", "a%3Ab.json"));
  EXPECT_EQ(str(log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"], "uri"), "file://" + cwd.generic_string() + "/");
  expect_github_accepts(log);
  expect_schema_valid(output);
}

TEST(Sarif, SuppressedFindingsAreLeftOut) {
  // Code scanning ignores `suppressions` and would open an alert for each: they are not results.
  auto report = testing::audit_report();
  auto log = parse(testing::render(report, "sarif"));
  ASSERT_EQ(log["runs"][0]["results"].Size(), report.findings.size());
  for (const auto& result : log["runs"][0]["results"].GetArray()) {
    EXPECT_NE(str(result["message"], "text"), "accepted finding");
    EXPECT_FALSE(result.HasMember("suppressions"));
  }
}

TEST(Sarif, OddCharactersStayValidJson) {
  auto source = std::make_shared<SourceFile>("bad\xff name.json", "");
  report::Report report;
  report.files.push_back({source->path(), std::nullopt, {}});
  report.findings.push_back(testing::finding_in(source, "IAM009", "quote \" backslash \\ bell \a stray \xc3 end"));
  auto output = testing::render(report, "sarif");
  auto log = parse(output);
  const auto& result = log["runs"][0]["results"][0];
  EXPECT_EQ(str(result["message"], "text"), "quote \" backslash \\ bell \a stray \xEF\xBF\xBD end");
  EXPECT_EQ(str(result["locations"][0]["physicalLocation"]["artifactLocation"], "uri"), "bad%FF%20name.json");
  expect_schema_valid(output);
}

TEST(Sarif, SecuritySeverityFollowsWhatTheRuleLetsThrough) {
  auto log = parse(testing::render(report::Report{}, "sarif"));
  std::map<std::string, std::string> severity;
  for (const auto& rule : log["runs"][0]["tool"]["driver"]["rules"].GetArray()) {
    severity[str(rule, "id")] = str(rule["properties"], "security-severity");
  }
  EXPECT_EQ(severity["IAM006"], "3.0");  // IAM refuses the policy: nothing granted
  EXPECT_EQ(severity["IAM012"], "5.5");  // accepted, but not the policy the reviewer read
  ASSERT_NE(rules::find_rule("MFA001"), nullptr);
  EXPECT_EQ(severity["MFA001"], "8.0");  // high: reachable without MFA
}

// A NotResource statement's exclusions are not the resources it grants: JSON says not_resources,
// SARIF notResources, and neither says resources.
TEST(Sarif, NotResourceIsReportedAsExclusionsInSarifAndJson) {
  testing::TempDir dir;
  dir.write("p.json", testing::policy_with(
                         R"({"Effect": "Allow", "Action": "s3:DeleteBucket", "NotResource": "arn:aws:s3:::keep"})"));
  auto sarif = testing::run_mfalint("check --format sarif p.json", dir.path.string());
  auto json = testing::run_mfalint("check --format json p.json", dir.path.string());
  EXPECT_EQ(sarif.status, 1);
  EXPECT_THAT(sarif.out, HasSubstr("\"notResources\": [\n"));
  EXPECT_THAT(sarif.out, HasSubstr("\"arn:aws:s3:::keep\""));
  EXPECT_THAT(sarif.out, Not(HasSubstr("\"resources\"")));
  EXPECT_THAT(json.out, HasSubstr("\"not_resources\": [\n"));
  EXPECT_THAT(json.out, Not(HasSubstr("\"resources\"")));
}

}  // namespace
}  // namespace mfalint
