// CloudFormation templates, YAML and JSON: the policies each resource type holds, intrinsics as
// placeholders, findings at the template's line and column, and no crash on broken input.
#include "pipeline/checked_load.h"
#include "support/test_support.h"

#include <fmt/core.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

namespace mfalint {
namespace {

using testing::rules_of;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
namespace fs = std::filesystem;

const std::string kFixtures = std::string(MFALINT_SOURCE_DIR) + "/tests/fixtures/cloudformation/";

input::LoadedFile yaml(const std::string& text) { return pipeline::load_text_checked("template.yaml", text); }

// "line:column RULE context" for each finding, in file order.
std::vector<std::string> placed(Findings findings) {
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) { return a.loc.offset < b.loc.offset; });
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(fmt::format("{}:{} {} {}", f.loc.line, f.loc.column, f.rule, f.context));
  return out;
}

const model::Policy* policy_named(const input::LoadedFile& file, const std::string& context) {
  for (const auto& policy : file.policies) {
    if (policy.context == context) return &policy;
  }
  return nullptr;
}

std::vector<std::string> values(const std::optional<model::TextList>& list) {
  std::vector<std::string> out;
  if (list) {
    for (const auto& item : list->items) out.push_back(item.value);
  }
  return out;
}

// A template with one role whose inline policy is `statements` (YAML, indented for that spot).
std::string role_template(const std::string& statements) {
  return "AWSTemplateFormatVersion: \"2010-09-09\"\n"
         "Resources:\n"
         "  Role:\n"
         "    Type: AWS::IAM::Role\n"
         "    Properties:\n"
         "      Policies:\n"
         "        - PolicyName: p\n"
         "          PolicyDocument:\n"
         "            Version: \"2012-10-17\"\n"
         "            Statement:\n" +
         statements;
}

TEST(CloudFormationYaml, FixtureFindingsPointAtTheTemplateLines) {
  auto file = pipeline::load_checked(kFixtures + "operator-access.yaml");
  EXPECT_FALSE(file.error);
  EXPECT_THAT(placed(file.findings),
              ElementsAre("44:15 MFA002 DataBucketPolicy.PolicyDocument",
                          "56:15 MFA010 OperatorRole.AssumeRolePolicyDocument",
                          "71:22 IAM011 OperatorRole.Policies[0]",
                          // inside the literal block scalar that holds the SNS policy as JSON
                          "138:13 IAM012 AlertsTopicPolicy.PolicyDocument",
                          "158:17 IAM012 ReportsKey.KeyPolicy"));
  // The duplicate Sid's span covers exactly `ReadReports`.
  auto sid = testing::with_rule(file.findings, "IAM011");
  ASSERT_EQ(sid.size(), 1u);
  EXPECT_EQ(sid[0].loc.end_column, 33u);
}

TEST(CloudFormationYaml, FixturePoliciesKindsAndQuotas) {
  auto file = pipeline::load_checked(kFixtures + "operator-access.yaml");
  std::vector<std::string> contexts;
  for (const auto& policy : file.policies) contexts.push_back(policy.context);
  EXPECT_THAT(contexts, ElementsAre("DataBucketPolicy.PolicyDocument", "OperatorRole.AssumeRolePolicyDocument",
                                    "OperatorRole.Policies[0]", "BreakGlassRole.AssumeRolePolicyDocument",
                                    // Fn::If on EnforceMfa: each outcome is a policy of its own
                                    "Operators.Policies[0] (EnforceMfa: true)",
                                    "Operators.Policies[0] (EnforceMfa: false)", "AlertsTopicPolicy.PolicyDocument",
                                    "ReportsKey.KeyPolicy"));
  const auto* trust = policy_named(file, "OperatorRole.AssumeRolePolicyDocument");
  EXPECT_EQ(trust->kind, model::PolicyKind::Trust);
  EXPECT_EQ(trust->quota, model::SizeQuota::TrustPolicy);
  EXPECT_EQ(policy_named(file, "OperatorRole.Policies[0]")->quota, model::SizeQuota::InlineRole);
  EXPECT_EQ(policy_named(file, "Operators.Policies[0] (EnforceMfa: false)")->quota, model::SizeQuota::InlineGroup);
  EXPECT_EQ(policy_named(file, "DataBucketPolicy.PolicyDocument")->kind, model::PolicyKind::Resource);
  EXPECT_EQ(policy_named(file, "AlertsTopicPolicy.PolicyDocument")->kind, model::PolicyKind::Resource);
  EXPECT_EQ(policy_named(file, "ReportsKey.KeyPolicy")->kind, model::PolicyKind::Resource);
}

