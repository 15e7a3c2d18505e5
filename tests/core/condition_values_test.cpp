// IAM015 condition value of the wrong type for its operator.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

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
  return rules_of(file.findings);
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

TEST(ConditionValues, IAM015Binary) {
  EXPECT_THAT(rules_for("BinaryEquals", R"("not base64!")"), ElementsAre("IAM015"));
  EXPECT_THAT(rules_for("BinaryEquals", R"("QmluYXJ5VmFsdWU=")"), IsEmpty());
}

TEST(ConditionValues, PolicyVariablesAreNotJudged) {
  EXPECT_THAT(rules_for("NumericLessThan", R"("${aws:PrincipalTag/limit}")"), IsEmpty());
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
