#pragma once
// Whether a wildcard in a policy value is the user's, for the checks that judge wildcards.

#include "catalog/text.h"
#include "model/policy.h"

#include <string_view>

namespace mfalint::checks {

// Whether the wildcard in a value at `loc` was written by the user. A Terraform value the module
// does not determine reads as "*", and a deploy-time placeholder ("${AWS::AccountId}", Terraform
// interpolation) stands where the real value goes: neither is the user's wildcard.
inline bool wildcard_written(const model::Policy& policy, const Location& loc) {
  if (!policy.source || loc.end_offset <= loc.offset || loc.end_offset > policy.source->text().size()) return true;
  std::string_view written = std::string_view(policy.source->text()).substr(loc.offset, loc.end_offset - loc.offset);
  return written.find("${") == std::string_view::npos && catalog::has_wildcard(written);
}

}  // namespace mfalint::checks