TEST(CloudFormationYaml, IntrinsicsBecomeReadablePlaceholders) {
  auto file = pipeline::load_checked(kFixtures + "operator-access.yaml");
  const auto& bucket = policy_named(file, "DataBucketPolicy.PolicyDocument")->statements;
  EXPECT_THAT(values(bucket[0].resource),
              ElementsAre("{{Fn::GetAtt DataBucket.Arn}}", "{{Fn::GetAtt DataBucket.Arn}}/*"));
  EXPECT_THAT(values(bucket[1].resource), ElementsAre("{{Fn::GetAtt DataBucket.Arn}}/*"));  // Fn::Join resolved
  // A placeholder sits where its intrinsic is: `!GetAtt DataBucket.Arn` on line 33.
  EXPECT_EQ(bucket[0].resource->items[0].loc.line, 33u);
  EXPECT_EQ(bucket[0].resource->items[0].loc.column, 17u);
  const auto& trust = policy_named(file, "OperatorRole.AssumeRolePolicyDocument")->statements[0];
  EXPECT_THAT(values(trust.principal->entries[0].values),
              ElementsAre("arn:{{Ref AWS::Partition}}:iam::{{Ref TrustedAccountId}}:root"));
  // Fn::If's first branch when EnforceMfa holds, its second (here none) when not; ${!aws:username}
  // is the IAM policy variable ${aws:username}.
  const model::Policy* enforced = policy_named(file, "Operators.Policies[0] (EnforceMfa: true)");
  ASSERT_NE(enforced, nullptr);
  const auto& group = enforced->statements;
  ASSERT_EQ(group.size(), 2u);
  EXPECT_EQ(group[0].sid->value, "BlockMostAccessUnlessSignedInWithMFA");
  EXPECT_THAT(values(group[1].resource), ElementsAre("arn:aws:iam::{{Ref AWS::AccountId}}:mfa/${aws:username}"));
  const model::Policy* not_enforced = policy_named(file, "Operators.Policies[0] (EnforceMfa: false)");
  ASSERT_NE(not_enforced, nullptr);
  EXPECT_EQ(not_enforced->statements.size(), 1u);
}

TEST(CloudFormationYaml, PlainScalarsKeepTheirJsonTypes) {
  auto file = pipeline::load_checked(kFixtures + "operator-access.yaml");
  const auto& bucket = policy_named(file, "DataBucketPolicy.PolicyDocument")->statements;
  EXPECT_EQ(bucket[0].conditions[0].entries[0].values[0].kind, model::ValueKind::Bool);  // false
  EXPECT_EQ(bucket[1].conditions[0].entries[0].values[0].kind, model::ValueKind::String);  // "false"
  const auto& glass = policy_named(file, "BreakGlassRole.AssumeRolePolicyDocument")->statements[0];
  EXPECT_EQ(glass.conditions[1].entries[0].values[0].kind, model::ValueKind::Number);  // 3600
  EXPECT_EQ(glass.conditions[1].entries[0].values[0].text, "3600");
}

TEST(CloudFormationJson, FixtureFindingsPointAtTheTemplateLines) {
  auto file = pipeline::load_checked(kFixtures + "deploy-stack.template.json");
  EXPECT_FALSE(file.error);
  EXPECT_THAT(placed(file.findings),
              ElementsAre("12:21 MFA010 DeployRole3A5F8C1E.AssumeRolePolicyDocument",
                          "61:15 IAM011 DeployRoleDefaultPolicyB2A1D3F4.PolicyDocument",
                          // inside the policy given as a JSON string
                          "81:172 MFA003 AuditorsPolicy7C9E2D10.PolicyDocument"));
}

