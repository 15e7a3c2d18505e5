#include "checks/mfa_keys.h"

namespace mfalint::checks {

using namespace mfa;

// MFA009: a Deny that would require MFA but also needs another key, which a request can avoid.
void check_escapable_mfa_deny(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    if (st.effect != Effect::Deny || !mentions_mfa(st)) continue;
    auto if_other_keys_match = analysis::condition_reach(st, Effect::Allow, {});
    auto as_written = analysis::condition_reach(st, Effect::Deny, {});
    bool would_protect = if_other_keys_match.long_term_keys || if_other_keys_match.session_without_mfa;
    bool protects = as_written.long_term_keys || as_written.session_without_mfa;
    if (!would_protect || protects || as_written.assumed_keys.empty()) continue;
    // An SCP's exceptions by principal are its scope, not an escape: MFA014 and MFA015 judge them.
    if (is_organization_policy(policy) &&
        std::all_of(as_written.assumed_keys.begin(), as_written.assumed_keys.end(), is_principal_key)) {
      continue;
    }
    std::string keys;
    for (const auto& key : as_written.assumed_keys) keys += (keys.empty() ? "" : ", ") + key;
    out.push_back(make_finding(
        "MFA009", policy, st, st.condition_loc.value_or(st.loc),
        fmt::format("this Deny requires MFA only when {} also match{}; a request that avoids {} escapes it",
                    keys, as_written.assumed_keys.size() == 1 ? "es" : "", as_written.assumed_keys.size() == 1 ? "it" : "them")));
  }
}

}  // namespace mfalint::checks
