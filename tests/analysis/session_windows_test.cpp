// Which MFA-table rows one MFA session can use and until when, and when a shorter session would do.
#include "analysis/mfa_analysis.h"
#include "pipeline/session_windows.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

namespace mfalint::pipeline {
namespace {

using namespace std::chrono;
using Ages = std::vector<std::pair<int64_t, int64_t>>;
constexpr int64_t kUnbounded = analysis::AgeSet::kUnbounded;

const sys_seconds kSignIn = sys_days{year{2026} / 11 / 29} + hours(10);
const sys_seconds kTwelveHours = kSignIn + hours(12);

analysis::MfaRow protected_row(Ages ages) {
  analysis::MfaRow row;
  row.actions = "s3:GetObject (1 sensitive action)";
  row.long_term_keys = row.session_without_mfa = analysis::CredentialReach{false, {}};
  row.mfa_ages = std::move(ages);
  row.is_protected = !row.mfa_ages.empty();
  return row;
}

analysis::MfaRow open_row(bool long_term, bool without_mfa) {
  analysis::MfaRow row = protected_row({{0, kUnbounded}});
  row.long_term_keys.allowed = long_term;
  row.session_without_mfa.allowed = without_mfa;
  row.is_protected = false;
  return row;
}

TEST(SessionWindows, ATenMinuteWindowStopsTenMinutesAfterTheCodeOfATwelveHourSession) {
  auto result = session_windows({protected_row({{0, 599}})}, kSignIn, kTwelveHours);
  ASSERT_EQ(result.rows.size(), 1u);
  ASSERT_EQ(result.rows[0].periods.size(), 1u);
  const UsablePeriod& period = result.rows[0].periods[0];
  EXPECT_EQ(period.from, kSignIn);
  EXPECT_EQ(period.until, kSignIn + minutes(10));
  EXPECT_FALSE(period.until_expiration);
  EXPECT_FALSE(result.rows[0].without_mfa);
  ASSERT_TRUE(result.overlong);
  EXPECT_EQ(result.overlong->length, hours(12));
  EXPECT_EQ(result.overlong->last_window, minutes(10));
}

TEST(SessionWindows, AnUnboundedWindowLastsUntilTheSessionExpires) {
  auto result = session_windows({protected_row({{0, kUnbounded}})}, kSignIn, kTwelveHours);
  ASSERT_EQ(result.rows[0].periods.size(), 1u);
  EXPECT_EQ(result.rows[0].periods[0].until, kTwelveHours);
  EXPECT_TRUE(result.rows[0].periods[0].until_expiration);
  EXPECT_FALSE(result.overlong);
}

TEST(SessionWindows, AWindowEndingExactlyAtTheExpirationIsNotOutlived) {
  auto result = session_windows({protected_row({{0, 3599}})}, kSignIn, kSignIn + hours(1));
  EXPECT_TRUE(result.rows[0].periods[0].until_expiration);
  EXPECT_EQ(result.rows[0].periods[0].until, kSignIn + hours(1));
  EXPECT_FALSE(result.overlong);
}

TEST(SessionWindows, OneLongWindowIsEnoughToKeepTheSession) {
  auto result = session_windows({protected_row({{0, 599}}), protected_row({{0, kUnbounded}})}, kSignIn, kTwelveHours);
  EXPECT_FALSE(result.overlong);
}

TEST(SessionWindows, TheLongestOfSeveralShortWindowsIsTheDurationThatWouldDo) {
  auto result = session_windows({protected_row({{0, 599}}), protected_row({{0, 3599}}), protected_row({{0, 899}})},
                                kSignIn, kTwelveHours);
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_EQ(result.rows[1].periods[0].until, kSignIn + hours(1));
  ASSERT_TRUE(result.overlong);
  EXPECT_EQ(result.overlong->last_window, hours(1));
}

TEST(SessionWindows, AWindowStartingLaterOpensLater) {
  auto result = session_windows({protected_row({{300, 599}})}, kSignIn, kTwelveHours);
  ASSERT_EQ(result.rows[0].periods.size(), 1u);
  EXPECT_EQ(result.rows[0].periods[0].from, kSignIn + minutes(5));
  EXPECT_EQ(result.rows[0].periods[0].until, kSignIn + minutes(10));
  ASSERT_TRUE(result.overlong);
  EXPECT_EQ(result.overlong->last_window, minutes(10));
}

TEST(SessionWindows, AWindowInPiecesGivesOnePeriodPerPieceInsideTheSession) {
  auto result = session_windows({protected_row({{0, 599}, {1200, 1799}, {7200, kUnbounded}})}, kSignIn,
                                kSignIn + hours(1));
  const auto& periods = result.rows[0].periods;
  ASSERT_EQ(periods.size(), 2u) << "the piece from 2 h on opens after the session expired";
  EXPECT_EQ(periods[1].from, kSignIn + minutes(20));
  EXPECT_EQ(periods[1].until, kSignIn + minutes(30));
  EXPECT_FALSE(result.overlong) << "the window itself never ends";
}

TEST(SessionWindows, AWindowOpeningAfterTheExpirationGivesNoPeriod) {
  auto result = session_windows({protected_row({{43200, kUnbounded}})}, kSignIn, kSignIn + hours(1));
  EXPECT_TRUE(result.rows[0].periods.empty());
  EXPECT_FALSE(result.rows[0].row.mfa_ages.empty());
  EXPECT_FALSE(result.overlong);
}

TEST(SessionWindows, NothingProtectedMeansNoWarningAndEveryRowFlagged) {
  auto result = session_windows({open_row(true, true), open_row(false, true), protected_row({})},
                                kSignIn, kTwelveHours);
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_TRUE(result.rows[0].without_mfa);
  EXPECT_TRUE(result.rows[1].without_mfa);
  EXPECT_TRUE(result.rows[0].periods[0].until_expiration) << "an MFA session gets them too, all along";
  EXPECT_FALSE(result.rows[2].without_mfa);
  EXPECT_TRUE(result.rows[2].periods.empty()) << "no MFA age allows it";
  EXPECT_FALSE(result.overlong);
}

TEST(SessionWindows, NumericLessThan600FromThePolicyStopsAtTenMinutes) {
  auto file = testing::load(testing::policy_with(
      R"({"Effect": "Allow", "Action": "iam:DeleteUser", "Resource": "*",
          "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "600"}}})"));
  auto rows = analysis::analyze_mfa({&file.policies.at(0)}, catalog::Sensitivity::defaults(), {}).rows;
  auto result = session_windows(rows, kSignIn, kTwelveHours);
  ASSERT_EQ(result.rows.size(), 1u);
  ASSERT_EQ(result.rows[0].periods.size(), 1u);
  EXPECT_EQ(result.rows[0].periods[0].until, kSignIn + minutes(10));
  ASSERT_TRUE(result.overlong);
  EXPECT_EQ(result.overlong->last_window, minutes(10));
}

}  // namespace
}  // namespace mfalint::pipeline
