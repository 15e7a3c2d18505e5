#include "catalog/text.h"
#include "checks/mfa_keys.h"

namespace mfalint::checks {

using namespace mfa;

namespace {

// AWS principals (accounts, users, roles, or "*") can call sts:AssumeRole with their own
// credentials; services and identity providers reach a role by other means and are not judged.
bool has_aws_principal(const model::Statement& st) {
  if (!st.principal) return false;
  if (st.principal->wildcard) return true;
  for (const auto& entry : st.principal->entries) {
    if (entry.type.value == "AWS") return true;
  }
  return false;
}

bool allows_assume_role(const model::Statement& st) {
  if (st.not_action) return true;  // NotAction in a trust policy covers sts:AssumeRole unless it names it
  if (!st.action) return false;
  for (const auto& action : st.action->items) {
    if (catalog::glob_matches(action.value, "sts:AssumeRole", true)) return true;
  }
  return false;
}

}  // namespace

// MFA010: a role trust policy lets AWS principals assume the role without MFA.
void check_trust_policy_without_mfa(const model::Policy& policy, Findings& out) {
  if (policy.kind != model::PolicyKind::Trust) return;
  for (const auto& st : policy.statements) {
    if (st.effect != Effect::Allow || !has_aws_principal(st) || !allows_assume_role(st)) continue;
    if (st.not_action) {
      bool names_assume = false;
      for (const auto& action : st.not_action->items) {
        names_assume = names_assume || catalog::glob_matches(action.value, "sts:AssumeRole", true);
      }
      if (names_assume) continue;
    }
    auto reach = analysis::condition_reach(st, Effect::Allow, {});
    if (!reach.long_term_keys && !reach.session_without_mfa) continue;
    std::string_view who = analysis::credentials_without_mfa(reach.long_term_keys, reach.session_without_mfa);
    Finding finding = make_finding(
        "MFA010", policy, st, st.principal->loc,
        fmt::format("AWS principals can assume this role with {}: the role's permissions are reachable without MFA",
                    who));
    finding.actions.written = {"sts:AssumeRole"};
    finding.fix = "\"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}";
    out.push_back(std::move(finding));
  }
}

}  // namespace mfalint::checks
