#pragma once
// Where a condition on aws:MultiFactorAuthAge can change its truth as the age grows. The
// evaluator reads the age's text as a number, an epoch date or a string; each reading is
// monotonic in the age or an equality, so a policy value can flip a condition only at a few ages
// (the cuts). Between two cuts every condition on the age has one truth value: one evaluation
// per cell decides the whole cell. docs/mfa-matrix.md has the details.

#include "analysis/age_set.h"
#include "model/policy.h"

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace mfalint::analysis {

// How far ages are computed one by one when a condition on the age has no interval form (a
// wildcard pattern or a policy variable): twice the longest session STS issues (36 hours).
inline constexpr int64_t kMfaAgeScanHorizon = 2 * 129600;

class AgeCells {
 public:
  AgeCells();

  // The cuts of one condition entry on the age key; `variables`: the policy substitutes them.
  void add_entry(const model::ConditionBlock& block, const model::ConditionEntry& entry, bool variables);
  // Something reads the age through a policy variable: no interval form.
  void need_scan() { scan_ = true; }
  // Ages were computed one by one, up to kMfaAgeScanHorizon.
  bool scans() const { return scan_; }

  // The ages at which `holds` is true, asked once per cell at its first age. When the cells are
  // single ages up to the horizon, the last answer is taken to continue only if `extend` says so.
  AgeSet ages_where(const std::function<bool(int64_t age)>& holds, bool extend) const;

 private:
  void cut(int64_t age);
  void cut_at(std::string_view value);

  std::vector<int64_t> cuts_;
  bool scan_ = false;
};

// Whether `text` holds a policy variable that reads the age (`${aws:MultiFactorAuthAge}`).
bool reads_age_variable(std::string_view text);

}  // namespace mfalint::analysis
