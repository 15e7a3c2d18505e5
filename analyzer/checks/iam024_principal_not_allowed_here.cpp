#include "checks/check.h"

#include <fmt/core.h>

namespace mfalint::checks {
namespace {

using model::PolicyKind;

// The principal element a statement names, or null: Principal first, else NotPrincipal.
const model::Principal* named_principal(const model::Statement& st, std::string_view& element) {
  if (st.principal) {
    element = "Principal";
    return &*st.principal;
  }
  if (st.not_principal) {
    element = "NotPrincipal";
    return &*st.not_principal;
  }
  return nullptr;
}

void report(const model::Policy& policy, const model::Statement& st, const Location& loc, std::string message,
            std::string_view code, Findings& out) {
  out.push_back(with_code(make_finding("IAM024", policy, st, loc, std::move(message)), code));
}

}  // namespace

// IAM024: a Principal where the policy type takes none (identity and boundary policies, SCPs),
// one an RCP refuses (anything but "*"), a federated provider outside a role trust policy, or a
// resource or trust policy statement without one. IAM and Organizations refuse each of these.
void check_principal_not_allowed_here(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    std::string_view element;
    const model::Principal* principal = named_principal(st, element);
    switch (policy.kind) {
      case PolicyKind::Identity:
      case PolicyKind::Boundary:
        if (principal) {
          report(policy, st, principal->loc,
                 fmt::format("{} takes no \"{}\": it applies to the identity it is attached to; remove it",
                             policy.kind == PolicyKind::Identity ? "an identity policy" : "a permissions boundary",
                             element),
                 "UNSUPPORTED_PRINCIPAL", out);
        }
        break;
      case PolicyKind::ServiceControl:
        if (principal) {
          report(policy, st, principal->loc,
                 fmt::format("SCPs do not take \"{}\"; name principals with the aws:PrincipalArn condition key instead",
                             element),
                 "SCP_SYNTAX_ERROR_PRINCIPAL", out);
        }
        break;
      case PolicyKind::ResourceControl:
        if (st.not_principal) {
          report(policy, st, st.not_principal->loc,
                 "RCPs do not take \"NotPrincipal\"; use \"Principal\": \"*\" and conditions on the principal",
                 "RCP_SYNTAX_ERROR_PRINCIPAL", out);
        }
        if (st.principal && !st.principal->wildcard) {
          report(policy, st, st.principal->loc,
                 "RCPs take only \"Principal\": \"*\"; narrow the principals with conditions (aws:PrincipalOrgID, ...)",
                 "RCP_SYNTAX_ERROR_PRINCIPAL", out);
        }
        break;
      case PolicyKind::Resource:
        if (st.principal) {
          for (const auto& entry : st.principal->entries) {
            if (entry.type.value != "Federated") continue;
            report(policy, st, entry.type.loc,
                   "only a role trust policy takes a federated identity provider as principal; use an AWS or "
                   "service principal",
                   "FEDERATED_PRINCIPAL_NOT_SUPPORTED", out);
          }
        }
        [[fallthrough]];
      case PolicyKind::Trust:
        if (!principal) {
          report(policy, st, st.loc,
                 fmt::format("a {} statement must name its principals: add a \"Principal\" element",
                             policy.kind == PolicyKind::Trust ? "role trust policy" : "resource policy"),
                 "MISSING_PRINCIPAL", out);
        }
        break;
    }
  }
}

}  // namespace mfalint::checks
