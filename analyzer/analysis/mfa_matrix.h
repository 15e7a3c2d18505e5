#pragma once
// The MFA matrix of one request: the decision for long-term access keys and for a session
// without MFA, and the exact set of MFA ages at which an MFA session is allowed. It asks the
// request evaluator (eval::evaluate), so it follows AWS's evaluation logic wherever that does;
// docs/mfa-matrix.md says why a handful of evaluations give every age.

#include "analysis/age_cells.h"
#include "analysis/age_set.h"
#include "eval/decision.h"

#include <cstdint>
#include <optional>

namespace mfalint::analysis {

struct MfaMatrix {
  eval::Decision long_term_keys = eval::Decision::ImplicitDeny;
  eval::Decision session_without_mfa = eval::Decision::ImplicitDeny;
  AgeSet allowed_mfa_ages;
  bool is_protected = false;  // neither kind without MFA is allowed, and an MFA session is at some age
  // Set when ages were computed one by one: `allowed_mfa_ages` is exact for ages 0..*exact_through
  // and says nothing about older ones.
  std::optional<int64_t> exact_through;
};

// The MFA keys in `request.context` are ignored: each kind of credentials sets its own.
MfaMatrix mfa_matrix(const eval::PolicySet& policies, const eval::Request& request);

}  // namespace mfalint::analysis
