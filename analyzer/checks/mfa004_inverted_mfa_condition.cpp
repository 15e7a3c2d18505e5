#include "checks/mfa_keys.h"

namespace mfalint::checks {

using namespace mfa;

// MFA004: an Allow whose MFA condition admits exactly the requests it meant to keep out.
void check_inverted_mfa_condition(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    if (st.effect != Effect::Allow) continue;
    for_each_mfa_entry(st, [&](const model::ConditionBlock& block, const model::ConditionEntry& entry) {
      std::string why;
      if (block.op == ConditionOp::Null && is_mfa_age_key(entry.key.value) && has_value(entry, "true")) {
        why = "matches only requests WITHOUT an MFA age: MFA sessions are refused, keys without MFA admitted";
      } else if ((block.op == ConditionOp::Bool || block.op == ConditionOp::StringEquals) &&
                 is_mfa_present_key(entry.key.value) && has_value(entry, "false")) {
        why = "matches only sessions signed in WITHOUT MFA";
      } else if ((block.op == ConditionOp::NumericGreaterThan || block.op == ConditionOp::NumericGreaterThanEquals) &&
                 is_mfa_age_key(entry.key.value)) {
        why = "admits only OLD MFA sign-ins; a fresh MFA code is refused";
      } else {
        return;
      }
      Finding finding = make_finding("MFA004", policy, st, block.op_text.loc,
                                     fmt::format("this Allow's \"{}\" on {} {}", block.op_text.value,
                                                 entry.key.value, why));
      finding.fix = "\"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}";
      out.push_back(std::move(finding));
    });
  }
}

}  // namespace mfalint::checks
