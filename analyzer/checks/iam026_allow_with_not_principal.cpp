#include "checks/check.h"

namespace mfalint::checks {

// IAM026: Allow with NotPrincipal grants to everyone not listed, anonymous callers included. Only
// resource policies are judged: the other policy types refuse NotPrincipal outright (IAM024,
// IAM027).
void check_allow_with_not_principal(const model::Policy& policy, Findings& out) {
  if (policy.kind != model::PolicyKind::Resource) return;
  for (const auto& st : policy.statements) {
    if (st.effect != model::Effect::Allow || !st.not_principal) continue;
    out.push_back(make_finding("IAM026", policy, st, st.not_principal->loc,
                               "\"Allow\" with \"NotPrincipal\" grants to every principal not listed, anonymous "
                               "callers included; list the principals in \"Principal\" instead"));
  }
}

}  // namespace mfalint::checks
