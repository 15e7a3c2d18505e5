// IAM013 unknown condition operator, IAM014 IfExists on Null.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using testing::load;
using testing::policy_with_condition;
using testing::rules_of;
using ::testing::ElementsAre;
using ::testing::IsEmpty;


TEST(ConditionOperators, IAM013UnknownOperator) {
  auto file = load(policy_with_condition(R"({"NumericLessThen": {"aws:MultiFactorAuthAge": "600"}})", "s3:*"));
  ASSERT_THAT(rules_of(file.findings), ElementsAre("IAM013"));
  EXPECT_NE(file.findings[0].message.find("NumericLessThen"), std::string::npos);
}

TEST(ConditionOperators, IAM013OperatorsAreCaseSensitive) {
  EXPECT_THAT(rules_of(load(policy_with_condition(R"({"bool": {"aws:SecureTransport": "true"}})", "s3:*")).findings),
              ElementsAre("IAM013"));
}

TEST(ConditionOperators, IAM014NullIfExists) {
  auto file = load(policy_with_condition(R"({"NullIfExists": {"aws:MultiFactorAuthAge": "false"}})", "s3:*"));
  ASSERT_THAT(rules_of(file.findings), ElementsAre("IAM014"));
  EXPECT_EQ(file.findings[0].fix, "\"Null\"");
}

TEST(ConditionOperators, EveryKnownOperatorWithQualifiersIsAccepted) {
  auto file = load(policy_with_condition(R"({
      "StringEqualsIgnoreCaseIfExists": {"aws:username": "a"}, "StringNotLike": {"aws:username": "a*"},
      "ForAllValues:StringEquals": {"aws:TagKeys": ["a"]}, "ForAnyValue:ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:*"},
      "NumericGreaterThanEquals": {"s3:max-keys": "1"}, "DateLessThanEquals": {"aws:CurrentTime": "2030-01-01"},
      "BoolIfExists": {"aws:SecureTransport": "false"}, "BinaryEquals": {"aws:username": "QmluYXJ5"},
      "NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}, "ArnNotEquals": {"aws:SourceArn": "arn:aws:s3:::x"},
      "Null": {"aws:MultiFactorAuthAge": "false"}})", "s3:*"));
  auto operator_findings = testing::with_rule(file.findings, "IAM013");
  EXPECT_THAT(rules_of(operator_findings), IsEmpty());
  EXPECT_THAT(rules_of(testing::with_rule(file.findings, "IAM014")), IsEmpty());
}

}  // namespace
}  // namespace mfalint
