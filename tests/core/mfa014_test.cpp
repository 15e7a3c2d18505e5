// MFA014: failing and passing fixtures, on SCPs as describe-policy output gives them.
#include "input/organization_policy.h"
#include "pipeline/checked_load.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

namespace mfalint {
namespace {

size_t count(const std::string& condition, model::PolicyKind kind = model::PolicyKind::ServiceControl) {
  std::string scp = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "iam:EnableMFADevice", "Resource": "*", "Condition": )" + condition + "}]}";
  auto file = input::read_organization_policies("scp.json", scp, kind);
  pipeline::run_checks(file);
  return testing::with_rule(file.findings, "MFA014").size();
}

TEST(MFA014, IfExistsGuardWithoutException) { EXPECT_EQ(count(R"({"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}})"), 1u); }
TEST(MFA014, ServiceRoleExceptionIsRight) { EXPECT_EQ(count(R"({"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}, "ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/service-role/*"}})"), 0u); }
TEST(MFA014, BoolGuardDoesNotDenyServicesButMFA002Says) { EXPECT_EQ(count(R"({"Bool": {"aws:MultiFactorAuthPresent": "false"}})"), 0u); }
TEST(MFA014, OnlySCPs) { EXPECT_EQ(count(R"({"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}})", model::PolicyKind::ResourceControl), 0u); }

}  // namespace
}  // namespace mfalint
