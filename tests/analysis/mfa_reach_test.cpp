#include "analysis/mfa_reach.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

namespace mfalint::analysis {
namespace {

// The reach of the first statement of a policy whose Condition is `condition`.
Reach reach_of(const std::string& effect, const std::string& condition, const Assumptions& assumptions = {}) {
  auto file = testing::load(testing::policy_with(R"({"Effect": ")" + effect +
                                                 R"(", "Action": "s3:GetObject", "Resource": "*", "Condition": )" +
                                                 condition + "}"));
  const auto& statement = file.policies.at(0).statements.at(0);
  return condition_reach(statement, *statement.effect, assumptions);
}

std::string story(const Reach& reach) {
  return std::string(reach.long_term_keys ? "LT " : "") + (reach.session_without_mfa ? "NoMFA " : "") +
         reach.mfa_ages.to_json();
}

TEST(MfaReach, NullAgeFalseIsTheDocumentedMfaRequirement) {
  EXPECT_EQ(story(reach_of("Allow", R"({"Null": {"aws:MultiFactorAuthAge": "false"}})")), "[[0, null]]");
}

TEST(MfaReach, NumericLessThanBoundsTheWindow) {
  EXPECT_EQ(story(reach_of("Allow", R"({"NumericLessThan": {"aws:MultiFactorAuthAge": "600"}})")), "[[0, 599]]");
  EXPECT_EQ(story(reach_of("Allow", R"({"NumericLessThanEquals": {"aws:MultiFactorAuthAge": 600}})")), "[[0, 600]]");
  EXPECT_EQ(story(reach_of("Allow", R"({"NumericLessThan": {"aws:MultiFactorAuthAge": "600.5"}})")), "[[0, 600]]");
}

TEST(MfaReach, BoolPresentTrue) {
  EXPECT_EQ(story(reach_of("Allow", R"({"Bool": {"aws:MultiFactorAuthPresent": "true"}})")), "[[0, null]]");
  EXPECT_EQ(story(reach_of("Allow", R"({"Bool": {"aws:MultiFactorAuthPresent": true}})")), "[[0, null]]");
}

TEST(MfaReach, IfExistsOnAnAllowLetsKeylessRequestsThrough) {
  EXPECT_EQ(story(reach_of("Allow", R"({"NumericLessThanIfExists": {"aws:MultiFactorAuthAge": "600"}})")),
            "LT NoMFA [[0, 599]]");
  EXPECT_EQ(story(reach_of("Allow", R"({"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}})")), "LT [[0, null]]");
}

TEST(MfaReach, DenyOnPresentFalseWithoutIfExistsMissesLongTermKeys) {
  EXPECT_EQ(story(reach_of("Deny", R"({"Bool": {"aws:MultiFactorAuthPresent": "false"}})")), "NoMFA []");
  EXPECT_EQ(story(reach_of("Deny", R"({"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}})")), "LT NoMFA []");
}

TEST(MfaReach, InvertedConditions) {
  EXPECT_EQ(story(reach_of("Allow", R"({"Null": {"aws:MultiFactorAuthAge": "true"}})")), "LT NoMFA []");
  EXPECT_EQ(story(reach_of("Allow", R"({"NumericGreaterThan": {"aws:MultiFactorAuthAge": "3600"}})")), "[[3601, null]]");
}

TEST(MfaReach, NegatedOperatorsAreTrueOnAbsentKeys) {
  EXPECT_EQ(story(reach_of("Allow", R"({"NumericNotEquals": {"aws:MultiFactorAuthAge": ["0", "5"]}})")),
            "LT NoMFA [[1, 4], [6, null]]");
  EXPECT_EQ(story(reach_of("Allow", R"({"StringNotEquals": {"aws:MultiFactorAuthPresent": "true"}})")), "LT NoMFA []");
}

TEST(MfaReach, ContradictoryAgesMeetNoRequest) {
  auto reach = reach_of("Allow", R"({"NumericLessThan": {"aws:MultiFactorAuthAge": "300"},
                                     "NumericGreaterThan": {"aws:MultiFactorAuthAge": "600"}})");
  EXPECT_FALSE(reach.any());
  EXPECT_FALSE(reach_of("Allow", R"({"NumericLessThan": {"aws:MultiFactorAuthAge": "0"}})").any());
}

TEST(MfaReach, StringOperatorOnTheAgeComparesItsText) {
  EXPECT_EQ(story(reach_of("Allow", R"({"StringLike": {"aws:MultiFactorAuthAge": "1?"}})")), "[[10, 19]]");
}

TEST(MfaReach, KeyNamesAreCaseInsensitive) {
  EXPECT_EQ(story(reach_of("Allow", R"({"Null": {"AWS:multifactorauthage": "false"}})")), "[[0, null]]");
}

TEST(MfaReach, OtherKeysAreAssumedSatisfiableForAllowAndEscapableForDeny) {
  auto allow = reach_of("Allow", R"({"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}})");
  EXPECT_EQ(story(allow), "LT NoMFA [[0, null]]");
  EXPECT_EQ(allow.assumed_keys, std::vector<std::string>{"aws:SourceIp"});
  auto deny = reach_of("Deny", R"({"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"},
                                  "StringEquals": {"aws:RequestedRegion": "eu-west-1"}})");
  EXPECT_FALSE(deny.any());
  EXPECT_EQ(deny.assumed_keys, std::vector<std::string>{"aws:RequestedRegion"});
}

TEST(MfaReach, FixedKeysAreEvaluated) {
  Assumptions assumptions;
  assumptions.fixed["aws:requestedregion"] = {"eu-west-1"};
  auto file = testing::load(testing::policy_with(R"({"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {
      "BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}, "StringEquals": {"aws:RequestedRegion": "eu-west-1"}}})"));
  const auto& statement = file.policies[0].statements[0];
  auto deny = condition_reach(statement, model::Effect::Deny, assumptions);
  EXPECT_EQ(story(deny), "LT NoMFA []");
  EXPECT_TRUE(deny.assumed_keys.empty());
  assumptions.fixed["aws:requestedregion"] = {"us-east-1"};  // a request there escapes the Deny
  EXPECT_FALSE(condition_reach(statement, model::Effect::Deny, assumptions).any());
}

// Each answer is remembered by the thread that asked: asked again, the same answers.
TEST(MisspelledMfaKey, UpToThreeEditsFromAnMfaKeyName) {
  for (int asked = 0; asked < 2; ++asked) {
    EXPECT_EQ(misspelled_mfa_key("aws:MultiFactorAuthAgee"), "aws:MultiFactorAuthAge");
    EXPECT_EQ(misspelled_mfa_key("aws:multifactor_auth_presnt"), "aws:MultiFactorAuthPresent");
    EXPECT_EQ(misspelled_mfa_key("aws:MultiFactrAthAg"), "aws:MultiFactorAuthAge");  // three letters missing
    EXPECT_EQ(misspelled_mfa_key("aws:MultiFoctarAuthOgo"), "");                     // four letters changed
    EXPECT_EQ(misspelled_mfa_key("aws:MultiFactorAuthAge"), "");                     // the key itself
    EXPECT_EQ(misspelled_mfa_key("aws:SourceArn"), "");
    EXPECT_EQ(misspelled_mfa_key("aws:MfaAge"), "aws:MultiFactorAuthAge");           // an abbreviation
  }
}

}  // namespace
}  // namespace mfalint::analysis
