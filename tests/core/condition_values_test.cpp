// IAM015 condition value of the wrong type for its operator.
#include "catalog/text.h"
#include "eval/compare.h"
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <set>

namespace mfalint {
namespace {

using testing::load;
using testing::policy_with;
using testing::rules_of;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> rules_for(const std::string& op, const std::string& value) {
  auto file = load(policy_with(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {")" + op +
                               R"(": {"aws:username": )" + value + "}}}"));
  return rules_of(testing::with_rule(file.findings, "IAM015"));  // other rules judge aws:username's type
}

TEST(ConditionValues, IAM015Numeric) {
  EXPECT_THAT(rules_for("NumericLessThan", R"("1h")"), ElementsAre("IAM015"));
  EXPECT_THAT(rules_for("NumericLessThan", R"(true)"), ElementsAre("IAM015"));
  EXPECT_THAT(rules_for("NumericLessThan", R"(["600", 3600, "1.5", "-2"])"), IsEmpty());
}

TEST(ConditionValues, IAM015BoolAndNull) {
  EXPECT_THAT(rules_for("Bool", R"("yes")"), ElementsAre("IAM015"));
  EXPECT_THAT(rules_for("Null", R"("1")"), ElementsAre("IAM015"));
  EXPECT_THAT(rules_for("Bool", R"(["true", false, "FALSE"])"), IsEmpty());
}

TEST(ConditionValues, IAM015Date) {
  EXPECT_THAT(rules_for("DateGreaterThan", R"("2026-13-01")"), ElementsAre("IAM015"));
  EXPECT_THAT(rules_for("DateGreaterThan", R"("yesterday")"), ElementsAre("IAM015"));
  EXPECT_THAT(rules_for("DateGreaterThan", R"(["2026-11-29", "2026-11-29T10:00:00Z", "2026-11-29T10:00Z",
                                               "2026-11-29T10:00:00.123+02:00", "1764410000"])"),
              IsEmpty());
}

TEST(ConditionValues, IAM015IpAddress) {
  EXPECT_THAT(rules_for("IpAddress", R"("10.0.0.256/8")"), ElementsAre("IAM015"));
  EXPECT_THAT(rules_for("IpAddress", R"("10.0.0.0/33")"), ElementsAre("IAM015"));
  EXPECT_THAT(rules_for("NotIpAddress", R"("2001:db8::/129")"), ElementsAre("IAM015"));
  EXPECT_THAT(rules_for("IpAddress", R"(["203.0.113.0/24", "203.0.113.7", "2001:DB8:1234:5678::/64", "::1", "::ffff:10.0.0.1"])"),
              IsEmpty());
}

// BinaryEquals compares the base-64 texts: the evaluator reads any text, so IAM015 says nothing.
TEST(ConditionValues, IAM015Binary) {
  EXPECT_THAT(rules_for("BinaryEquals", R"("not base64!")"), IsEmpty());
  EXPECT_THAT(rules_for("BinaryEquals", R"("QmluYXJ5VmFsdWU=")"), IsEmpty());
}

TEST(ConditionValues, IAM015Arn) {
  EXPECT_THAT(rules_for("ArnLike", R"("arn:*")"), ElementsAre("IAM015"));
  EXPECT_THAT(rules_for("ArnNotEquals", R"("not-an-arn")"), ElementsAre("IAM015"));
  EXPECT_THAT(rules_for("ArnLike", R"(["arn:aws:iam::*:user/*", "arn:aws:s3:::b"])"), IsEmpty());
}

// Bool substitutes policy variables at request time; Numeric, Date and IpAddress never do, so a
// variable there is a value of the wrong type (AWS: "You can not use a policy variable with the
// Numeric condition operator").
TEST(ConditionValues, PolicyVariablesAreJudgedWhereTheyAreNotSubstituted) {
  EXPECT_THAT(rules_for("Bool", R"("${aws:PrincipalTag/flag}")"), IsEmpty());
  EXPECT_THAT(rules_for("NumericLessThan", R"("${aws:PrincipalTag/limit}")"), ElementsAre("IAM015"));
  EXPECT_THAT(rules_for("StringEquals", R"("${aws:username}")"), IsEmpty());
}

// IAM015 fires exactly when the evaluator finds the value of the wrong type: over the values the
// two once disagreed on and thousands generated from the characters these types are written
// with, for every operator family, in both directions.
TEST(ConditionValues, IAM015FiresExactlyWhereTheEvaluatorCannotReadTheValue) {
  std::vector<std::string> values = {"+5", "5.", "2001-02-29", "2020-01-01T25:00Z", "203.0.113.07", "10.0.0.0/032", "1970-02",
                                     "5", "-5", "0.5", ".5", "1e3", "2020-02-29", "2020-01-01T23:59Z", "203.0.113.7",
                                     "10.0.0.0/32", "10.0.0.0/33", "::1", "2001:db8::/129", "1970", "true", "FALSE", "yes", "",
                                     "arn:aws:s3:::b", "arn:*", "2024-06-01T12:00:00+02:00", "2024-06-01T12:00:00.5Z"};
  std::mt19937 random(15);
  const std::string alphabet = "0123456789-+.:/TZtruefalsT";
  for (int i = 0; i < 3000; ++i) {
    std::string v;
    for (size_t n = random() % 14; n > 0; --n) v.push_back(alphabet[random() % alphabet.size()]);
    values.push_back(v);
  }
  // A request value each family reads, so that Invalid can come only from the policy value.
  const std::vector<std::pair<std::string, std::string>> operators = {
      {"NumericLessThan", "5"}, {"DateGreaterThan", "2020-01-01T00:00:00Z"}, {"IpAddress", "203.0.113.7"},
      {"NotIpAddress", "2001:db8::1"}, {"Bool", "true"}, {"Null", ""}, {"ArnLike", "arn:aws:s3:::b"},
      {"StringEquals", "x"}, {"BinaryEquals", "QUJD"}};
  for (const auto& [op, request_value] : operators) {
    std::string list;
    for (const auto& v : values) list += (list.empty() ? "" : ", ") + ("\"" + v + "\"");
    auto file = load(policy_with(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {")" + op +
                                 R"(": {"aws:username": [)" + list + "]}}}"));
    ASSERT_FALSE(file.error) << op;
    std::set<size_t> flagged;  // offsets of the values IAM015 points at
    for (const auto& finding : file.findings) {
      if (finding.rule == "IAM015") flagged.insert(finding.loc.offset);
    }
    const auto& entry = file.policies.at(0).statements.at(0).conditions.at(0).entries.at(0);
    ASSERT_EQ(entry.values.size(), values.size());
    model::ConditionOp parsed = file.policies[0].statements[0].conditions[0].op;
    eval::Scope scope;
    for (const auto& value : entry.values) {
      bool unreadable = parsed == model::ConditionOp::Null
                            ? !catalog::equals_lower(value.text, "true") && !catalog::equals_lower(value.text, "false")
                            : eval::compare_value(eval::positive_form(parsed), request_value, value.text, scope) ==
                                  eval::Match::Invalid;
      EXPECT_EQ(flagged.count(value.loc.offset) == 1, unreadable) << op << " \"" << value.text << "\"";
    }
  }
}

TEST(ConditionValues, IAM015PointsAtTheValue) {
  auto file = load(policy_with("{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\",\n \"Condition\": "
                               "{\"NumericGreaterThan\": {\"aws:MultiFactorAuthAge\": [\"3600\", \"1h\"]}}}"));
  auto found = testing::with_rule(file.findings, "IAM015");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].loc.line, 2u);
  EXPECT_EQ(found[0].loc.column, 74u);
}

}  // namespace
}  // namespace mfalint
