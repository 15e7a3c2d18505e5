// Condition keys: types, templates, namespaces and "did you mean" suggestions.
#include "catalog/catalog.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace mfalint::catalog {
namespace {

TEST(ConditionKeys, GlobalKeysAndTheirTypes) {
  EXPECT_EQ(condition_key_type("aws:MultiFactorAuthAge"), KeyType::Numeric);
  EXPECT_EQ(condition_key_type("aws:MultiFactorAuthPresent"), KeyType::Bool);
  EXPECT_EQ(condition_key_type("aws:SourceIp"), KeyType::IpAddress);
  EXPECT_EQ(condition_key_type("aws:PrincipalArn"), KeyType::Arn);
  EXPECT_EQ(condition_key_type("aws:RequestedRegion"), KeyType::String);
  EXPECT_EQ(condition_key_type("aws:CurrentTime"), KeyType::Date);
  EXPECT_EQ(condition_key_type("aws:TagKeys"), KeyType::ArrayOfString);
  EXPECT_EQ(condition_key_type("AWS:multifactorauthage"), KeyType::Numeric);
}

TEST(ConditionKeys, TemplatedSegmentsMatchAnyName) {
  EXPECT_EQ(condition_key_type("aws:PrincipalTag/team"), KeyType::String);
  EXPECT_EQ(condition_key_type("aws:RequestTag/cost-center"), KeyType::String);
  EXPECT_EQ(condition_key_type("aws:ResourceTag/a/b:c"), KeyType::String);
  EXPECT_EQ(condition_key_type("s3:ExistingObjectTag/classification"), KeyType::String);
  EXPECT_EQ(condition_key_type("kms:EncryptionContext:Department"), KeyType::String);
  EXPECT_FALSE(condition_key_type("aws:PrincipalTag/"));  // the tag key cannot be empty
  EXPECT_FALSE(condition_key_type("aws:PrincipalTag"));
}

TEST(ConditionKeys, ServiceKeys) {
  EXPECT_EQ(condition_key_type("s3:x-amz-acl"), KeyType::String);
  EXPECT_EQ(condition_key_type("S3:X-AMZ-ACL"), KeyType::String);
  EXPECT_EQ(condition_key_type("iam:PassedToService"), KeyType::String);
  EXPECT_EQ(condition_key_type("ec2:Region"), KeyType::String);
  EXPECT_EQ(condition_key_type("saml:aud"), KeyType::String);  // listed under sts
  EXPECT_FALSE(condition_key_type("s3:NoSuchKey"));
  EXPECT_FALSE(condition_key_type("aws:MultiFactorAuthAgee"));
  EXPECT_FALSE(condition_key_type("aws:MFAPresent"));
  EXPECT_FALSE(condition_key_type(""));
}

TEST(ConditionKeys, KnownPrefixes) {
  EXPECT_TRUE(condition_key_prefix_known("aws:Anything"));
  EXPECT_TRUE(condition_key_prefix_known("s3:Anything"));
  EXPECT_TRUE(condition_key_prefix_known("saml:aud"));
  EXPECT_TRUE(condition_key_prefix_known("token.actions.githubusercontent.com:sub"));
  EXPECT_TRUE(condition_key_prefix_known("agent.mydomain.buildkite.dev:aud"));  // a templated prefix
  EXPECT_FALSE(condition_key_prefix_known("nosuchservice:key"));
  EXPECT_FALSE(condition_key_prefix_known("MultiFactorAuthAge"));
}

TEST(ConditionKeys, KeyTypeNamesAreAwsSpelling) {
  EXPECT_EQ(key_type_name(KeyType::Arn), "ARN");
  EXPECT_EQ(key_type_name(KeyType::IpAddress), "IPAddress");
  EXPECT_EQ(key_type_name(KeyType::ArrayOfString), "ArrayOfString");
}

TEST(Nearest, ConditionKeyTyposAndAbbreviations) {
  EXPECT_EQ(nearest_condition_key("aws:MultiFactorAuthAgee"), "aws:MultiFactorAuthAge");
  EXPECT_EQ(nearest_condition_key("aws:MFAPresent"), "aws:MultiFactorAuthPresent");
  EXPECT_EQ(nearest_condition_key("aws:MFAAge"), "aws:MultiFactorAuthAge");
  EXPECT_EQ(nearest_condition_key("aws:RequestRegion"), "aws:RequestedRegion");
  EXPECT_EQ(nearest_condition_key("aws:SourceIPs"), "aws:SourceIp");
  EXPECT_EQ(nearest_condition_key("s3:MultiFactorAuthAge"), "aws:MultiFactorAuthAge");
  EXPECT_EQ(nearest_condition_key("MultiFactorAuthPresent"), "aws:MultiFactorAuthPresent");
  EXPECT_EQ(nearest_condition_key("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"), "");
}

TEST(Nearest, ServicesAndActions) {
  EXPECT_EQ(nearest_service("lamda"), "lambda");
  EXPECT_EQ(nearest_service("S3s"), "s3");
  EXPECT_EQ(nearest_service("qqqqqqqqqqqqqq"), "");
  EXPECT_EQ(nearest_action("s3:GetObjects"), "s3:GetObject");
  EXPECT_EQ(nearest_action("iam:CreateVirtualMfaDevise"), "iam:CreateVirtualMFADevice");
  EXPECT_EQ(nearest_action("s3:Qqqqqqqqqqqqqqqqqq"), "");
  EXPECT_EQ(nearest_action("nosuchservice:GetObject"), "");
}

// Each thread remembers the suggestions it made, per kind of name: asked again, or asked the same
// text as another kind of name, it answers as a thread that never saw the name does.
TEST(Nearest, RememberedSuggestionsAreTheSameAsFreshOnes) {
  const std::vector<std::string> names = {"s3:GetObjects", "lamda", "aws:MFAAge", "s3", "iam:CreateUsr", "S3s"};
  auto suggest_all = [&] {
    std::vector<std::string> out;
    for (const auto& name : names) {
      out.push_back(nearest_service(name));
      out.push_back(nearest_action(name));
      out.push_back(nearest_condition_key(name));
    }
    return out;
  };
  std::vector<std::string> fresh;
  std::thread([&] { fresh = suggest_all(); }).join();
  EXPECT_EQ(fresh[1], "s3:GetObject");
  EXPECT_EQ(fresh[3], "lambda");
  EXPECT_EQ(fresh[8], "aws:MultiFactorAuthAge");
  EXPECT_EQ(suggest_all(), fresh);
  EXPECT_EQ(suggest_all(), fresh);
}

}  // namespace
}  // namespace mfalint::catalog
