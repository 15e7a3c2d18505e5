// IAM029: RCP grammar Organizations refuses.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace mfalint {
namespace {

using model::PolicyKind;
using testing::codes_of;
using testing::load_as;
using testing::policy_with;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> codes(const std::string& statement, PolicyKind kind = PolicyKind::ResourceControl) {
  return codes_of(load_as(kind, policy_with(statement)).findings, "IAM029");
}

TEST(Iam029, NotAction) {
  EXPECT_THAT(codes(R"({"Effect": "Deny", "Principal": "*", "NotAction": "s3:GetObject", "Resource": "*"})"),
              ElementsAre("RCP_SYNTAX_ERROR_NOTACTION"));
}

TEST(Iam029, AllowThatIsNotFullAccess) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "arn:aws:s3:::reports/*"})"),
              ElementsAre("RCP_SYNTAX_ERROR_ALLOW"));
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}})"),
              ElementsAre("RCP_SYNTAX_ERROR_ALLOW"));
}

TEST(Iam029, FullAccessAndDenyStatementsAreRight) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"},
                       {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::reports/*", "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}})"),
              IsEmpty());
}

TEST(Iam029, ScpsTakeTheFullGrammar) {
  EXPECT_THAT(codes(R"({"Effect": "Allow", "NotAction": "iam:*Role", "Resource": "arn:aws:s3:::reports/*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}})", PolicyKind::ServiceControl),
              IsEmpty());
}

std::string rcp_of_size(size_t statements) {
  std::string body = R"({"Version": "2012-10-17", "Statement": [)";
  for (size_t i = 0; i < statements; ++i) {
    if (i) body += ",";
    body += R"({"Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket-number-)" +
            std::to_string(i) + R"(/*"})";
  }
  return body + "]}";
}

TEST(Iam029, SizeQuota) {
  auto large = load_as(PolicyKind::ResourceControl, rcp_of_size(80));
  ASSERT_GT(large.policies.at(0).size_without_whitespace, 5120u);
  EXPECT_THAT(codes_of(large.findings, "IAM029"), ElementsAre("POLICY_SIZE_EXCEEDS_RCP_QUOTA"));
  auto small = load_as(PolicyKind::ResourceControl, rcp_of_size(20));
  ASSERT_LT(small.policies.at(0).size_without_whitespace, 5120u);
  EXPECT_THAT(codes_of(small.findings, "IAM029"), IsEmpty());
}

}  // namespace
}  // namespace mfalint