TEST(CloudFormationJson, FixtureIntrinsicsAndQuotas) {
  auto file = pipeline::load_checked(kFixtures + "deploy-stack.template.json");
  const auto* trust = policy_named(file, "DeployRole3A5F8C1E.AssumeRolePolicyDocument");
  ASSERT_TRUE(trust);
  EXPECT_THAT(values(trust->statements[0].principal->entries[0].values),
              ElementsAre("arn:{{Ref AWS::Partition}}:iam::111122223333:root"));
  const auto* deploy = policy_named(file, "DeployRoleDefaultPolicyB2A1D3F4.PolicyDocument");
  // AWS::IAM::Policy attached to roles: the inline role quota applies.
  EXPECT_EQ(deploy->quota, model::SizeQuota::InlineRole);
  EXPECT_THAT(values(deploy->statements[0].resource),
              ElementsAre("arn:{{Ref AWS::Partition}}:cloudformation:{{Ref AWS::Region}}:{{Ref AWS::AccountId}}:"
                          "stack/app-*"));
  EXPECT_THAT(values(deploy->statements[1].resource), ElementsAre("{{Fn::GetAtt ExecutionRole605A040B.Arn}}"));
  EXPECT_EQ(policy_named(file, "AuditorsPolicy7C9E2D10.PolicyDocument")->quota, model::SizeQuota::Managed);
}

TEST(CloudFormationYaml, EveryShortFormTagIsAccepted) {
  auto file = yaml(role_template(
      "              - Effect: Allow\n"
      "                Action: [s3:GetObject]\n"
      "                Resource:\n"
      "                  - !Ref Bucket\n"
      "                  - !GetAtt Bucket.Arn\n"
      "                  - !GetAtt [Bucket, Arn]\n"
      "                  - !Sub arn:aws:s3:::${Bucket}/*\n"
      "                  - !Sub [\"arn:aws:s3:::${Name}/${Key}\", {Name: !Ref Bucket, Key: logs}]\n"
      "                  - !Join [\":\", [a, !Ref B, c]]\n"
      "                  - !Select [1, [x, y, z]]\n"
      "                  - !Select [0, !Split [\",\", !Ref List]]\n"
      "                  - !FindInMap [Map, !Ref \"AWS::Region\", Arn]\n"
      "                  - !ImportValue shared-bucket-arn\n"
      "                  - !Base64 text\n"
      "                  - !Cidr [10.0.0.0/16, 4, 8]\n"
      "                  - !GetAZs \"\"\n"
      "                  - !If [Cond, yes-branch, no-branch]\n"
      "                  - !Equals [a, b]\n"
      "                  - !And [!Condition A, !Not [!Condition B]]\n"
      "                  - !Or [!Condition A, !Condition B]\n"));
  ASSERT_FALSE(file.error) << *file.error;
  ASSERT_EQ(file.policies.size(), 2u);  // Cond true, then false (below, the first)
  EXPECT_THAT(values(file.policies[0].statements[0].resource),
              ElementsAre("{{Ref Bucket}}", "{{Fn::GetAtt Bucket.Arn}}", "{{Fn::GetAtt Bucket.Arn}}",
                          "arn:aws:s3:::{{Ref Bucket}}/*", "arn:aws:s3:::{{Ref Bucket}}/logs", "a:{{Ref B}}:c", "y",
                          "{{Fn::Select 0, {{Fn::Split ,, {{Ref List}}}}}}",
                          "{{Fn::FindInMap Map, {{Ref AWS::Region}}, Arn}}", "{{Fn::ImportValue shared-bucket-arn}}",
                          "{{Fn::Base64 text}}", "{{Fn::Cidr 10.0.0.0/16, 4, 8}}", "{{Fn::GetAZs}}", "yes-branch",
                          "{{Fn::Equals a, b}}", "{{Fn::And {Condition: A}, {{Fn::Not {Condition: B}}}}}",
                          "{{Fn::Or {Condition: A}, {Condition: B}}}"));
}

TEST(CloudFormationYaml, NoValueRemovesTheElementOrMember) {
  auto file = yaml(role_template(
      "              - Effect: Allow\n"
      "                Action: [s3:GetObject, !Ref AWS::NoValue, !If [C, !Ref AWS::NoValue, s3:PutObject]]\n"
      "                Resource: \"*\"\n"
      "                Sid: !Ref AWS::NoValue\n"
      "              - !If [C, !Ref AWS::NoValue, {Effect: Deny, Action: \"*\", Resource: \"*\"}]\n"));
  ASSERT_EQ(file.policies.size(), 2u);  // C true (below), and C false
  const auto& statements = file.policies[0].statements;
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_THAT(values(statements[0].action), ElementsAre("s3:GetObject"));
  EXPECT_FALSE(statements[0].sid);
  EXPECT_THAT(file.findings, IsEmpty());
}

