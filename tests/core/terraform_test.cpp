// Terraform JSON plans and state: the policy strings of each resource type, findings at their
// position inside the string and named by resource address, values unknown until apply.
#include "pipeline/checked_load.h"
#include "support/test_support.h"

#include <fmt/core.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace mfalint {
namespace {

using testing::rules_of;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const std::string kPlan = std::string(MFALINT_SOURCE_DIR) + "/tests/fixtures/terraform/plan.json";

input::LoadedFile plan(const std::string& json) { return pipeline::load_text_checked("plan.json", json); }

// "line:column RULE severity context" for each finding, in file order.
std::vector<std::string> placed(Findings findings) {
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) { return a.loc.offset < b.loc.offset; });
  std::vector<std::string> out;
  for (const auto& f : findings) {
    out.push_back(fmt::format("{}:{} {} {} {}", f.loc.line, f.loc.column, f.rule, severity_name(f.severity), f.context));
  }
  return out;
}

std::vector<std::string> contexts(const input::LoadedFile& file) {
  std::vector<std::string> out;
  for (const auto& policy : file.policies) out.push_back(policy.context);
  return out;
}

// A plan holding `resources` in the root module's planned values.
std::string plan_with(const std::string& resources, const std::string& changes = "[]") {
  return R"({"format_version":"1.2","terraform_version":"1.8.3","planned_values":{"root_module":{"resources":)" +
         resources + R"(}},"resource_changes":)" + changes + "}";
}

TEST(TerraformPlan, FixtureFindingsPointInsideThePolicyStrings) {
  // terraform show -json prints the plan on one line: columns carry the position.
  auto file = pipeline::load_checked(kPlan);
  EXPECT_FALSE(file.error);
  EXPECT_THAT(placed(file.findings),
              ElementsAre("1:622 IAM011 warning aws_iam_policy.ops",  // the second "Ops" Sid in jsonencode() output
                          "1:1059 MFA010 error aws_iam_role.operator",  // the Principal in the pretty data source JSON
                          "1:3384 MFA002 error module.data_access.aws_iam_role_policy.reader",
                          "1:6202 IAM018 note aws_s3_bucket_policy.reports",  // `"policy":true` in after_unknown
                          "1:9743 MFA003 error data.aws_iam_policy_document.break_glass"));
}

TEST(TerraformPlan, FixturePoliciesKindsAndQuotas) {
  auto file = pipeline::load_checked(kPlan);
  // The `assume` document is checked once, as the role's trust policy it becomes; `break_glass`
  // feeds nothing in the plan and is checked on its own. The bucket policy is unknown until apply.
  EXPECT_THAT(contexts(file), ElementsAre("aws_iam_policy.ops", "aws_iam_role.operator",
                                          "module.data_access.aws_iam_role_policy.reader",
                                          "data.aws_iam_policy_document.break_glass"));
  EXPECT_EQ(file.policies[0].quota, model::SizeQuota::Managed);
  EXPECT_EQ(file.policies[1].kind, model::PolicyKind::Trust);
  EXPECT_EQ(file.policies[1].quota, model::SizeQuota::TrustPolicy);
  EXPECT_EQ(file.policies[2].quota, model::SizeQuota::InlineRole);
  EXPECT_EQ(file.policies[3].quota, model::SizeQuota::None);
}

TEST(TerraformPlan, EveryResourceTypeAndItsAttribute) {
  auto doc = [](const std::string& action) {
    return R"("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\")" + action +
           R"(\",\"Resource\":\"*\"}]}")";
  };
  auto resource = [&](const std::string& type, const std::string& attribute, const std::string& extra = "") {
    return R"({"address":")" + type + R"(.x","mode":"managed","type":")" + type + R"(","name":"x","values":{")" +
           attribute + R"(":)" + doc("s3:GetObject") + extra + "}}";
  };
  auto file = plan(plan_with(
      "[" + resource("aws_iam_policy", "policy") + "," + resource("aws_iam_role_policy", "policy") + "," +
      resource("aws_iam_user_policy", "policy") + "," + resource("aws_iam_group_policy", "policy") + "," +
      resource("aws_iam_role", "assume_role_policy",
               R"(,"inline_policy":[{"name":"a","policy":)" + doc("s3:PutObject") + "}]") +
      "," + resource("aws_s3_bucket_policy", "policy") + "," + resource("aws_sns_topic_policy", "policy") + "," +
      resource("aws_sqs_queue_policy", "policy") + "," + resource("aws_kms_key", "policy") + "," +
      resource("aws_iam_user", "policy") + "]"));
  EXPECT_FALSE(file.error);
  EXPECT_THAT(contexts(file),
              ElementsAre("aws_iam_policy.x", "aws_iam_role_policy.x", "aws_iam_user_policy.x",
                          "aws_iam_group_policy.x", "aws_iam_role.x", "aws_iam_role.x.inline_policy[0]",
                          "aws_s3_bucket_policy.x", "aws_sns_topic_policy.x", "aws_sqs_queue_policy.x",
                          "aws_kms_key.x"));
  std::vector<model::SizeQuota> quotas;
  for (const auto& policy : file.policies) quotas.push_back(policy.quota);
  using Q = model::SizeQuota;
  EXPECT_THAT(quotas, ElementsAre(Q::Managed, Q::InlineRole, Q::InlineUser, Q::InlineGroup, Q::TrustPolicy,
                                  Q::InlineRole, Q::None, Q::None, Q::None, Q::None));
  EXPECT_EQ(file.policies[6].kind, model::PolicyKind::Resource);
}

