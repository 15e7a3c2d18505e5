#include "checks/mfa_keys.h"

namespace mfalint::checks {

using namespace mfa;

// MFA006: an MFA condition no request can meet: the statement never applies.
void check_mfa_dead_condition(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    if (!st.effect || !mentions_mfa(st)) continue;
    bool unknown_operator = std::any_of(st.conditions.begin(), st.conditions.end(),
                                        [](const model::ConditionBlock& b) { return b.op == ConditionOp::Unknown; });
    if (unknown_operator) continue;  // IAM013 says why; the statement is not "dead" by its MFA logic
    // Other keys are taken as satisfiable, so only the MFA part can make the statement dead.
    auto reach = analysis::condition_reach(st, Effect::Allow, {});
    if (reach.any()) continue;
    out.push_back(make_finding("MFA006", policy, st, st.condition_loc.value_or(st.loc),
                               fmt::format("no request can meet this statement's MFA condition: this {} never "
                                           "applies",
                                           *st.effect == Effect::Allow ? "Allow" : "Deny")));
  }
}

}  // namespace mfalint::checks