TEST(CloudFormationYaml, PolicyAsQuotedJsonStringMapsIntoTheString) {
  auto file = yaml(
      "Resources:\n"
      "  P:\n"
      "    Type: AWS::IAM::ManagedPolicy\n"
      "    Properties:\n"
      "      PolicyDocument: '{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"allow\", \"Action\": \"*\", "
      "\"Resource\": \"*\"}}'\n");
  ASSERT_THAT(rules_of(file.findings), ElementsAre("IAM006"));
  EXPECT_EQ(file.findings[0].loc.line, 5u);
  EXPECT_EQ(file.findings[0].loc.column, 74u);  // the "allow"
}

TEST(CloudFormationYaml, SubBuiltPolicyStringPointsAtTheSub) {
  auto file = yaml(
      "Resources:\n"
      "  P:\n"
      "    Type: AWS::IAM::ManagedPolicy\n"
      "    Properties:\n"
      "      PolicyDocument: !Sub '{\"Statement\": {\"Effect\": \"allow\", \"Action\": \"*\", \"Resource\": \"${Arn}\"}}'\n");
  // Both the missing Version and the bad Effect point at the !Sub that built the text.
  EXPECT_THAT(placed(file.findings), ElementsAre("5:23 IAM006 P.PolicyDocument", "5:23 IAM003 P.PolicyDocument"));
}

TEST(CloudFormationYaml, AnImportedOrUnreadableComputedPolicyIsANoteNotAnError) {
  auto file = yaml(
      "Resources:\n"
      "  P:\n"
      "    Type: AWS::IAM::ManagedPolicy\n"
      "    Properties:\n"
      "      PolicyDocument: !ImportValue shared-policy\n"
      "  Q:\n"
      "    Type: AWS::IAM::ManagedPolicy\n"
      "    Properties:\n"
      "      PolicyDocument: !Sub '{\"Statement\": ${Statements}}'\n");
  EXPECT_FALSE(file.error);
  EXPECT_THAT(placed(file.findings), ElementsAre("5:23 IAM018 P.PolicyDocument", "9:23 IAM018 Q.PolicyDocument"));
  EXPECT_EQ(file.findings[0].severity, Severity::Note);
  EXPECT_NE(file.findings[0].message.find("Fn::ImportValue"), std::string::npos);
  EXPECT_NE(file.findings[1].message.find("{{Ref Statements}}"), std::string::npos);
}

TEST(CloudFormationYaml, PolicyUserAndGroupTypes) {
  auto file = yaml(
      "Resources:\n"
      "  U:\n"
      "    Type: AWS::IAM::User\n"
      "    Properties:\n"
      "      Policies: [{PolicyName: a, PolicyDocument: {Statement: []}}]\n"
      "  UP:\n"
      "    Type: AWS::IAM::UserPolicy\n"
      "    Properties: {PolicyDocument: {Statement: []}}\n"
      "  P:\n"
      "    Type: AWS::IAM::Policy\n"
      "    Properties: {Users: [!Ref U], Roles: [r], PolicyDocument: {Statement: []}}\n"
      "  Q:\n"
      "    Type: AWS::SQS::QueuePolicy\n"
      "    Properties: {PolicyDocument: {Statement: []}}\n"
      "  Other:\n"
      "    Type: AWS::Lambda::Function\n"
      "    Properties: {PolicyDocument: {Statement: []}}\n");
  ASSERT_EQ(file.policies.size(), 4u);
  EXPECT_EQ(file.policies[0].context, "U.Policies[0]");
  EXPECT_EQ(file.policies[0].quota, model::SizeQuota::InlineUser);
  EXPECT_EQ(file.policies[1].quota, model::SizeQuota::InlineUser);
  EXPECT_EQ(file.policies[2].quota, model::SizeQuota::InlineUser);  // the smallest of user and role
  EXPECT_EQ(file.policies[3].kind, model::PolicyKind::Resource);
  EXPECT_EQ(file.findings[0].loc.line, 5u);  // IAM010: the empty Statement, flow style
  EXPECT_EQ(file.findings[0].loc.column, 62u);
}