TEST(TerraformPlan, ChildModulesAtAnyDepth) {
  auto file = plan(R"({"format_version":"1.2","planned_values":{"root_module":{"child_modules":[{"address":"module.a",
    "child_modules":[{"address":"module.a.module.b","resources":[{"address":"module.a.module.b.aws_iam_policy.p",
    "mode":"managed","type":"aws_iam_policy","name":"p","values":{"policy":"{\"Statement\":[]}"}}]}]}]}}})");
  EXPECT_THAT(contexts(file), ElementsAre("module.a.module.b.aws_iam_policy.p"));
  EXPECT_THAT(placed(file.findings), ElementsAre("3:77 IAM003 warning module.a.module.b.aws_iam_policy.p",
                                                 "3:92 IAM010 warning module.a.module.b.aws_iam_policy.p"));
}

TEST(TerraformPlan, StateOutputIsReadToo) {
  // `terraform show -json` without a plan prints the state: {"values": {"root_module": ...}}.
  auto file = plan(R"({"format_version":"1.0","terraform_version":"1.8.3","values":{"root_module":{"resources":[
    {"address":"aws_iam_role.r","mode":"managed","type":"aws_iam_role","name":"r",
     "values":{"assume_role_policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}"}}]}}})");
  EXPECT_THAT(placed(file.findings), ElementsAre("3:117 MFA010 error aws_iam_role.r"));
}

TEST(TerraformPlan, UnknownPoliciesAreNotesAndOptionalOnesAreSilent) {
  auto file = plan(plan_with(
      R"([{"address":"aws_iam_role.r","mode":"managed","type":"aws_iam_role","name":"r",
           "values":{"inline_policy":[{"name":"a"}]}},
          {"address":"aws_kms_key.k","mode":"managed","type":"aws_kms_key","name":"k","values":{}}])",
      R"([{"address":"aws_iam_role.r","change":{"after_unknown":{"arn":true,"assume_role_policy":true,
            "inline_policy":[{"policy":true}]}}},
          {"address":"aws_kms_key.k","change":{"after_unknown":{"policy":true}}}])"));
  EXPECT_FALSE(file.error);
  EXPECT_THAT(file.policies, IsEmpty());
  // The role's trust policy is unknown; a KMS key without a policy gets AWS's default one.
  EXPECT_THAT(placed(file.findings),
              ElementsAre("3:189 IAM018 note aws_iam_role.r", "4:31 IAM018 note aws_iam_role.r.inline_policy[0]"));
}

TEST(TerraformPlan, NotMistakenForOtherJson) {
  auto policy = plan(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]})");
  EXPECT_THAT(policy.policies.size(), 1u);
  EXPECT_EQ(policy.policies[0].context, "");
  // A raw terraform.tfstate is no `show -json` output: it falls through to the policy reader.
  auto raw_state = plan(R"({"version":4,"terraform_version":"1.8.3","resources":[]})");
  EXPECT_THAT(rules_of(raw_state.findings), ::testing::Contains("IAM002"));
}

TEST(TerraformPlan, WrongTypesEverywhere) {
  for (std::string text : {
           R"({"format_version":1,"planned_values":{}})",
           R"({"format_version":"1.2","planned_values":[]})",
           R"({"format_version":"1.2","planned_values":{"root_module":[]}})",
           R"({"format_version":"1.2","planned_values":{"root_module":{"resources":{},"child_modules":"x"}}})",
           R"({"format_version":"1.2","planned_values":{"root_module":{"resources":[1,null,[],{"address":3}]}}})",
           R"({"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"a","mode":"managed",
               "type":"aws_iam_policy","values":"x"},{"address":"b","mode":"managed","type":"aws_iam_policy",
               "values":{"policy":7}},{"address":"c","mode":"managed","type":"aws_iam_role",
               "values":{"inline_policy":{"policy":"{}"}}},{"address":"d","mode":"managed","type":"aws_iam_role",
               "values":{"inline_policy":[1,{"policy":[]}]}}]}}})",
           R"({"format_version":"1.2","resource_changes":{"a":1}})",
           R"({"format_version":"1.2","resource_changes":[1,{"address":1},{"address":"a","change":[]},
               {"address":"b","change":{"after_unknown":[]}}],"prior_state":{"values":{"root_module":{"resources":
               [{"address":"data.x","mode":"data","type":"aws_iam_policy_document","values":{"json":{}}}]}}}})",
           R"({"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"r","mode":"managed",
               "type":"aws_iam_role","values":{}}]}},"resource_changes":[{"address":"r","change":{"after_unknown":
               {"inline_policy":[true],"assume_role_policy":"yes"}}}]})",
       }) {
    auto file = plan(text);
    for (const auto& finding : file.findings) EXPECT_NE(finding.loc.line, 0u) << text;
  }
}

TEST(TerraformPlan, FuzzedPlansNeverCrash) {
  std::string text = testing::read_all(kPlan);
  ASSERT_FALSE(plan(text).error);
  // Every cut of the plan is incomplete JSON: an error placed inside what was read, never a crash.
  for (size_t size = 0; size < text.size() - 1; size += 61) {
    auto cut = plan(text.substr(0, size));
    ASSERT_TRUE(cut.error) << "cut at " << size;
    EXPECT_LE(cut.error_loc.offset, size) << *cut.error;
  }
  std::mt19937 random(6);
  const std::string alphabet = "{}[]\":,\\ntu0";
  for (int round = 0; round < 200; ++round) {
    std::string mutated = text;
    for (int k = 0; k < 3; ++k) mutated[random() % mutated.size()] = alphabet[random() % alphabet.size()];
    auto file = plan(mutated);
    for (const auto& finding : file.findings) EXPECT_LE(finding.loc.offset, mutated.size());
  }
}

}  // namespace
}  // namespace mfalint
