// IAM016 policy over its IAM size quota.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using testing::load;
using testing::rules_of;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A policy of exactly `characters` characters once white space is removed.
std::string policy_of_size(size_t characters) {
  std::string head = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":")";
  std::string tail = R"("}]})";
  std::string bucket = "arn:aws:s3:::bucket/";
  std::string resource = bucket + std::string(characters - head.size() - tail.size() - bucket.size(), 'x');
  return head + resource + tail;
}

TEST(PolicySize, IAM016ManagedQuotaCountsCharactersWithoutWhiteSpace) {
  EXPECT_THAT(rules_of(load(policy_of_size(6144)).findings), IsEmpty());
  auto over = load(policy_of_size(6145));
  ASSERT_THAT(rules_of(over.findings), ElementsAre("IAM016"));
  EXPECT_EQ(over.findings[0].severity, Severity::Warning);
  std::string spaced = policy_of_size(6144);
  spaced.insert(1, std::string(5000, ' '));
  EXPECT_THAT(rules_of(load(spaced).findings), IsEmpty());
}

TEST(PolicySize, IAM016InlineUserQuota) {
  std::string inline_policy = R"({"UserName": "alice", "PolicyName": "p", "PolicyDocument": )" + policy_of_size(2049) + "}";
  auto file = load(inline_policy);
  ASSERT_THAT(rules_of(file.findings), ElementsAre("IAM016"));
  EXPECT_NE(file.findings[0].message.find("2048"), std::string::npos);
}

TEST(PolicySize, IAM016QuotaOfEachPolicyType) {
  using model::PolicyKind;
  auto code = [](PolicyKind kind, size_t size, const std::string& resource_type = "") {
    auto codes = testing::codes_of(testing::load_as(kind, policy_of_size(size), resource_type).findings, "IAM016");
    return codes.empty() ? std::string("none") : codes[0];
  };
  EXPECT_EQ(code(PolicyKind::Trust, 2048), "none");
  EXPECT_EQ(code(PolicyKind::Trust, 2049), "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA");
  EXPECT_EQ(code(PolicyKind::ServiceControl, 10240), "none");
  EXPECT_EQ(code(PolicyKind::ServiceControl, 10241), "POLICY_SIZE_EXCEEDS_SCP_QUOTA");
  EXPECT_EQ(code(PolicyKind::Resource, 8192, "AWS::SQS::Queue"), "none");
  EXPECT_EQ(code(PolicyKind::Resource, 8193, "AWS::SQS::Queue"), "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA");
  EXPECT_EQ(code(PolicyKind::Resource, 20481, "AWS::S3::Bucket"), "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA");
  EXPECT_EQ(code(PolicyKind::Resource, 32768, "AWS::KMS::Key"), "none");
  EXPECT_EQ(code(PolicyKind::Resource, 40000), "none") << "a resource policy of unknown attachment";
  EXPECT_EQ(code(PolicyKind::Identity, 6145), "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA");
  auto scp = testing::load_as(PolicyKind::ServiceControl, policy_of_size(10241));
  EXPECT_EQ(testing::with_rule(scp.findings, "IAM016")[0].severity, Severity::Error);
}

}  // namespace
}  // namespace mfalint
