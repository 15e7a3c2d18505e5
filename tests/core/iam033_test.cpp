// IAM033 condition keys that differ only in case.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using testing::codes_of;
using testing::load;
using testing::policy_with;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Iam033, SameKeyWithDifferentCaseInOneBlock) {
  auto file = load(policy_with(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
    "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-12345678", "aws:sourcevpce": "vpce-87654321"}}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM033"), ElementsAre("DUPLICATE_KEYS_WITH_DIFFERENT_CASE"));
}

// The same key under two operators is two conditions, both applied.
TEST(Iam033, SameKeyInDifferentBlocksIsSilent) {
  auto file = load(policy_with(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
    "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-12345678"},
                  "StringNotEquals": {"aws:sourcevpce": "vpce-87654321"}}})"));
  EXPECT_THAT(codes_of(file.findings, "IAM033"), IsEmpty());
}

}  // namespace
}  // namespace mfalint
