#include "checks/mfa_keys.h"

namespace mfalint::checks {

using namespace mfa;

// MFA005: a Deny on aws:MultiFactorAuthAge without IfExists: requests without an age escape it.
void check_deny_age_without_if_exists(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    if (st.effect != Effect::Deny) continue;
    for_each_mfa_entry(st, [&](const model::ConditionBlock& block, const model::ConditionEntry& entry) {
      if (!is_mfa_age_key(entry.key.value) || model::operator_family(block.op) != OperatorFamily::Numeric ||
          block.if_exists || block.qualifier == model::SetQualifier::ForAllValues || model::is_negated(block.op))
        return;
      Finding finding = make_finding(
          "MFA005", policy, st, block.op_text.loc,
          fmt::format("this Deny on {} never applies to long-term access keys or sessions without MFA, which "
                      "carry no age: they escape it",
                      entry.key.value));
      finding.fix = with_if_exists(block);
      out.push_back(std::move(finding));
    });
  }
}

}  // namespace mfalint::checks
