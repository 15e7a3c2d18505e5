// The policy type a policy is judged as: stated by its input, guessed from a bare document, or given
// with --policy-type and --resource-type; and the type and the Access Analyzer code each finding
// carries in JSON and SARIF.
#include "support/test_support.h"

#include <rapidjson/document.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using model::PolicyKind;
using testing::load;
using testing::load_as;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A duplicate Sid: every policy type has a finding for it, which carries the type.
const char* const kTwoSids = R"({"Version": "2012-10-17", "Statement": [
  {"Sid": "A", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"},
  {"Sid": "A", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:TagSession"}]})";

// The policy type of each finding of `rule`.
std::vector<std::string> types_of(const Findings& findings, const std::string& rule = "IAM011") {
  std::vector<std::string> types;
  for (const auto& finding : testing::with_rule(findings, rule)) types.emplace_back(finding.policy_type);
  return types;
}

TEST(PolicyType, ABareDocumentIsGuessedFromItsStatements) {
  auto file = load(kTwoSids);
  ASSERT_EQ(file.policies.size(), 1u);
  EXPECT_EQ(file.policies[0].kind, PolicyKind::Trust);
  EXPECT_FALSE(file.policies[0].kind_stated);
  EXPECT_THAT(types_of(file.findings), ElementsAre("trust"));
}

TEST(PolicyType, GivenTypeWinsOverTheGuessAndNamesEveryFinding) {
  auto file = load_as(PolicyKind::ServiceControl, R"({"Version": "2012-10-17", "Statement": [
    {"Sid": "A", "Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {}},
    {"Sid": "A", "Effect": "Deny", "Action": "ec2:*", "Resource": "*"}]})");
  ASSERT_EQ(file.policies.size(), 1u);
  EXPECT_EQ(file.policies[0].kind, PolicyKind::ServiceControl);
  // The builder's own finding (the empty Condition) is stamped with the type too.
  EXPECT_THAT(types_of(file.findings, "IAM010"), ElementsAre("scp"));
  EXPECT_THAT(types_of(file.findings), ElementsAre("scp"));
  EXPECT_THAT(testing::codes_of(file.findings, "IAM011"), ElementsAre("UNIQUE_SIDS_REQUIRED"));
}

TEST(PolicyType, AStatedTypeIsNotOverridden) {
  auto file = pipeline::load_text_checked("template.json", R"({"Resources": {"Bucket": {
    "Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": "b", "PolicyDocument": {
      "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::b/*"}]}}}}})",
                                          input::PolicyType{PolicyKind::Identity, ""});
  ASSERT_EQ(file.policies.size(), 1u);
  EXPECT_EQ(file.policies[0].kind, PolicyKind::Resource);
  EXPECT_TRUE(file.policies[0].kind_stated);
  EXPECT_EQ(file.policies[0].resource_type, "AWS::S3::Bucket");
}

TEST(PolicyType, AGivenResourceTypeAppliesToResourcePoliciesOnly) {
  auto resource = load_as(PolicyKind::Resource, kTwoSids, "AWS::KMS::Key");
  ASSERT_EQ(resource.policies.size(), 1u);
  EXPECT_EQ(resource.policies[0].resource_type, "AWS::KMS::Key");
  auto identity = load_as(PolicyKind::Identity, R"({"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}})",
                          "AWS::KMS::Key");
  ASSERT_EQ(identity.policies.size(), 1u);
  EXPECT_EQ(identity.policies[0].resource_type, "");
}

struct TempDir : testing::TempDir {
  testing::RunResult check(const std::string& args) const { return testing::run_mfalint("check " + args, path.string()); }
};

// The policy type of each IAM011 finding of a JSON report.
std::vector<std::string> json_types(const std::string& out) {
  rapidjson::Document doc;
  doc.Parse(out.c_str());
  std::vector<std::string> types;
  if (doc.HasParseError()) return {"unparsable: " + out};
  for (const auto& finding : doc["findings"].GetArray()) {
    if (std::string_view(finding["rule"].GetString()) != "IAM011") continue;
    types.emplace_back(finding.HasMember("policy_type") ? finding["policy_type"].GetString() : "-");
  }
  return types;
}

TEST(PolicyType, CommandLineFlags) {
  TempDir dir;
  dir.write("policy.json", kTwoSids);
  EXPECT_THAT(json_types(dir.check("--format json policy.json").out), ElementsAre("trust"));
  EXPECT_THAT(json_types(dir.check("--format json --policy-type resource policy.json").out), ElementsAre("resource"));
  EXPECT_THAT(json_types(dir.check("--format json --resource-type AWS::S3::Bucket policy.json").out),
              ElementsAre("resource"));
  EXPECT_THAT(json_types(dir.check("--format json --resource-type AWS::IAM::AssumeRolePolicyDocument policy.json").out),
              ElementsAre("trust"));
  auto conflict = dir.check("--policy-type identity --resource-type AWS::S3::Bucket policy.json");
  EXPECT_EQ(conflict.status, 2);
  EXPECT_THAT(conflict.err, HasSubstr("--resource-type AWS::S3::Bucket is for resource policies, not identity"));
  EXPECT_EQ(dir.check("--policy-type group policy.json").status, 2);
}

TEST(PolicyType, SarifCarriesTheTypeAndTheCode) {
  TempDir dir;
  dir.write("policy.json", kTwoSids);
  auto run = dir.check("--format sarif --policy-type resource policy.json");
  rapidjson::Document doc;
  doc.Parse(run.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << run.out;
  bool found = false;
  for (const auto& result : doc["runs"][0]["results"].GetArray()) {
    if (std::string_view(result["ruleId"].GetString()) != "IAM011") continue;
    found = true;
    EXPECT_STREQ(result["properties"]["policyType"].GetString(), "resource");
    EXPECT_STREQ(result["properties"]["aws_issue_code"].GetString(), "UNIQUE_SIDS_REQUIRED");
  }
  EXPECT_TRUE(found) << run.out;
}

}  // namespace
}  // namespace mfalint