TEST(CloudFormationYaml, SyntaxErrorsFailWithLineAndColumn) {
  auto file = yaml("AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  R:\n    Type: [AWS::IAM::Role\n  S: 1\n");
  ASSERT_TRUE(file.error);
  EXPECT_THAT(rules_of(file.findings), ElementsAre("IAM001"));
  EXPECT_NE(file.error->find("invalid YAML"), std::string::npos);
  EXPECT_EQ(file.error_loc.line, 5u);
  EXPECT_EQ(file.error_loc.column, 4u);  // yaml-cpp stops at the `:` of a mapping inside the list

  auto alias = yaml("Resources:\n  A: &doc {Type: AWS::IAM::ManagedPolicy}\n  B: *doc\n");
  ASSERT_TRUE(alias.error);
  EXPECT_EQ(alias.error_loc.line, 3u);
  EXPECT_EQ(alias.error_loc.column, 6u);

  auto latin1 = yaml("Resources:\n  A: {Type: \"caf\xe9\"}\n");
  ASSERT_TRUE(latin1.error);
  EXPECT_EQ(latin1.error_loc.column, 17u);
}

TEST(CloudFormationYaml, ByteOrderMarkKeepsColumns) {
  auto file = yaml("\xEF\xBB\xBFResources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n"
                   "    Properties: {PolicyDocument: {Statement: {Effect: allow, Action: '*', Resource: '*'}}}\n");
  auto effect = testing::with_rule(file.findings, "IAM006");
  ASSERT_EQ(effect.size(), 1u);
  EXPECT_EQ(effect[0].loc.line, 4u);
  EXPECT_EQ(effect[0].loc.column, 55u);
}

TEST(CloudFormationYaml, OtherYamlIsNotATemplateAndNotAnError) {
  auto workflow = pipeline::load_text_checked("ci.yml", "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n");
  EXPECT_FALSE(workflow.error);
  EXPECT_THAT(workflow.findings, IsEmpty());
  EXPECT_THAT(workflow.policies, IsEmpty());
  auto chart = pipeline::load_text_checked("deployment.yaml", "{{- if .Values.enabled }}\nkind: Deployment\n{{- end }}\n");
  EXPECT_FALSE(chart.error);
  auto empty = pipeline::load_text_checked("empty.yaml", "");
  EXPECT_FALSE(empty.error);
  // Resources without AWS types: some other tool's YAML.
  auto other = pipeline::load_text_checked("x.yaml", "Resources:\n  cpu: 2\n");
  EXPECT_FALSE(other.error);
  EXPECT_THAT(other.findings, IsEmpty());
}

// Templates people write leave out AWSTemplateFormatVersion; one with no resources yet, or only
// parameters, holds no policy: no finding, not IAM002/IAM009 on a "policy".
TEST(CloudFormationJson, ResourcesOrParametersWithoutAVersionMakeATemplate) {
  for (const char* text : {R"({"Resources": {}})", R"({"Parameters": {"Env": {"Type": "String"}}})",
                           R"({"Description": "d", "Parameters": {"Env": {"Type": "String"}}, "Resources": {}})",
                           R"({"Resources": {"Topic": {"Type": "Custom", "Properties": {}}}})"}) {
    auto file = pipeline::load_text_checked("stack.json", text);
    EXPECT_FALSE(file.error) << text;
    EXPECT_THAT(file.findings, IsEmpty()) << text;
    EXPECT_THAT(file.policies, IsEmpty()) << text;
  }
  // A Statement beside them is a policy with a mistake, read as one.
  auto policy = pipeline::load_text_checked("p.json", R"({"Version": "2012-10-17", "Statement": [], "Resources": {}})");
  EXPECT_THAT(rules_of(policy.findings), ::testing::Contains("IAM009"));
  EXPECT_EQ(policy.policies.size(), 1u);
}

