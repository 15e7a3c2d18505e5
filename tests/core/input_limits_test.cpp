// Inputs over a limit (file size, statements per policy, values per condition key) are reported
// and not analyzed; the rest of the run goes on.
#include "input/limits.h"
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <fmt/format.h>

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
  auto within = run_mfalint("check --max-file-size 3 '" + big + "'");
  EXPECT_NE(within.status, 2) << within.out;  // read, and judged: `{}` has no Statement
  EXPECT_THAT(within.out, ::testing::Not(HasSubstr("larger than")));
}

// An endless input (a device, a pipe that never closes its end) stops at the limit.
TEST(InputLimits, EndlessStandardInputStopsAtTheLimit) {
  auto run = testing::run_shell("timeout 20 '" MFALINT_BINARY "' check --max-file-size 1 - < /dev/zero");
  EXPECT_EQ(run.status, 2);
  EXPECT_THAT(run.out, HasSubstr("<stdin>: error: larger than 1048576 bytes"));
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
  auto file = input::load_text("template.json", R"({"Resources": {
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
