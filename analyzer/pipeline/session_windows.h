#pragma once
// `mfalint session --check`: which rows of a policy's MFA table one MFA session can use, and when.
// aws:MultiFactorAuthAge keeps growing while a session lasts, so an action allowed up to an MFA age
// of 599 s stops working 10 minutes after the code even when the session lasts 12 hours.
// Kept apart from the STS client on purpose: this is a fact about policies and times, and the
// session module knows nothing of policies.

#include "report/report.h"

#include <chrono>
#include <optional>
#include <vector>

namespace mfalint::pipeline {

// One stretch of the session in which the row's actions work.
struct UsablePeriod {
  std::chrono::sys_seconds from;
  std::chrono::sys_seconds until;  // the first second it no longer works
  bool until_expiration = false;   // the MFA window outlives the session: `until` is the expiration
};

struct RowInSession {
  analysis::MfaRow row;
  // Empty when the session never gets the actions: no MFA age allows them (row.mfa_ages empty), or
  // the window opens only after the session has expired.
  std::vector<UsablePeriod> periods;
  // Long-term keys or sessions without MFA get the actions too: the session is not what protects them.
  bool without_mfa = false;
};

// The session outlives the MFA window of every MFA-protected row: a shorter one would do.
struct OverlongSession {
  std::chrono::seconds length;       // from the sign-in to the expiration
  std::chrono::seconds last_window;  // the MFA age at which the last protected action stops working
};

struct SessionWindows {
  std::vector<RowInSession> rows;        // in the order of the MFA table
  std::optional<OverlongSession> overlong;  // unset when no row is MFA-protected
};

SessionWindows session_windows(const std::vector<analysis::MfaRow>& rows, std::chrono::sys_seconds authenticated_at,
                               std::chrono::sys_seconds expiration);

}  // namespace mfalint::pipeline
