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
  std::string resource(characters - head.size() - tail.size(), 'x');
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

}  // namespace
}  // namespace mfalint
