#include "checks/mfa_keys.h"

namespace mfalint::checks {

using namespace mfa;

// MFA002: a Deny on aws:MultiFactorAuthPresent = false without IfExists: long-term keys carry no
// such key, so the Deny never applies to them.
void check_deny_present_false_without_if_exists(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    if (st.effect != Effect::Deny) continue;
    for_each_mfa_entry(st, [&](const model::ConditionBlock& block, const model::ConditionEntry& entry) {
      bool equality = block.op == ConditionOp::Bool || block.op == ConditionOp::StringEquals ||
                      block.op == ConditionOp::StringEqualsIgnoreCase;
      if (!is_mfa_present_key(entry.key.value) || !equality || block.if_exists ||
          block.qualifier == model::SetQualifier::ForAllValues || !has_value(entry, "false"))
        return;
      Finding finding = make_finding(
          "MFA002", policy, st, block.op_text.loc,
          fmt::format("this Deny on {} \"false\" never applies to long-term access keys, which carry no {} key: "
                      "they escape it",
                      entry.key.value, entry.key.value));
      finding.fix = with_if_exists(block);
      out.push_back(std::move(finding));
    });
  }
}

}  // namespace mfalint::checks
