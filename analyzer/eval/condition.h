#pragma once
// The Condition element against a request, as AWS documents it: operator blocks are ANDed, keys
// within a block ANDed, the values for one key ORed (for a negated operator: none may match).
// A key absent from the request makes every operator false except Null, the ...IfExists forms
// and the negated operators (true), and ForAllValues (true); ForAnyValue is false unless
// ...IfExists. A multivalued key needs ForAllValues/ForAnyValue: a plain operator on one is false.

#include "eval/context.h"
#include "eval/match.h"
#include "model/policy.h"

#include <string>
#include <string_view>
#include <vector>

namespace mfalint::eval {

// One request value against the entry's policy values under `op` (negated or not).
bool value_holds(model::ConditionOp op, std::string_view request_value, const std::vector<model::ConditionValue>& values,
                 const Scope& scope);

// One key of one operator block; `key` is the request's entry for it, or null when absent.
bool entry_holds(const model::ConditionBlock& block, const model::ConditionEntry& entry, const ContextEntry* key,
                 const Scope& scope);

// The key's values fixed by the caller (present; multivalued when more than one); no variables.
// What `--assume` fixes.
bool entry_holds_for_values(const model::ConditionBlock& block, const model::ConditionEntry& entry,
                            const std::vector<std::string>& values);

bool block_holds(const model::ConditionBlock& block, const Context& context, const Scope& scope);
bool conditions_hold(const model::Statement& statement, const Context& context, const Scope& scope);

}  // namespace mfalint::eval
