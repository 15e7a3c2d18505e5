// Inputs over the size limit are reported and not read; the rest of the run goes on.
#include "support/test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace mfalint
