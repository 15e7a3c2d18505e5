// IAM031 set qualifier missing or misused.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using testing::codes_of;
using testing::load;
using testing::policy_with_condition;
using ::testing::ElementsAre;
using ::testing::IsEmpty;


TEST(Iam031, MultivaluedKeyWithoutQualifierIsMissingQualifier) {
  auto file = load(policy_with_condition(R"({"StringEquals": {"aws:TagKeys": ["team", "env"]}})", "ec2:CreateTags"));
  EXPECT_THAT(codes_of(file.findings, "IAM031"), ElementsAre("MISSING_QUALIFIER"));
}

TEST(Iam031, MultivaluedKeyWithQualifierOrNullIsSilent) {
  auto file = load(policy_with_condition(R"({"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]},
                                      "ForAnyValue:StringLike": {"aws:TagKeys": "t*"},
                                      "Null": {"aws:TagKeys": "false"}})", "ec2:CreateTags"));
  EXPECT_THAT(codes_of(file.findings, "IAM031"), IsEmpty());
}

TEST(Iam031, ForAllValuesOnSingleValuedKey) {
  auto file = load(policy_with_condition(R"({"ForAllValues:StringEquals": {"aws:RequestedRegion": "eu-west-1"}})", "ec2:CreateTags"));
  EXPECT_THAT(codes_of(file.findings, "IAM031"), ElementsAre("FORALLVALUES_WITH_SINGLE_VALUED_KEY"));
  auto findings = testing::with_rule(file.findings, "IAM031");
  EXPECT_EQ(findings[0].severity, Severity::Error);
  EXPECT_EQ(findings[0].fix, "\"StringEquals\"");
}

// A single-valued key without a qualifier, and an unknown key (IAM102's), are left alone.
TEST(Iam031, SingleValuedKeyWithoutQualifierIsSilent) {
  auto file = load(policy_with_condition(R"({"StringEquals": {"aws:RequestedRegion": "eu-west-1"},
                                      "ForAllValues:StringEquals": {"aws:NoSuchKey": "x"}})", "ec2:CreateTags"));
  EXPECT_THAT(codes_of(file.findings, "IAM031"), IsEmpty());
}

TEST(Iam031, NullWithQualifierIsANote) {
  auto file = load(policy_with_condition(R"({"ForAnyValue:Null": {"aws:TagKeys": "true"}})", "ec2:CreateTags"));
  EXPECT_THAT(codes_of(file.findings, "IAM031"), ElementsAre("NULL_WITH_QUALIFIER"));
  EXPECT_EQ(testing::with_rule(file.findings, "IAM031")[0].severity, Severity::Note);
}

}  // namespace
}  // namespace mfalint
