// `mfalint audit --scp/--rcp` from the command line: bad organization files stop the audit, named.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mfalint {
namespace {

using ::testing::HasSubstr;

constexpr const char* kDump = "tests/data/account-authorization-details/cloudsplaining-example.json";

TEST(AuditOrganizationCli, ScpFileWithoutPolicyIsExit2NamingIt) {
  auto run = testing::run_mfalint(std::string("audit ") + kDump + " --scp tests/data/organization/not-a-policy.json");
  EXPECT_EQ(run.status, 2);
  EXPECT_THAT(run.err, HasSubstr("tests/data/organization/not-a-policy.json:1:1: no service control policy here"));
  EXPECT_EQ(run.out, "");
  for (const char* bad : {"samples/broken-json.json", "/nonexistent.json", "tests/data/account-authorization-details/README.md"}) {
    auto again = testing::run_mfalint(std::string("audit ") + kDump + " --rcp " + bad);
    EXPECT_EQ(again.status, 2) << bad;
    EXPECT_THAT(again.err, HasSubstr(bad));
  }
}

TEST(AuditOrganizationCli, GuardAtAnOuLevelAndTheManagementAccount) {
  std::string levels = " --scp tests/data/organization/full-aws-access.json --scp tests/data/organization/mfa-guard.json"
                       " --scp tests/data/organization/full-aws-access.json --format json";
  auto guarded = testing::run_mfalint(std::string("audit ") + kDump + levels);
  EXPECT_THAT(guarded.out, HasSubstr("\"principals_with_unprotected_sensitive_actions\": 0"));  // service-linked roles are counted apart
  EXPECT_THAT(guarded.out, HasSubstr("Denied by SCP"));
  // SCPs do not apply to the management account: its audit is the audit without them.
  auto management = testing::run_mfalint(std::string("audit ") + kDump + levels + " --management-account");
  auto unguarded = testing::run_mfalint(std::string("audit ") + kDump + " --format json");
  const std::string count = "\"principals_with_unprotected_sensitive_actions\": ";
  auto at = unguarded.out.find(count);
  ASSERT_NE(at, std::string::npos);
  EXPECT_THAT(management.out, HasSubstr(unguarded.out.substr(at, count.size() + 3)));
  EXPECT_THAT(management.out, ::testing::Not(HasSubstr("Denied by SCP")));
}

}  // namespace
}  // namespace mfalint
