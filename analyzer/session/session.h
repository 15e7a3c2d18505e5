#pragma once
// The whole of getting an MFA session: reuse the stored one while it lasts, otherwise take a code,
// call STS and store what it returns. Nothing is written unless STS gave a session.

#include "session/aws_config.h"
#include "session/session_store.h"
#include "session/sts_client.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace mfalint::session {

// A stored session is reused only while it has at least this long left.
constexpr std::chrono::minutes kReuseMargin{5};

struct ObtainOptions {
  bool force = false;                      // a new session even when the stored one would do
  std::function<std::string()> token_code;  // asked only when a new session is needed
  Timeouts timeouts;
  RetryPolicy retry;
  Transport transport = http_post;
};

struct SessionOutcome {
  SessionCredentials credentials;
  bool reused = false;
  int duration_seconds = 0;      // what was asked of STS; 0 when reused
  std::string assumed_role_arn;  // AssumeRole only
  std::string note;              // something the user should know, e.g. a shortened duration
  // When the MFA code was accepted: what aws:MultiFactorAuthAge counts from. For a reused session, what
  // was stored with it; unknown when another tool (or an older mfalint) stored it.
  std::optional<std::chrono::sys_seconds> authenticated_at;
};

SessionOutcome obtain_session(const Plan& plan, const SessionStore& store, const ObtainOptions& options);

}  // namespace mfalint::session
