#pragma once
// MFA001 and MFA008 over a set of identity policies judged together: for every sensitive action an
// Allow covers, which kinds of credentials reach it once every Deny of the set is applied.

#include "analysis/mfa_reach.h"
#include "catalog/sensitivity.h"
#include "core/finding.h"
#include "model/policy.h"
#include "report/report.h"

#include <optional>
#include <vector>

namespace mfalint::analysis {

struct MfaOptions {
  Assumptions assumptions;
  FixedKeyEvaluator evaluate_fixed = nullptr;
  std::optional<int64_t> max_mfa_age;  // MFA008 is off without it
};

struct MfaResult {
  Findings findings;
  std::vector<report::MfaRow> rows;
};

MfaResult analyze_mfa(const std::vector<const model::Policy*>& policies, const catalog::Sensitivity& sensitivity,
                      const MfaOptions& options);

}  // namespace mfalint::analysis
