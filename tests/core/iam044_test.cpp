// IAM044: an RCP Deny on the organization's principals or sources without its companion conditions.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> codes(const std::string& condition, model::PolicyKind kind = model::PolicyKind::ResourceControl) {
  auto file = testing::load_as(kind, testing::policy_with(R"({"Effect": "Deny", "Principal": "*", "Action": "s3:*",
                                                               "Resource": "*", "Condition": )" + condition + "}"));
  return testing::codes_of(file.findings, "IAM044");
}

TEST(Iam044, PrincipalKeysNeedPrincipalIsAwsServiceFalse) {
  EXPECT_THAT(codes(R"({"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})"),
              ElementsAre("RCP_MISSING_RELATED_PRINCIPAL_CONDITION_KEY"));
  EXPECT_THAT(codes(R"({"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"},
                        "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}})"),
              IsEmpty());
}

TEST(Iam044, SourceKeysNeedPrincipalIsAwsServiceTrueAndANullCheck) {
  EXPECT_THAT(codes(R"({"StringNotEqualsIfExists": {"aws:SourceOrgID": "o-a1b2c3d4e5"}})"),
              ElementsAre("RCP_MISSING_RELATED_SERVICE_PRINCIPAL_CONDITION_KEY",
                          "RCP_MISSING_SERVICE_CONDITION_KEY_NULL_CHECK"));
  EXPECT_THAT(codes(R"({"StringNotEqualsIfExists": {"aws:SourceOrgID": "o-a1b2c3d4e5"},
                        "Bool": {"aws:PrincipalIsAWSService": "true"},
                        "Null": {"aws:SourceAccount": "false"}})"),
              IsEmpty());
}

TEST(Iam044, OnlyResourceControlPolicies) {
  EXPECT_THAT(codes(R"({"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})", model::PolicyKind::Resource),
              IsEmpty());
}

}  // namespace
}  // namespace mfalint
