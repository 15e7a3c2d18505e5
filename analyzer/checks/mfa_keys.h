#pragma once
// Helpers shared by the MFA condition checks (mfa00*.cpp).

#include "analysis/mfa_reach.h"
#include "catalog/text.h"
#include "checks/check.h"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace mfalint::checks::mfa {

using analysis::is_mfa_age_key;
using analysis::is_mfa_present_key;
using model::ConditionOp;
using model::Effect;
using model::OperatorFamily;

// Whether one of the entry's values is `text`, ignoring case ("TRUE" is "true" to IAM).
inline bool has_value(const model::ConditionEntry& entry, std::string_view text) {
  return std::any_of(entry.values.begin(), entry.values.end(), [&](const model::ConditionValue& v) {
    return catalog::equals_lower(v.text, text);
  });
}

inline bool is_mfa_key(std::string_view key) { return is_mfa_age_key(key) || is_mfa_present_key(key); }

inline bool mentions_mfa(const model::Statement& st) {
  return any_condition_entry(st, [](const auto&, const model::ConditionEntry& entry) { return is_mfa_key(entry.key.value); });
}

// Calls `visit(block, entry)` for every condition entry on an MFA key.
template <typename Visit>
void for_each_mfa_entry(const model::Statement& st, Visit visit) {
  for (const auto& block : st.conditions) {
    for (const auto& entry : block.entries) {
      if (is_mfa_key(entry.key.value)) visit(block, entry);
    }
  }
}

// Keys that name who makes the request: fixed by the principal, so a request cannot avoid them.
// An SCP guard's exceptions for service roles are written with them.
inline bool is_principal_key(std::string_view key) {
  auto starts = [&](std::string_view prefix) { return catalog::starts_with_lower(key, prefix); };
  return starts("aws:Principal") || starts("aws:userid") || starts("aws:username");
}

inline bool is_organization_policy(const model::Policy& policy) {
  return policy.kind == model::PolicyKind::ServiceControl || policy.kind == model::PolicyKind::ResourceControl;
}

inline std::string with_if_exists(const model::ConditionBlock& block) {
  return fmt::format("\"{}IfExists\"", block.op_text.value);
}

}  // namespace mfalint::checks::mfa
