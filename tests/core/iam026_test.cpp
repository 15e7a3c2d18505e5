// IAM026: Allow with NotPrincipal in a resource policy.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using model::PolicyKind;
using testing::codes_of;
using testing::load_as;
using testing::policy_with;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> codes(PolicyKind kind, const std::string& effect) {
  return codes_of(load_as(kind, policy_with(R"({"Effect": ")" + effect +
                                            R"(", "NotPrincipal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"})"))
                      .findings,
                  "IAM026");
}

TEST(Iam026, AllowWithNotPrincipal) { EXPECT_THAT(codes(PolicyKind::Resource, "Allow"), ElementsAre("ALLOW_WITH_NOT_PRINCIPAL")); }

TEST(Iam026, DenyWithNotPrincipalIsRight) { EXPECT_THAT(codes(PolicyKind::Resource, "Deny"), IsEmpty()); }

TEST(Iam026, TrustPoliciesRefuseNotPrincipalThemselves) { EXPECT_THAT(codes(PolicyKind::Trust, "Allow"), IsEmpty()); }

}  // namespace
}  // namespace mfalint
