#include "session/session.h"

#include "session/error.h"

#include <fmt/core.h>

namespace mfalint::session {
namespace {

std::chrono::sys_seconds now() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

StsSettings sts_settings(const Plan& plan, const ObtainOptions& options) {
  return {parse_endpoint(plan.endpoint_url), plan.region, plan.key, plan.source_profile,
          options.timeouts, options.retry, options.transport};
}

bool is_root(const CallerIdentity& identity) { return identity.arn.ends_with(":root"); }

}  // namespace

SessionOutcome obtain_session(const Plan& plan, const SessionStore& store, const ObtainOptions& options) {
  check_can_hold_session(store);
  if (!options.force) {
    if (auto stored = stored_session(store); stored && stored->credentials.expiration - now() >= kReuseMargin) {
      return {stored->credentials, true, 0, "", "", stored->authenticated_at};
    }
  }

  const MfaCode mfa{plan.serial_number, options.token_code()};
  const StsSettings sts = sts_settings(plan, options);
  SessionOutcome outcome;
  outcome.duration_seconds = plan.duration_seconds;

  // The code is single-use, so the root user's shorter limit is checked before spending it.
  if (!plan.role && plan.duration_seconds > kMaxRootDuration && is_root(get_caller_identity(sts))) {
    if (plan.duration_chosen) {
      throw Error(fmt::format("profile {} holds the root user's key, whose MFA sessions last {}–{} seconds, not {}; "
                              "pass --duration {} (and better, use an IAM user)",
                              plan.source_profile, kMinDuration, kMaxRootDuration, plan.duration_seconds,
                              kMaxRootDuration));
    }
    outcome.duration_seconds = kMaxRootDuration;
    outcome.note = fmt::format("profile {} holds the root user's key: its MFA sessions last at most {} seconds",
                               plan.source_profile, kMaxRootDuration);
  }

  const auto sent = now();
  AssumedSession session = plan.role ? assume_role(sts, *plan.role, outcome.duration_seconds, mfa)
                                     : get_session_token(sts, outcome.duration_seconds, mfa);
  outcome.authenticated_at = sent;
  store_session(store, session.credentials, sent);
  outcome.credentials = session.credentials;
  outcome.assumed_role_arn = session.assumed_role_arn;
  return outcome;
}

}  // namespace mfalint::session
