#include "input/limits.h"

#include <fmt/core.h>

namespace mfalint::input {
namespace {

std::optional<LimitExceeded> too_many(const JsonNode& node, size_t count, size_t limit, std::string_view what) {
  if (count <= limit) return std::nullopt;
  return LimitExceeded{fmt::format("{} {}, more than the limit of {}: the policy is not analyzed", count, what, limit),
                       node.begin};
}

// A condition's values are an object of operators, each an object of keys, each a value or a list.
std::optional<LimitExceeded> condition_over_limit(const JsonNode& condition) {
  if (!condition.is_object()) return std::nullopt;
  for (const auto& block : condition.items) {
    if (!block.is_object()) continue;
    for (const auto& values : block.items) {
      if (!values.is_array()) continue;
      if (auto over = too_many(values, values.items.size(), kMaxConditionValues, "values for one condition key")) return over;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<LimitExceeded> exceeded_limit(const JsonNode& policy) {
  const JsonNode* statements = policy.is_object() ? policy.find("Statement") : nullptr;
  if (!statements) return std::nullopt;
  if (!statements->is_array()) {
    const JsonNode* condition = statements->is_object() ? statements->find("Condition") : nullptr;
    return condition ? condition_over_limit(*condition) : std::nullopt;
  }
  if (auto over = too_many(*statements, statements->items.size(), kMaxStatements, "statements")) return over;
  for (const auto& statement : statements->items) {
    const JsonNode* condition = statement.is_object() ? statement.find("Condition") : nullptr;
    if (!condition) continue;
    if (auto over = condition_over_limit(*condition)) return over;
  }
  return std::nullopt;
}

}  // namespace mfalint::input
