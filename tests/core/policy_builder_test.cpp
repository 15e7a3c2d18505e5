// Shape rules found while building the model: IAM002, IAM006, IAM009, IAM010, IAM012, IAM017.
#include "catalog/catalog.h"
#include "model/policy.h"
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using testing::load;
using testing::policy_with;
using testing::rules_of;
using testing::with_rule;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const char* kGood = R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})";

TEST(PolicyBuilder, AValidPolicyHasNoFindings) {
  auto file = load(policy_with(kGood));
  EXPECT_THAT(rules_of(file.findings), IsEmpty());
  ASSERT_EQ(file.policies.size(), 1u);
  const auto& st = file.policies[0].statements[0];
  EXPECT_EQ(st.effect, model::Effect::Allow);
  EXPECT_FALSE(st.action->is_array);
  EXPECT_EQ(st.action->items[0].value, "s3:GetObject");
  EXPECT_EQ(st.action->items[0].loc.line, 1u);
}

// The builder looks each Action and NotAction entry up once, for the checks and the analysis;
// a list made without it is looked up when asked. Every action's id fits below kNotAnAction.
TEST(PolicyBuilder, ActionEntriesAreLookedUpOnce) {
  auto file = load(R"({"Version": "2012-10-17", "Statement": [
      {"Effect": "Allow", "Action": ["s3:getobject", "s3:Get*", "s3:NoSuchAction", "*"], "Resource": "*"},
      {"Effect": "Deny", "NotAction": "iam:CreateUser", "Resource": "*"}]})");
  ASSERT_EQ(file.policies.size(), 1u);
  const model::TextList& action = *file.policies[0].statements[0].action;
  ASSERT_EQ(action.action_ids.size(), 4u);
  EXPECT_EQ(model::named_action(action, 0), catalog::find_action("s3:GetObject"));
  EXPECT_EQ(model::named_action(action, 1), std::nullopt);
  EXPECT_EQ(model::named_action(action, 2), std::nullopt);
  EXPECT_EQ(model::named_action(action, 3), std::nullopt);
  const model::TextList& not_action = *file.policies[0].statements[1].not_action;
  EXPECT_EQ(model::named_action(not_action, 0), catalog::find_action("iam:CreateUser"));
  EXPECT_TRUE(file.policies[0].statements[0].resource->action_ids.empty());

  model::TextList by_hand;
  by_hand.items = {model::Text{"iam:createuser", {}}, model::Text{"iam:Create*", {}}};
  EXPECT_EQ(model::named_action(by_hand, 0), catalog::find_action("iam:CreateUser"));
  EXPECT_EQ(model::named_action(by_hand, 1), std::nullopt);
  EXPECT_LT(catalog::action_count(), model::kNotAnAction);
}

TEST(PolicyBuilder, StatementMayBeAnObject) {
  auto file = load(std::string(R"({"Version": "2012-10-17", "Statement": )") + kGood + "}");
  EXPECT_THAT(rules_of(file.findings), IsEmpty());
  EXPECT_FALSE(file.policies[0].statement_is_array);
  EXPECT_EQ(file.policies[0].statements.size(), 1u);
}

