// Inputs over a limit (file size, statements per policy, values per condition key) are reported
// and not analyzed; the rest of the run goes on.
#include "pipeline/checked_load.h"
#include "input/limits.h"
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <fmt/format.h>

#include <filesystem>
#include <string>
#include <vector>

namespace mfalint {
namespace {

using testing::run_mfalint;
using ::testing::HasSubstr;

TEST(InputLimits, AFileOverTheLimitIsReportedAndTheOthersChecked) {
  testing::TempDir dir;
  auto big = dir.write("big.json", std::string(2 * 1024 * 1024, ' ') + "{}").string();
  auto run = run_mfalint("check --max-file-size 1 '" + big + "' samples/mfa-protected-s3.json");
  EXPECT_EQ(run.status, 2);
  EXPECT_THAT(run.out, HasSubstr("big.json: error: larger than 1048576 bytes, the limit (--max-file-size): not read [IAM001]"));
  EXPECT_THAT(run.out, HasSubstr("2 files checked"));
  // One thread reads the large file, then a small one into the same buffer.
  auto within = run_mfalint("check --jobs 1 --max-file-size 3 '" + big + "' samples/mfa-protected-s3.json");
  EXPECT_NE(within.status, 2) << within.out;  // read, and judged: `{}` has no Statement
  EXPECT_THAT(within.out, ::testing::Not(HasSubstr("larger than")));
  EXPECT_THAT(within.out, ::testing::Not(HasSubstr("mfa-protected-s3.json")));  // nothing to say about it
  EXPECT_THAT(within.out, HasSubstr("2 files checked"));
}

// An endless input (a device, a pipe that never closes its end) stops at the limit.
TEST(InputLimits, EndlessStandardInputStopsAtTheLimit) {
  auto run = testing::run_shell("timeout 20 '" MFALINT_BINARY "' check --max-file-size 1 - < /dev/zero");
  EXPECT_EQ(run.status, 2);
  EXPECT_THAT(run.out, HasSubstr("<stdin>: error: larger than 1048576 bytes"));
}

// Issue 8's hostile inputs, given together with a good policy: each is a clear error naming its
// path, nothing hangs, and the good policy is still checked.
TEST(InputLimits, HostileInputsAreClearErrorsAndTheRunGoesOn) {
  testing::TempDir dir;
  const auto& root = dir.path;
  dir.write("tree/a/ok.json", testing::read_all(std::string(MFALINT_SOURCE_DIR) + "/samples/mfa-protected-s3.json"));
  std::filesystem::create_directory_symlink(root / "tree", root / "tree/a/up");  // a directory loop
  std::filesystem::create_symlink(root / "self", root / "self");                // a symlink loop
  std::filesystem::resize_file(dir.write("huge.json", ""), uint64_t{1} << 30);  // 1 GiB, sparse
  // A file being written while it is read: a writer that never stops, started before the check.
  auto run = testing::run_shell("cd '" + root.string() + "' && { yes '{\"Statement\": [' > growing.json & writer=$!; } && "
                                "sleep 0.2 && timeout 60 '" MFALINT_BINARY "' check self huge.json growing.json /proc/self/mem tree; "
                                "status=$?; kill $writer; exit $status");
  EXPECT_EQ(run.status, 2) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("self: error: cannot read: Too many levels of symbolic links [IAM001]"));
  EXPECT_THAT(run.out, HasSubstr("huge.json: error: larger than 16777216 bytes, the limit (--max-file-size): not read"));
  EXPECT_THAT(run.out, HasSubstr("growing.json: error: larger than 16777216 bytes"));
  EXPECT_THAT(run.out, HasSubstr("/proc/self/mem: error: cannot read: Input/output error [IAM001]"));
  EXPECT_THAT(run.out, HasSubstr("5 files checked"));  // the loop through `up` is not followed: ok.json once
  EXPECT_THAT(run.out, HasSubstr("4 files could not be read"));
}

// Random bytes (within the size limit) are a clear error at a position, not a crash.
TEST(InputLimits, RandomBytesAreAClearError) {
  testing::TempDir dir;
  auto noise = dir.path / "noise.json";
  auto run = testing::run_shell("head -c 1048576 /dev/urandom > '" + noise.string() + "' && timeout 60 '" MFALINT_BINARY
                                "' check --format json '" + noise.string() + "'");
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\"rule\": \"IAM001\""));
}

std::string statements(size_t count) {
  std::vector<std::string> items(count, R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})");
  return R"({"Version": "2012-10-17", "Statement": [)" + fmt::format("{}", fmt::join(items, ",\n")) + "]}";
}

std::string condition_values(size_t count) {
  std::vector<std::string> values;
  for (size_t i = 0; i < count; ++i) values.push_back(fmt::format("\"10.0.{}.{}/32\"", i / 256, i % 256));
  return testing::policy_with(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
    "Condition": {"IpAddress": {"aws:SourceIp": [)" + fmt::format("{}", fmt::join(values, ", ")) + "]}}}");
}

TEST(InputLimits, APolicyWithTooManyStatementsIsReportedAtItsStatementList) {
  auto file = testing::load(statements(input::kMaxStatements + 1));
  ASSERT_TRUE(file.error);
  EXPECT_EQ(*file.error, "5001 statements, more than the limit of 5000: the policy is not analyzed");
  EXPECT_EQ(file.error_loc.line, 1u);
  EXPECT_EQ(file.error_loc.column, 40u);  // the `[` of "Statement"
  EXPECT_TRUE(file.policies.empty());

  auto at_limit = testing::load(statements(input::kMaxStatements));
  EXPECT_FALSE(at_limit.error);
  ASSERT_EQ(at_limit.policies.size(), 1u);
  EXPECT_EQ(at_limit.policies[0].statements.size(), input::kMaxStatements);
}

TEST(InputLimits, AConditionKeyWithTooManyValuesIsReportedAtItsList) {
  auto file = testing::load(condition_values(input::kMaxConditionValues + 1));
  ASSERT_TRUE(file.error);
  EXPECT_EQ(*file.error, "5001 values for one condition key, more than the limit of 5000: the policy is not analyzed");
  EXPECT_EQ(file.error_loc.line, 2u);
  EXPECT_TRUE(file.policies.empty());

  auto at_limit = testing::load(condition_values(input::kMaxConditionValues));
  EXPECT_FALSE(at_limit.error);
  EXPECT_EQ(at_limit.policies.size(), 1u);
}

// One policy of a template over a limit fails the file, and the template's other policies are judged.
TEST(InputLimits, TheOtherPoliciesOfAFileAreStillAnalyzed) {
  std::string big = statements(input::kMaxStatements + 1);
  std::string small = testing::policy_with(R"({"Effect": "Allow", "Action": "iam:DeleteUser", "Resource": "*"})");
  auto file = pipeline::load_text_checked("template.json", R"({"Resources": {
    "Big": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": )" + big + R"(}},
    "Small": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": )" + small + "}}}}");
  ASSERT_TRUE(file.error);
  EXPECT_THAT(*file.error, HasSubstr("5001 statements"));
  ASSERT_EQ(file.policies.size(), 1u);
  EXPECT_EQ(file.policies[0].context, "Small.PolicyDocument");
  EXPECT_THAT(testing::rules_of(file.findings), ::testing::Contains("IAM001"));
}

}  // namespace
}  // namespace mfalint
