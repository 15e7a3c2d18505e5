#pragma once
// The largest policy mfalint analyzes. IAM's quotas keep real policies far below these (a managed
// policy holds 6,144 characters, the largest resource policies 32 KiB); the limits bound the work a
// generated or hostile file can cause, since the MFA analysis compares every Deny of a policy
// with every Allow and splits MFA ages at every condition value.

#include "core/json_tree.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace mfalint::input {

inline constexpr size_t kMaxStatements = 5000;       // in one policy
inline constexpr size_t kMaxConditionValues = 5000;  // for one condition key

struct LimitExceeded {
  std::string message;  // "6000 statements, more than the limit of 5000: the policy is not analyzed"
  uint32_t offset;      // where the element that is too large starts
};

std::optional<LimitExceeded> exceeded_limit(const JsonNode& policy);

}  // namespace mfalint::input
