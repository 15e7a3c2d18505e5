#include "checks/mfa_keys.h"

#include "catalog/text.h"
#include "eval/context.h"

namespace mfalint::checks {

using namespace mfa;

namespace {

// Whether an ARN pattern's principal part can match roles or users of any name: "*", "role/*",
// "user/*abc". AWS's service roles live under paths people's roles do not use.
bool matches_any_name(std::string_view pattern) {
  size_t colons = 0, at = 0;
  for (; at < pattern.size() && colons < 5; ++at) colons += pattern[at] == ':' ? 1 : 0;
  std::string_view part = colons == 5 ? pattern.substr(at) : pattern;
  if (part.empty() || part.front() == '*' || part.front() == '?') return true;
  for (std::string_view prefix : {"role/", "user/"}) {
    if (!part.starts_with(prefix)) continue;
    std::string_view rest = part.substr(prefix.size());
    if (rest.starts_with("service-role/") || rest.starts_with("aws-service-role/")) return false;
    return rest.empty() || rest.front() == '*' || rest.front() == '?';
  }
  return false;
}

}  // namespace

// MFA015: an SCP's MFA guard exempts principals by an aws:PrincipalArn pattern that matches roles
// (or users) of any name, people's included: they are let through without MFA.
void check_mfa_guard_exception_matches_people(const model::Policy& policy, Findings& out) {
  if (policy.kind != model::PolicyKind::ServiceControl) return;
  for (const auto& st : policy.statements) {
    if (st.effect != Effect::Deny || !mentions_mfa(st)) continue;
    for (const auto& block : st.conditions) {
      if (!model::is_negated(block.op)) continue;
      for (const auto& entry : block.entries) {
        if (!catalog::equals_lower(entry.key.value, "aws:PrincipalArn")) continue;
        for (const auto& value : entry.values) {
          if (!matches_any_name(value.text)) continue;
          out.push_back(make_finding(
              "MFA015", policy, st, value.loc,
              fmt::format("the MFA guard's exception \"{}\" matches roles of any name, people's too: every principal "
                          "it matches is let through without MFA",
                          value.text)));
        }
      }
    }
  }
}

}  // namespace mfalint::checks
