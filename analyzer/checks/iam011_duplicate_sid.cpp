#include "checks/check.h"

#include <fmt/core.h>

#include <unordered_map>

namespace mfalint::checks {

// IAM011: IAM requires Sid values to be unique within a policy.
void check_duplicate_sid(const model::Policy& policy, Findings& out) {
  std::unordered_map<std::string, const model::Text*> seen;
  for (const auto& st : policy.statements) {
    if (!st.sid || st.sid->value.empty()) continue;
    auto [it, inserted] = seen.emplace(st.sid->value, &*st.sid);
    if (!inserted) {
      out.push_back(make_finding(
          "IAM011", policy, st, st.sid->loc,
          fmt::format("duplicate Sid \"{}\" (first at line {}): Sids must be unique in a policy", st.sid->value,
                      it->second->loc.line)));
    }
  }
}

}  // namespace mfalint::checks
