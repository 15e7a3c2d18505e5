#include "checks/check.h"

#include <fmt/core.h>

#include <unordered_map>

namespace mfalint::checks {

// IAM011: a Sid used twice. Resource policies and organization policies must have unique Sids
// (the service refuses the policy); IAM accepts duplicates in identity policies, where they only
// confuse.
void check_duplicate_sid(const model::Policy& policy, Findings& out) {
  std::unordered_map<std::string, const model::Text*> seen;
  for (const auto& st : policy.statements) {
    if (!st.sid || st.sid->value.empty()) continue;
    auto [it, inserted] = seen.emplace(st.sid->value, &*st.sid);
    if (!inserted) {
      bool required = policy.kind == model::PolicyKind::Resource || policy.kind == model::PolicyKind::ServiceControl ||
                      policy.kind == model::PolicyKind::ResourceControl;
      Finding finding = make_finding(
          "IAM011", policy, st, st.sid->loc,
          fmt::format("duplicate Sid \"{}\" (first at line {}): {}", st.sid->value, it->second->loc.line,
                      required ? "this type of policy must have unique Sids" : "make each statement's Sid unique"));
      finding.aws_issue_code = required ? "UNIQUE_SIDS_REQUIRED" : "UNIQUE_SIDS_RECOMMENDED";
      if (!required) finding.severity = Severity::Warning;
      out.push_back(std::move(finding));
    }
  }
}

}  // namespace mfalint::checks
