#include "pipeline/session_windows.h"

#include <algorithm>

namespace mfalint::pipeline {
namespace {

using std::chrono::seconds;

// The closed MFA-age intervals of a row, cut to a session of `length` seconds. An interval's `to` may
// be INT64_MAX (unbounded), so ages are compared with the length rather than added to a time.
std::vector<UsablePeriod> periods_of(const analysis::MfaRow& row, std::chrono::sys_seconds authenticated_at,
                                     seconds length) {
  std::vector<UsablePeriod> periods;
  for (const auto& [from, to] : row.mfa_ages) {
    if (from >= length.count()) break;  // sorted: this and every later interval open after the expiration
    const bool outlives = to >= length.count() - 1;
    periods.push_back({authenticated_at + seconds(from), authenticated_at + (outlives ? length : seconds(to + 1)),
                       outlives});
  }
  return periods;
}

}  // namespace

SessionWindows session_windows(const std::vector<analysis::MfaRow>& rows, std::chrono::sys_seconds authenticated_at,
                               std::chrono::sys_seconds expiration) {
  const seconds length = std::max(expiration - authenticated_at, seconds(0));
  SessionWindows result;
  bool any_protected = false, every_window_ends_early = true;
  seconds last_window{0};
  for (const auto& row : rows) {
    RowInSession in_session{row, periods_of(row, authenticated_at, length),
                            row.long_term_keys.allowed || row.session_without_mfa.allowed};
    if (row.is_protected && !row.mfa_ages.empty()) {
      any_protected = true;
      const int64_t last_age = row.mfa_ages.back().second;
      if (last_age >= length.count() - 1) {
        every_window_ends_early = false;
      } else {
        last_window = std::max(last_window, seconds(last_age + 1));
      }
    }
    result.rows.push_back(std::move(in_session));
  }
  if (any_protected && every_window_ends_early) result.overlong = OverlongSession{length, last_window};
  return result;
}

}  // namespace mfalint::pipeline
