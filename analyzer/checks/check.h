#pragma once
// A check is a pure function of one policy (and the catalog): it reads the model and appends
// findings. Every check is listed once, in registry.cpp.

#include "core/finding.h"
#include "model/policy.h"

#include <span>
#include <string_view>

namespace mfalint::checks {

using CheckFn = void (*)(const model::Policy& policy, Findings& out);

struct Check {
  std::string_view name;  // what it checks, for --help and tests
  CheckFn run;
};

std::span<const Check> all_checks();

// Runs every registered check on `policy`.
void run_checks(const model::Policy& policy, Findings& out);

// Builds a finding for `rule` at `loc` in `policy`, with the rule's default severity.
Finding make_finding(std::string_view rule, const model::Policy& policy, const Location& loc, std::string message);
Finding make_finding(std::string_view rule, const model::Policy& policy, const model::Statement& statement,
                     const Location& loc, std::string message);

}  // namespace mfalint::checks
