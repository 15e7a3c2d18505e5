#pragma once
// Whether one statement applies to a request: its Action/NotAction, Resource/NotResource and
// Condition. Principal and Effect are the decision's business (decision.h).

#include "eval/context.h"
#include "eval/match.h"
#include "model/policy.h"

#include <string_view>

namespace mfalint::eval {

// Policy variables are substituted only under Version "2012-10-17".
bool variables_enabled(const model::Policy& policy);
inline Scope scope_for(const model::Policy& policy, const Context& context) {
  return Scope{&context, variables_enabled(policy)};
}

// "s3:Get*" against "s3:GetObject": case-insensitive, `*` and `?`.
bool action_matches(std::string_view pattern, std::string_view action);
// Action lists the action, or NotAction does not; false when the statement has neither.
bool statement_covers_action(const model::Statement& statement, std::string_view action);
// Resource lists the resource, or NotResource does not; true when the statement has neither
// (trust policies). An entry with an unresolvable variable matches nothing, and a NotResource
// holding one makes the statement not apply: AWS calls such a statement invalid.
bool statement_covers_resource(const model::Statement& statement, std::string_view resource, const Scope& scope);

// Action, resource and conditions.
bool statement_applies(const model::Statement& statement, const Request& request, const Scope& scope);

}  // namespace mfalint::eval
