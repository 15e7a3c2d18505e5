// The MFA table's credential cells: typed in the analysis, worded once for every report.
#include "analysis/mfa_row.h"

#include <gtest/gtest.h>

namespace mfalint::analysis {
namespace {

TEST(MfaRow, CredentialReachSaysWhatStoppedIt) {
  EXPECT_EQ((CredentialReach{true, {}}).describe(), "Allowed");
  EXPECT_EQ((CredentialReach{false, {}}).describe(), "Denied");
  EXPECT_EQ((CredentialReach{false, {.scp = true}}).describe(), "Denied by SCP");
  EXPECT_EQ((CredentialReach{false, {.rcp = true}}).describe(), "Denied by RCP");
  EXPECT_EQ((CredentialReach{false, {.scp = true, .rcp = true}}).describe(), "Denied by SCP and RCP");
  EXPECT_EQ(TakenBy{}.describe(), "");
}

}  // namespace
}  // namespace mfalint::analysis
