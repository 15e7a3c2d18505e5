// IAM100 unknown service prefix, IAM101 unknown action or pattern matching no action.
#include "pipeline/checked_load.h"
#include "catalog/catalog.h"
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

namespace mfalint {
namespace {

using testing::load;
using testing::policy_with;
using testing::rules_of;
using testing::with_rule;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(UnknownAction, IAM100NamesThePrefixAndListsItsEntries) {
  auto file = load(policy_with(R"({"Effect": "Allow", "Resource": "*",
      "Action": ["s3:GetObject", "lamda:InvokeFunction", "LAMDA:GetFunction", "elastic-inference:Connect"]})"));
  ASSERT_THAT(rules_of(file.findings), ElementsAre("IAM100", "IAM100"));
  const auto& elastic = file.findings[0];
  EXPECT_THAT(elastic.actions.written, ElementsAre("elastic-inference:Connect"));
  const auto& lamda = file.findings[1];
  EXPECT_THAT(lamda.actions.written, ElementsAre("lamda:InvokeFunction", "LAMDA:GetFunction"));
  EXPECT_THAT(lamda.message, HasSubstr("unknown service prefix \"lamda\""));
  EXPECT_THAT(lamda.message, HasSubstr("did you mean \"lambda\"?"));
  EXPECT_EQ(lamda.loc.line, 2u);  // the first entry that uses it
  EXPECT_EQ(*lamda.statement, 0u);
}

TEST(UnknownAction, IAM101ForEachUnknownActionAsWritten) {
  auto file = load(policy_with(R"({"Sid": "Hsm", "Effect": "Deny", "Resource": "*",
      "Action": ["cloudhsm:DescribeHapg", "s3:GetObjects", "s3:GetObject"]})"));
  ASSERT_THAT(rules_of(file.findings), ElementsAre("IAM101", "IAM101"));
  EXPECT_THAT(file.findings[0].actions.written, ElementsAre("cloudhsm:DescribeHapg"));
  EXPECT_THAT(file.findings[0].message, HasSubstr("so it denies nothing"));
  EXPECT_THAT(file.findings[1].actions.written, ElementsAre("s3:GetObjects"));
  EXPECT_THAT(file.findings[1].message, HasSubstr("did you mean \"s3:GetObject\"?"));
  EXPECT_EQ(file.findings[1].sid, "Hsm");
}

TEST(UnknownAction, IAM101ForAPatternThatMatchesNothing) {
  auto file = load(policy_with(R"({"Effect": "Allow", "Resource": "*", "Action": ["s3:Fetch*", "s3:Get*"]})"));
  ASSERT_THAT(rules_of(file.findings), ElementsAre("IAM101"));
  EXPECT_THAT(file.findings[0].message, HasSubstr("\"s3:Fetch*\" matches no action"));
}

TEST(UnknownAction, IAM101ForEntriesThatAreNotServiceColonAction) {
  auto file = load(policy_with(R"({"Effect": "Allow", "Resource": "*", "Action": ["s3GetObject", "s3:", ":Get"]})"));
  EXPECT_THAT(rules_of(file.findings), ElementsAre("IAM101", "IAM101", "IAM101"));
}

TEST(UnknownAction, NotActionEntriesAreCheckedToo) {
  auto file = load(policy_with(R"({"Effect": "Deny", "Resource": "*", "NotAction": ["iam:ListMFADevice", "nosuch:*"],
      "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})"));
  auto iam101 = with_rule(file.findings, "IAM101");
  ASSERT_EQ(iam101.size(), 1u);
  EXPECT_THAT(iam101[0].actions.written, ElementsAre("iam:ListMFADevice"));
  EXPECT_THAT(iam101[0].message, HasSubstr("exempts nothing"));
  EXPECT_THAT(with_rule(file.findings, "IAM100"), ::testing::SizeIs(1));
}

TEST(UnknownAction, WildcardPrefixMatchingNoService) {
  auto file = load(policy_with(R"({"Effect": "Allow", "Resource": "*", "Action": ["zz*:Get*", "s?:GetObject"]})"));
  auto unknown = with_rule(file.findings, "IAM100");
  ASSERT_THAT(rules_of(unknown), ElementsAre("IAM100"));
  EXPECT_THAT(unknown[0].actions.written, ElementsAre("zz*:Get*"));
  EXPECT_THAT(with_rule(file.findings, "IAM101"), IsEmpty());
}

TEST(UnknownAction, RealActionsAndPatternsInAnyCaseAreFine) {
  auto file = load(policy_with(R"({"Effect": "Allow", "Resource": "*",
      "Action": ["*", "s3:*", "S3:GETOBJECT", "iam:*MFA*", "ec2:Describe*", "s?:Get*", "*:List*", "sts:GetSessionToken"]})"));
  EXPECT_THAT(with_rule(file.findings, "IAM100"), IsEmpty());  // other rules: "*" makes the rest redundant
  EXPECT_THAT(with_rule(file.findings, "IAM101"), IsEmpty());
}

// The AWS managed policies name actions AWS has since retired. IAM Access Analyzer reports them as
// invalid; so must IAM100/IAM101, and they must flag nothing the reference knows.
TEST(UnknownAction, ManagedPolicyCorpus) {
  const std::filesystem::path corpus = MFALINT_MANAGED_POLICIES_DIR;
  std::map<std::string, std::set<std::string>> flagged;  // file name -> entries as written
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    auto file = pipeline::load_checked(entry.path().string());
    ++files;
    for (const auto& finding : file.findings) {
      if (finding.rule != "IAM100" && finding.rule != "IAM101") continue;
      for (const auto& action : finding.actions.written) {
        EXPECT_TRUE(catalog::match_actions(action).empty()) << entry.path().filename() << ": flagged " << action << ", a known action";
        flagged[entry.path().filename().string()].insert(action);
      }
    }
  }
  EXPECT_EQ(files, 1525u);
  EXPECT_THAT(flagged["RDSCloudHsmAuthorizationRole.json"],
              ElementsAre("cloudhsm:CreateLunaClient", "cloudhsm:DeleteLunaClient", "cloudhsm:DescribeHapg",
                          "cloudhsm:DescribeLunaClient", "cloudhsm:GetConfig", "cloudhsm:ModifyHapg",
                          "cloudhsm:ModifyLunaClient"));
  EXPECT_THAT(flagged["AmazonSageMakerFullAccess.json"], ::testing::Contains("elastic-inference:Connect"));
  EXPECT_THAT(flagged["ResourceGroupsTaggingAPITagUntagSupportedResources.json"],
              ::testing::IsSupersetOf({"elastic-inference:TagResource", "elastic-inference:UntagResource"}));
  // Every (file, entry) an independent scan of the corpus against the npm data finds.
  size_t total = 0;
  for (const auto& [name, actions] : flagged) total += actions.size();
  EXPECT_EQ(total, 152u);
}

}  // namespace
}  // namespace mfalint
