#include "checks/mfa_keys.h"

namespace mfalint::checks {

using namespace mfa;

// MFA003: an Allow whose MFA condition uses IfExists: requests without the key pass.
void check_allow_mfa_if_exists(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    if (st.effect != Effect::Allow) continue;
    for_each_mfa_entry(st, [&](const model::ConditionBlock& block, const model::ConditionEntry& entry) {
      if (!block.if_exists || block.op == ConditionOp::Null) return;
      Finding finding = make_finding(
          "MFA003", policy, st, block.op_text.loc,
          fmt::format("\"{}\" on {} lets requests without the key through: long-term access keys pass this Allow "
                      "without MFA",
                      block.op_text.value, entry.key.value));
      std::string_view name = block.op_text.value;
      finding.fix = fmt::format("\"{}\"", name.substr(0, name.size() - 8));
      out.push_back(std::move(finding));
    });
  }
}

}  // namespace mfalint::checks