// Fn::If: each outcome of a condition is a way the stack deploys, judged on its own and named in
// the policy's context. A document the conditions leave alone is read once.
TEST(CloudFormationYaml, EveryBranchOfFnIfIsJudged) {
  auto file = yaml(
      "Conditions:\n  IsProd: !Equals [!Ref Env, prod]\n"
      "Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n"
      "        Version: \"2012-10-17\"\n        Statement:\n"
      "          - Effect: Allow\n            Action: ec2:TerminateInstances\n            Resource: \"*\"\n"
      "            Condition: !If [IsProd, {Bool: {aws:MultiFactorAuthPresent: \"true\"}}, !Ref AWS::NoValue]\n"
      "  Other:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      Description: !If [IsProd, a, b]\n"
      "      PolicyDocument: {Version: \"2012-10-17\", Statement: {Effect: Allow, Action: s3:GetObject, Resource: \"*\"}}\n");
  EXPECT_THAT(file.findings, IsEmpty());
  ASSERT_EQ(file.policies.size(), 3u);
  EXPECT_EQ(file.policies[0].context, "P.PolicyDocument (IsProd: true)");
  EXPECT_EQ(file.policies[0].statements.at(0).conditions.size(), 1u);
  EXPECT_EQ(file.policies[1].context, "P.PolicyDocument (IsProd: false)");
  EXPECT_EQ(file.policies[1].branch, "IsProd: false");
  EXPECT_TRUE(file.policies[1].statements.at(0).conditions.empty());
  EXPECT_EQ(file.policies[2].context, "Other.PolicyDocument (IsProd: true)");
  // A grammar finding both outcomes share is reported once.
  auto both = yaml("Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n"
                   "        Statement:\n          - {Effect: allow, Action: s3:GetObject, Resource: \"*\"}\n"
                   "          - !If [C, {Effect: Allow, Action: s3:PutObject, Resource: \"*\"}, !Ref AWS::NoValue]\n");
  EXPECT_EQ(both.policies.size(), 2u);
  EXPECT_THAT(testing::with_rule(both.findings, "IAM006"), ::testing::SizeIs(1));
}

TEST(CloudFormationYaml, TemplateSuffixHoldingJsonAndStdinYaml) {
  std::string json = R"({"Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument":
      {"Version": "2012-10-17", "Statement": {"Effect": "allow", "Action": "*", "Resource": "*"}}}}}})";
  auto file = pipeline::load_text_checked("stack.template", json);
  EXPECT_THAT(rules_of(file.findings), ElementsAre("IAM006"));
  auto piped = pipeline::load_text_checked("<stdin>", "Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n"
                                           "    Properties: {PolicyDocument: {Statement: {Effect: allow}}}\n");
  EXPECT_THAT(rules_of(piped.findings), ::testing::Contains("IAM006"));
}

TEST(CloudFormationYaml, DirectoriesTakeOnlyYamlThatLooksLikeATemplate) {
  auto dir = fs::temp_directory_path() / ("mfalint-cfn-" + std::to_string(getpid()));
  fs::create_directories(dir / ".github" / "workflows");
  std::ofstream(dir / "stack.yaml") << "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: {}\n";
  std::ofstream(dir / "infra.yml") << "Resources:\n  R: {Type: AWS::SNS::Topic}\n";
  std::ofstream(dir / "app.template") << "{\"Resources\": {}}";
  std::ofstream(dir / ".github" / "workflows" / "ci.yml") << "on: [push]\njobs: {}\n";
  std::ofstream(dir / "values.yaml") << "{{ .Values }}: [\n";
  std::vector<input::LoadedFile> missing;
  auto files = input::expand_paths({dir.string()}, missing);
  std::vector<std::string> relative;
  for (const auto& file : files) relative.push_back(fs::relative(file, dir).string());
  EXPECT_THAT(relative, ElementsAre("app.template", "infra.yml", "stack.yaml"));
  fs::remove_all(dir);
}

