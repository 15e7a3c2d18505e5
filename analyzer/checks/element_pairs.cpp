#include "checks/check.h"

#include <fmt/core.h>

namespace mfalint::checks {

// IAM007: exactly one of Action/NotAction; IAM008: exactly one of Resource/NotResource, except in
// role trust policies, whose statements name no resource.
void check_element_pairs(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    if (st.action && st.not_action) {
      out.push_back(with_code(make_finding("IAM007", policy, st, st.not_action->loc,
                                           "statement has both \"Action\" and \"NotAction\"; use one"),
                              "UNSUPPORTED_ELEMENT_COMBINATION"));
    } else if (!st.action && !st.not_action) {
      out.push_back(with_code(
          make_finding("IAM007", policy, st, st.loc, "statement has neither \"Action\" nor \"NotAction\""),
          "MISSING_ACTION"));
    }
    if (st.resource && st.not_resource) {
      out.push_back(with_code(make_finding("IAM008", policy, st, st.not_resource->loc,
                                           "statement has both \"Resource\" and \"NotResource\"; use one"),
                              "UNSUPPORTED_ELEMENT_COMBINATION"));
    } else if (!st.resource && !st.not_resource && policy.kind != model::PolicyKind::Trust) {
      out.push_back(with_code(
          make_finding("IAM008", policy, st, st.loc, "statement has neither \"Resource\" nor \"NotResource\""),
          "MISSING_RESOURCE"));
    }
  }
}

}  // namespace mfalint::checks
