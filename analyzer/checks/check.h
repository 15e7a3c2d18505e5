#pragma once
// A check is a pure function of one policy (and the catalog): it reads the model and appends
// findings. Every check is listed once, in registry.cpp.

#include "core/finding.h"
#include "model/policy.h"
#include "model/policy_finding.h"  // make_finding, for every check

#include <span>
#include <string_view>

namespace mfalint::checks {

using model::make_finding;
using model::with_code;

using CheckFn = void (*)(const model::Policy& policy, Findings& out);

struct Check {
  std::string_view rules;  // the ids of the rules it reports, space-separated: "IAM007 IAM008"
  CheckFn run;
};

std::span<const Check> all_checks();

// Whether `match(block, entry)` holds for some entry of the statement's Condition: the question
// most condition checks ask of a statement ("does it test this key?", "with this operator?").
template <class Match>
bool any_condition_entry(const model::Statement& st, Match match) {
  for (const auto& block : st.conditions) {
    for (const auto& entry : block.entries) {
      if (match(block, entry)) return true;
    }
  }
  return false;
}

// Runs every registered check on `policy`.
void run_checks(const model::Policy& policy, Findings& out);

}  // namespace mfalint::checks
