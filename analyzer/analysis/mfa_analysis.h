#pragma once
// MFA001 and MFA008 over a set of identity policies judged together: for every sensitive action an
// Allow covers, which kinds of credentials reach it once every Deny of the set is applied and, when
// the principal has a permissions boundary, once the boundary is applied too.

#include "analysis/mfa_reach.h"
#include "catalog/sensitivity.h"
#include "core/finding.h"
#include "model/policy.h"
#include "analysis/mfa_row.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace mfalint::analysis {

// One level of AWS Organizations' policies over a member account's principals: the service (or
// resource) control policies attached to the root, an organizational unit or the account. As AWS
// evaluates them, some policy of every level must allow a request and a Deny at any level denies it;
// resource control policies concern only the services that support them.
struct ControlLevel {
  std::string name;  // what the reports call it: "root", "ou-ab12-cd34 (Workloads)", a file name
  model::PolicyKind kind = model::PolicyKind::ServiceControl;  // or ResourceControl
  std::vector<const model::Policy*> policies;
};
std::string_view control_kind_name(model::PolicyKind kind);  // "SCP", "RCP"

// MFA008's maximum MFA age when the user sets none: AWS's examples require MFA in the last hour,
// while a GetSessionToken session lasts 12 hours by default.
inline constexpr int64_t kDefaultMaxMfaAge = 3600;

struct MfaOptions {
  Assumptions assumptions;
  std::optional<int64_t> max_mfa_age;  // MFA008 is off without it
  // max_mfa_age is kDefaultMaxMfaAge, not the user's: MFA008 is a note, and MFA001's fix asks
  // only for MFA.
  bool max_mfa_age_by_default = false;
  // Which kinds of credentials without MFA the principal can have at all. A role's credentials are
  // always sessions, never long-term keys, and sessions without MFA only if its trust policy
  // admits someone without MFA; a user or a policy file alone can have both.
  bool long_term_keys_possible = true;
  bool session_without_mfa_possible = true;
  // A role's: the principals that can assume it without MFA ("arn:aws:iam::1:root"), named in MFA001.
  std::vector<std::string> sessions_without_mfa_from;
  bool rows = true;  // build MfaResult::rows, the MFA table
  // The organization's SCP and RCP levels over the principal, root first; none outside an
  // organization, for the management account and for service-linked roles.
  std::span<const ControlLevel> control;
};

struct MfaResult {
  Findings findings;
  std::vector<MfaRow> rows;
  // Distinct sensitive actions (the MFA set-up ones aside) that some credential reaches, as
  // ascending ids: reachable without MFA, and reachable only with it.
  std::vector<catalog::ActionId> unprotected_actions;
  std::vector<catalog::ActionId> protected_actions;
};

// `boundaries` are the principal's permissions boundary policies (none: no boundary). As AWS
// evaluates them, an identity Allow takes effect only where a boundary Allow allows the request
// too, and a Deny in a boundary denies like any other Deny.
MfaResult analyze_mfa(const std::vector<const model::Policy*>& policies, const catalog::Sensitivity& sensitivity,
                      const MfaOptions& options, const std::vector<const model::Policy*>& boundaries = {});

}  // namespace mfalint::analysis
