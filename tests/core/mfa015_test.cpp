// MFA015: failing and passing fixtures, on SCPs.
#include "input/organization_policy.h"
#include "pipeline/checked_load.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

namespace mfalint {
namespace {

size_t count(const std::string& patterns) {
  std::string scp = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "iam:EnableMFADevice", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}, "ArnNotLike": {"aws:PrincipalArn": )" + patterns + "}}}]}";
  auto file = input::read_organization_policies("scp.json", scp, model::PolicyKind::ServiceControl);
  pipeline::run_checks(file);
  return testing::with_rule(file.findings, "MFA015").size();
}

TEST(MFA015, AnyRole) { EXPECT_EQ(count(R"(["arn:aws:iam::*:role/*"])"), 1u); }
TEST(MFA015, AnyPrincipalAndNamePrefixWildcard) { EXPECT_EQ(count(R"(["*", "arn:aws:iam::*:role/*-lambda"])"), 2u); }
TEST(MFA015, ServiceRolePathsAreRight) { EXPECT_EQ(count(R"(["arn:aws:iam::*:role/service-role/*", "arn:aws:iam::*:role/aws-service-role/*"])"), 0u); }
TEST(MFA015, NamedRoleIsRight) { EXPECT_EQ(count(R"("arn:aws:iam::111122223333:role/ci-deploy")"), 0u); }

}  // namespace
}  // namespace mfalint