TEST(CloudFormationYaml, WrongTypesEverywhereAreIgnoredOrReported) {
  for (std::string text : {
           "Resources: [1, 2]\nAWSTemplateFormatVersion: x\n",
           "AWSTemplateFormatVersion: x\nResources: {A: 1, B: [], C: {Type: 3}, D: {Type: AWS::IAM::Role}}\n",
           "AWSTemplateFormatVersion: x\nResources: {A: {Type: AWS::IAM::Role, Properties: 7}}\n",
           "AWSTemplateFormatVersion: x\nResources: {A: {Type: AWS::IAM::Role, Properties: {Policies: {x: 1}}}}\n",
           "AWSTemplateFormatVersion: x\nResources: {A: {Type: AWS::IAM::Role, Properties: {Policies: [1, [], "
           "{PolicyDocument: 3}, {PolicyDocument: [x]}, {PolicyDocument: !Ref D}, {PolicyDocument: ''}]}}}\n",
           "AWSTemplateFormatVersion: x\nResources: {A: {Type: AWS::KMS::Key, Properties: {KeyPolicy: !If [a]}}}\n",
           "AWSTemplateFormatVersion: x\nResources: {A: {Type: AWS::KMS::Key, Properties: {KeyPolicy: {Statement: "
           "[!Join [1, 2], !Join [\",\"], !Sub [1], !Sub {a: b}, !Select [x, [1]], !Select [9, [1]], !GetAtt [a], "
           "!Ref [a, b], !If [a, b], !Sub ['${a', {a: 1}], !Sub ['${a}${!b}', {a: !Ref AWS::NoValue}]]}}}}\n",
           "AWSTemplateFormatVersion: x\nResources: !Ref X\n",
           "AWSTemplateFormatVersion: x\n",
           "just a string\n",
           "- a\n- b\nResources: x\n",
           "? [complex, key]\n: Resources\n",
           "Resources:\n  ? [complex, key]\n  : v\n",
           "Resources:\n  A:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: !Ref\n",
       }) {
    auto file = yaml(text);
    for (const auto& finding : file.findings) EXPECT_NE(finding.loc.line, 0u) << text;
  }
}

// Every prefix of the fixture, and random byte changes: whatever happens, no crash, and any
// finding has a position inside the file.
TEST(CloudFormationYaml, FuzzedTemplatesNeverCrash) {
  std::string text = testing::read_all(kFixtures + "operator-access.yaml");
  for (size_t size = 0; size <= text.size(); size += 11) {
    auto file = yaml(text.substr(0, size));
    for (const auto& finding : file.findings) EXPECT_LE(finding.loc.offset, size);
  }
  std::mt19937 random(6);
  const std::string alphabet = "!&*[]{}:,-?|>'\"#\n \t\\${}xA0";
  for (int round = 0; round < 200; ++round) {
    std::string mutated = text;
    for (int k = 0; k < 4; ++k) {
      mutated[random() % mutated.size()] = alphabet[random() % alphabet.size()];
    }
    auto file = yaml(mutated);
    for (const auto& finding : file.findings) EXPECT_LE(finding.loc.offset, mutated.size());
  }
  std::string json = testing::read_all(kFixtures + "deploy-stack.template.json");
  for (size_t size = 0; size <= json.size(); size += 11) pipeline::load_text_checked("t.json", json.substr(0, size));
}

TEST(CloudFormationYaml, DeepNestingIsRefusedNotOverflowed) {
  auto deep = yaml("AWSTemplateFormatVersion: x\nResources: " + std::string(100000, '[') + "\n");
  ASSERT_TRUE(deep.error);
  auto tags = std::string("AWSTemplateFormatVersion: x\nResources: {A: {Type: AWS::KMS::Key, Properties: {KeyPolicy: ");
  for (int i = 0; i < 200; ++i) tags += "!Base64 [";
  tags += "x" + std::string(200, ']') + "}}}\n";
  auto nested = yaml(tags);
  EXPECT_FALSE(nested.error);
  EXPECT_THAT(rules_of(nested.findings), ElementsAre("IAM018"));  // the unresolvable document, as a note
  // A Sub doubling its text at each level stays bounded.
  std::string sub = "AWSTemplateFormatVersion: x\nResources: {A: {Type: AWS::KMS::Key, Properties: {KeyPolicy: "
                    "{Statement: {Resource: ";
  for (int i = 0; i < 60; ++i) sub += "!Sub ['${a}${a}${a}${a}', {a: ";
  sub += "x";
  for (int i = 0; i < 60; ++i) sub += "}]";
  sub += "}}}}}\n";
  auto doubled = yaml(sub);
  EXPECT_FALSE(doubled.error);
}

}  // namespace
}  // namespace mfalint
