#include "checks/check.h"

#include <fmt/core.h>

namespace mfalint::checks {

// IAM013: an operator IAM does not know; IAM014: IfExists on Null, which IAM rejects.
void check_condition_operators(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    for (const auto& block : st.conditions) {
      if (block.op == model::ConditionOp::Unknown) {
        out.push_back(make_finding("IAM013", policy, st, block.op_text.loc,
                                   fmt::format("unknown condition operator \"{}\": the statement can never apply "
                                               "as intended",
                                               block.op_text.value)));
      } else if (block.op == model::ConditionOp::Null && block.if_exists) {
        Finding finding = make_finding("IAM014", policy, st, block.op_text.loc,
                                       "\"NullIfExists\" is not a condition operator: Null already tests presence");
        finding.fix = "\"Null\"";
        out.push_back(std::move(finding));
      }
    }
  }
}

}  // namespace mfalint::checks