TEST(PolicyBuilder, ConditionOperatorsAreParsedApart) {
  auto file = load(policy_with(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {
      "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["a*", "b"]}, "NumericLessThan": {"aws:MultiFactorAuthAge": 600}}})"));
  EXPECT_THAT(rules_of(file.findings), IsEmpty());
  const auto& conditions = file.policies[0].statements[0].conditions;
  ASSERT_EQ(conditions.size(), 2u);
  EXPECT_EQ(conditions[0].qualifier, model::SetQualifier::ForAnyValue);
  EXPECT_TRUE(conditions[0].if_exists);
  EXPECT_EQ(conditions[0].op, model::ConditionOp::StringLike);
  EXPECT_EQ(conditions[0].op_text.value, "ForAnyValue:StringLikeIfExists");
  EXPECT_TRUE(conditions[0].entries[0].is_array);
  EXPECT_EQ(conditions[1].entries[0].values[0].kind, model::ValueKind::Number);
  EXPECT_EQ(conditions[1].entries[0].values[0].text, "600");
}

TEST(PolicyBuilder, IAM002NotAnObject) {
  EXPECT_THAT(rules_of(load("[1, 2]").findings), ElementsAre("IAM002"));
}

TEST(PolicyBuilder, IAM002NoStatement) {
  EXPECT_THAT(rules_of(load(R"({"Version": "2012-10-17"})").findings), ElementsAre("IAM002"));
}

TEST(PolicyBuilder, IAM006InvalidOrMissingEffect) {
  auto file = load(policy_with(R"({"Effect": "allow", "Action": "s3:*", "Resource": "*"},
                                   {"Action": "s3:*", "Resource": "*"})"));
  auto found = with_rule(file.findings, "IAM006");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(*found[0].statement, 0u);
  EXPECT_EQ(*found[1].statement, 1u);
  EXPECT_FALSE(file.policies[0].statements[0].effect.has_value());
}

TEST(PolicyBuilder, IAM009UnknownElementsSuggestTheRightCase) {
  auto file = load(R"({"Version": "2012-10-17", "Extra": 1, "Statement": [
      {"effect": "Allow", "Action": "s3:*", "Resource": "*", "Effect": "Allow"}]})");
  auto found = with_rule(file.findings, "IAM009");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_NE(found[1].message.find("did you mean \"Effect\""), std::string::npos);
  EXPECT_EQ(found[1].loc.line, 2u);
  EXPECT_EQ(found[1].loc.column, 8u);
}

TEST(PolicyBuilder, IAM009UnknownPrincipalType) {
  auto file = load(policy_with(R"({"Effect": "Allow", "Principal": {"Aws": "*"}, "Action": "s3:*", "Resource": "*"})"));
  EXPECT_THAT(rules_of(file.findings), ElementsAre("IAM009"));
}

TEST(PolicyBuilder, IAM010EmptyArrays) {
  auto file = load(policy_with(R"({"Effect": "Allow", "Action": [], "Resource": "*",
                                   "Condition": {"StringEquals": {"aws:username": []}}})"));
  EXPECT_EQ(with_rule(file.findings, "IAM010").size(), 2u);
  EXPECT_THAT(rules_of(load(R"({"Version": "2012-10-17", "Statement": []})").findings), ElementsAre("IAM010"));
}

TEST(PolicyBuilder, IAM012DuplicateConditionKeyIsAnError) {
  auto file = load("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\",\n"
                   "\"Resource\": \"*\", \"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}},\n"
                   "\"Condition\": {}}]}");
  auto found = with_rule(file.findings, "IAM012");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::Error);
  EXPECT_EQ(found[0].loc.line, 3u);
  EXPECT_EQ(found[0].loc.column, 1u);
  EXPECT_NE(found[0].message.find("first at line 2"), std::string::npos);
}

TEST(PolicyBuilder, IAM012DuplicateKeysAnywhereInThePolicy) {
  auto file = load(policy_with(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*",
      "Condition": {"StringEquals": {"aws:username": "a", "aws:username": "b"}}})"));
  EXPECT_THAT(rules_of(file.findings), ElementsAre("IAM012"));
}

TEST(PolicyBuilder, IAM017WrongTypes) {
  auto file = load(policy_with(R"({"Effect": "Allow", "Action": 42, "Resource": "*", "Condition": "x"}, "oops")"));
  EXPECT_EQ(with_rule(file.findings, "IAM017").size(), 3u);
  auto principal = load(policy_with(R"({"Effect": "Allow", "Principal": "arn:aws:iam::1:root", "Action": "s3:*", "Resource": "*"})"));
  EXPECT_THAT(rules_of(principal.findings), ElementsAre("IAM017"));
}

TEST(PolicyBuilder, GuessesTrustAndResourcePolicies) {
  auto trust = load(policy_with(R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"})"));
  EXPECT_EQ(trust.policies[0].kind, model::PolicyKind::Trust);
  EXPECT_THAT(rules_of(trust.findings), ElementsAre("MFA010"));  // no Resource needed, but MFA is
  auto bucket = load(policy_with(R"({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})"));
  EXPECT_EQ(bucket.policies[0].kind, model::PolicyKind::Resource);
}

}  // namespace
}  // namespace mfalint
