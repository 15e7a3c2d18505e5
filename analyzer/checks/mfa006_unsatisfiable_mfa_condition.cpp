#include "analysis/principal_kinds.h"
#include "checks/mfa_keys.h"

namespace mfalint::checks {

using namespace mfa;

// MFA006: an MFA condition no request can meet: the statement never applies. A statement whose
// principals are only services or identity providers is met only by requests without MFA keys.
void check_unsatisfiable_mfa_condition(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    if (!st.effect || !mentions_mfa(st)) continue;
    bool unknown_operator = std::any_of(st.conditions.begin(), st.conditions.end(),
                                        [](const model::ConditionBlock& b) { return b.op == ConditionOp::Unknown; });
    if (unknown_operator) continue;  // IAM013 says why; the statement is not "dead" by its MFA logic
    // Other keys are taken as satisfiable, so only the MFA part can make the statement dead.
    auto reach = analysis::condition_reach(st, Effect::Allow, {});
    std::string_view effect = *st.effect == Effect::Allow ? "Allow" : "Deny";
    if (analysis::only_non_aws_principals(st)) {
      if (reach.long_term_keys) continue;  // met by a request without MFA keys, as a service's is
      out.push_back(make_finding("MFA006", policy, st, st.condition_loc.value_or(st.loc),
                                 fmt::format("this statement's principals are only AWS services or identity "
                                             "providers, whose requests never carry MFA keys: its MFA condition is "
                                             "never met and this {} never applies",
                                             effect)));
      continue;
    }
    if (reach.any()) continue;
    out.push_back(make_finding("MFA006", policy, st, st.condition_loc.value_or(st.loc),
                               fmt::format("no request can meet this statement's MFA condition: this {} never "
                                           "applies",
                                           effect)));
  }
}

}  // namespace mfalint::checks
