#pragma once
// A finding about a policy: every layer that judges policies (the checks, the MFA analysis, the
// loaders' own grammar findings) builds its findings here, with the rule's default severity.

#include "core/finding.h"
#include "model/policy.h"

#include <string>
#include <string_view>

namespace mfalint::model {

// A finding for `rule` at `loc` in `policy`, with the rule's default severity.
Finding make_finding(std::string_view rule, const Policy& policy, const Location& loc, std::string message);
Finding make_finding(std::string_view rule, const Policy& policy, const Statement& statement, const Location& loc,
                     std::string message);

// `finding` as the Access Analyzer check `code`: for a rule that covers several.
Finding with_code(Finding finding, std::string_view code);

}  // namespace mfalint::model
