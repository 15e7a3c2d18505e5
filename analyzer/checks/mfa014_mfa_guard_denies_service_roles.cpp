#include "checks/mfa_keys.h"

namespace mfalint::checks {

using namespace mfa;

namespace {

// The statement denies requests without an MFA key: `BoolIfExists aws:MultiFactorAuthPresent false`.
bool denies_when_mfa_absent(const model::Statement& st) {
  bool absent = false;
  for_each_mfa_entry(st, [&](const model::ConditionBlock& block, const model::ConditionEntry& entry) {
    absent = absent || (is_mfa_present_key(entry.key.value) && block.if_exists && has_value(entry, "false"));
  });
  return absent;
}

bool has_principal_exception(const model::Statement& st) {
  return any_condition_entry(
      st, [](const auto&, const model::ConditionEntry& entry) { return is_principal_key(entry.key.value); });
}

}  // namespace

// MFA014: an SCP's MFA guard that applies to requests without MFA keys and exempts no principal:
// AWS services acting through a role's session carry no MFA, so it denies them everything it covers.
void check_mfa_guard_denies_service_roles(const model::Policy& policy, Findings& out) {
  if (policy.kind != model::PolicyKind::ServiceControl) return;
  for (const auto& st : policy.statements) {
    if (st.effect != Effect::Deny || !denies_when_mfa_absent(st) || has_principal_exception(st)) continue;
    out.push_back(make_finding(
        "MFA014", policy, st, st.condition_loc.value_or(st.loc),
        "this SCP guard denies every request without MFA, and the role sessions AWS services use (Lambda "
        "functions, EC2 instance profiles, CloudFormation) never carry MFA: it denies them everything it "
        "covers; exempt service roles by aws:PrincipalArn"));
  }
}

}  // namespace mfalint::checks
