#include "eval/condition.h"

#include "catalog/text.h"
#include "eval/compare.h"

namespace mfalint::eval {
namespace {

using model::ConditionOp;
using model::SetQualifier;

// Null: "true" asks for an absent key, "false" for a present one.
bool null_holds(const model::ConditionEntry& entry, bool present) {
  for (const auto& value : entry.values) {
    if (catalog::equals_lower(value.text, present ? "false" : "true")) return true;
  }
  return false;
}

}  // namespace

bool value_holds(ConditionOp op, std::string_view request_value, const std::vector<model::ConditionValue>& values,
                 const Scope& scope) {
  ConditionOp positive = positive_form(op);
  if (positive == op) {
    for (const auto& value : values) {
      if (compare_value(op, request_value, value.text, scope) == Match::Yes) return true;
    }
    return false;
  }
  for (const auto& value : values) {
    if (compare_value(positive, request_value, value.text, scope) != Match::No) return false;
  }
  return true;
}

bool entry_holds(const model::ConditionBlock& block, const model::ConditionEntry& entry, const ContextEntry* key,
                 const Scope& scope) {
  if (block.op == ConditionOp::Null) return null_holds(entry, key != nullptr);
  if (block.op == ConditionOp::Unknown) return false;
  if (!key) {
    switch (block.qualifier) {
      case SetQualifier::ForAllValues: return true;
      case SetQualifier::ForAnyValue: return block.if_exists;
      case SetQualifier::None: return block.if_exists || model::is_negated(block.op);
    }
  }
  switch (block.qualifier) {
    case SetQualifier::None:
      return !key->multi && key->values.size() == 1 && value_holds(block.op, key->values.front(), entry.values, scope);
    case SetQualifier::ForAllValues:
      for (const auto& value : key->values) {
        if (!value_holds(block.op, value, entry.values, scope)) return false;
      }
      return true;
    case SetQualifier::ForAnyValue:
      for (const auto& value : key->values) {
        if (value_holds(block.op, value, entry.values, scope)) return true;
      }
      return false;
  }
  return false;
}

bool entry_holds_for_values(const model::ConditionBlock& block, const model::ConditionEntry& entry,
                            const std::vector<std::string>& values) {
  ContextEntry key{entry.key.value, {}, values, values.size() > 1};
  return entry_holds(block, entry, &key, Scope{});
}

bool block_holds(const model::ConditionBlock& block, const Context& context, const Scope& scope) {
  for (const auto& entry : block.entries) {
    if (!entry_holds(block, entry, context.find(entry.key.value), scope)) return false;
  }
  return true;
}

bool conditions_hold(const model::Statement& statement, const Context& context, const Scope& scope) {
  for (const auto& block : statement.conditions) {
    if (!block_holds(block, context, scope)) return false;
  }
  return true;
}

}  // namespace mfalint::eval
