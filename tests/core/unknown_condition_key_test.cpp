// IAM102 unknown condition key.
#include "pipeline/checked_load.h"
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

namespace mfalint {
namespace {

using testing::load;
using testing::policy_with_condition;
using testing::rules_of;
using testing::with_rule;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;


TEST(UnknownConditionKey, MisspelledGlobalKeyNamesTheNearestRealOne) {
  auto file = load(policy_with_condition(R"({"StringEquals": {"aws:RequestedRegoin": "eu-west-1"}})"));
  auto findings = with_rule(file.findings, "IAM102");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_THAT(findings[0].message, HasSubstr("unknown global condition key \"aws:RequestedRegoin\""));
  EXPECT_THAT(findings[0].message, HasSubstr("did you mean \"aws:RequestedRegion\"?"));
  EXPECT_EQ(findings[0].fix, "\"aws:RequestedRegion\"");
  const std::string& text = file.source->text();
  EXPECT_THAT(text.substr(findings[0].loc.offset, findings[0].loc.end_offset - findings[0].loc.offset),
              HasSubstr("aws:RequestedRegoin"));
}

// One finding per mistake: MFA007 reports misspelled MFA keys, with what the typo costs.
TEST(UnknownConditionKey, MisspelledMfaKeysAreLeftToMfa007) {
  for (const char* condition : {R"({"NumericLessThan": {"aws:MultiFactorAuthAgee": "3600"}})",
                                R"({"Bool": {"aws:MFAPresent": "true"}})"}) {
    auto file = load(policy_with_condition(condition));
    EXPECT_THAT(rules_of(file.findings), ElementsAre("MFA007")) << condition;
  }
}

TEST(UnknownConditionKey, ServiceKeyCheckedAgainstItsService) {
  auto file = load(policy_with_condition(R"({"StringEquals": {"s3:x-amz-acll": "private", "s3:x-amz-acl": "private"}})"));
  auto findings = with_rule(file.findings, "IAM102");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_THAT(findings[0].message, HasSubstr("\"s3:x-amz-acll\": s3 has no such key"));
  EXPECT_THAT(findings[0].message, HasSubstr("did you mean \"s3:x-amz-acl\"?"));
}

TEST(UnknownConditionKey, UnknownPrefixAndMissingPrefix) {
  auto file = load(policy_with_condition(R"({"StringEquals": {"deepracer:UserToken": "x", "RequestedRegion": "eu-west-1"}})"));
  auto findings = with_rule(file.findings, "IAM102");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_THAT(findings[0].message, HasSubstr("no service has the prefix \"deepracer\""));
  EXPECT_THAT(findings[1].message, HasSubstr("has no prefix"));
}

TEST(UnknownConditionKey, KnownKeysInAnyCaseAndTemplatesAreFine) {
  auto file = load(policy_with_condition(R"({
      "NumericLessThan": {"aws:MultiFactorAuthAge": "3600"},
      "Bool": {"AWS:multifactorauthpresent": "true"},
      "IpAddress": {"aws:SourceIp": "10.0.0.0/8"},
      "StringEquals": {"aws:PrincipalTag/team": "x", "aws:RequestedRegion": "eu-west-1",
                       "s3:ExistingObjectTag/classification": "public", "kms:EncryptionContext:app": "x",
                       "saml:aud": "https://signin.aws.amazon.com/saml",
                       "oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:a:b",
                       "token.actions.githubusercontent.com:sub": "repo:o/r:*",
                       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
      "ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/x"}})"));
  EXPECT_THAT(with_rule(file.findings, "IAM102"), IsEmpty());
}

// Real AWS policies use a handful of keys the reference does not list; nothing else may be flagged.
TEST(UnknownConditionKey, ManagedPolicyCorpus) {
  const std::filesystem::path corpus = MFALINT_MANAGED_POLICIES_DIR;
  ASSERT_TRUE(std::filesystem::is_directory(corpus)) << corpus;
  std::set<std::string> keys;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    auto file = pipeline::load_checked(entry.path().string());
    for (const auto& finding : file.findings) {
      if (finding.rule != "IAM102") continue;
      keys.insert(file.source->text().substr(finding.loc.offset + 1, finding.loc.end_offset - finding.loc.offset - 2));
    }
  }
  EXPECT_THAT(keys, ElementsAre("aws:PrincipalOrgMasterAccountId", "deepracer:MultiUser", "deepracer:UserToken",
                                "lakeformation:GlueARN"));
}

}  // namespace
}  // namespace mfalint
