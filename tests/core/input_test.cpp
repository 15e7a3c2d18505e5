// IAM001 and the input formats: bare documents, get-policy-version, get-*-policy, files and folders.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace mfalint {
namespace {

using testing::load;
using testing::rules_of;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
namespace fs = std::filesystem;

TEST(Input, IAM001InvalidJsonNamesLineAndColumn) {
  auto file = load("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [}\n");
  ASSERT_TRUE(file.error);
  EXPECT_EQ(file.error_loc.line, 3u);
  EXPECT_EQ(file.error_loc.column, 17u);
  EXPECT_THAT(rules_of(file.findings), ElementsAre("IAM001"));
}

TEST(Input, IAM001EmptyBinaryAndNonUtf8Files) {
  EXPECT_NE(load("").error->find("empty"), std::string::npos);
  EXPECT_EQ(load("").error_loc.line, 0u);
  EXPECT_NE(load(std::string("\x7f" "ELF\0\0", 6)).error->find("binary"), std::string::npos);
  EXPECT_NE(load("{\"Version\": \"\xc3\x28\"}").error->find("encoding"), std::string::npos);
  EXPECT_TRUE(load("   \n").error);
}

TEST(Input, GetPolicyVersionOutput) {
  auto file = load(R"({"PolicyVersion": {"Document": {"Version": "2012-10-17", "Statement": [
      {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}, "VersionId": "v1"}})");
  EXPECT_FALSE(file.error);
  ASSERT_EQ(file.policies.size(), 1u);
  EXPECT_EQ(file.policies[0].context, "PolicyVersion.Document");
  EXPECT_EQ(file.policies[0].quota, model::SizeQuota::Managed);
  EXPECT_EQ(file.policies[0].statements[0].action->items[0].loc.line, 2u);
}

TEST(Input, UrlEncodedDocumentStringMapsBackToTheFile) {
  // The raw IAM API returns the document URL-encoded inside a string.
  auto file = load(R"({"PolicyVersion": {"Document": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%7B%22Effect%22%3A%22allow%22%2C%22Action%22%3A%22s3%3A*%22%2C%22Resource%22%3A%22*%22%7D%7D"}})");
  EXPECT_FALSE(file.error);
  ASSERT_THAT(rules_of(file.findings), ElementsAre("IAM006"));
  // The finding points into the string in the user's file, at the encoded "allow".
  EXPECT_EQ(file.findings[0].loc.column, 107u);
}

TEST(Input, InlinePolicyOutputUsesTheRoleQuota) {
  auto file = load(R"({"RoleName": "ops", "PolicyName": "inline", "PolicyDocument": {"Version": "2012-10-17",
      "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}})");
  ASSERT_EQ(file.policies.size(), 1u);
  EXPECT_EQ(file.policies[0].quota, model::SizeQuota::InlineRole);
  EXPECT_EQ(file.policies[0].context, "PolicyDocument of inline");
}

TEST(Input, GetPolicyMetadataIsNotAPolicy) {
  auto file = load(R"({"Policy": {"PolicyName": "ops", "Arn": "arn:aws:iam::111122223333:policy/ops"}})");
  ASSERT_THAT(rules_of(file.findings), ElementsAre("IAM002"));
  EXPECT_NE(file.findings[0].message.find("get-policy-version"), std::string::npos);
  EXPECT_FALSE(file.error);
}

TEST(Input, DirectoriesAreExpandedRecursivelyInSortedOrder) {
  auto dir = fs::temp_directory_path() / ("mfalint-input-" + std::to_string(getpid()));
  fs::create_directories(dir / "b" / "c");
  for (auto name : {"b/c/z.json", "b/a.json", "a.json", "notes.txt"}) std::ofstream(dir / name) << "{}";
  std::vector<input::LoadedFile> missing;
  auto files = input::expand_paths({dir.string(), (dir / "absent.json").string()}, missing);
  std::vector<std::string> relative;
  for (const auto& file : files) relative.push_back(fs::relative(file, dir).string());
  EXPECT_THAT(relative, ElementsAre("a.json", "b/a.json", "b/c/z.json"));
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_THAT(rules_of(missing[0].findings), ElementsAre("IAM001"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace mfalint
