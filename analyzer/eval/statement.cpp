#include "eval/statement.h"

#include "catalog/text.h"
#include "eval/arn.h"
#include "eval/condition.h"

namespace mfalint::eval {

bool variables_enabled(const model::Policy& policy) { return policy.version && policy.version->value == "2012-10-17"; }

namespace {

char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool action_matches(std::string_view pattern, std::string_view action) {
  // Most entries of a long Action list name another service: reject on the first letter, no call.
  if (!pattern.empty() && pattern[0] != '*' && pattern[0] != '?' &&
      (action.empty() || fold(pattern[0]) != fold(action[0]))) {
    return false;
  }
  return catalog::glob_matches(pattern, action, true);
}

bool statement_covers_action(const model::Statement& statement, std::string_view action) {
  if (statement.action) {
    for (const auto& item : statement.action->items) {
      if (action_matches(item.value, action)) return true;
    }
    return false;
  }
  if (statement.not_action) {
    for (const auto& item : statement.not_action->items) {
      if (action_matches(item.value, action)) return false;
    }
    return true;
  }
  return false;
}

bool statement_covers_resource(const model::Statement& statement, std::string_view resource, const Scope& scope) {
  if (statement.resource) {
    for (const auto& item : statement.resource->items) {
      if (resource_matches(item.value, resource, scope) == Match::Yes) return true;
    }
    return false;
  }
  if (statement.not_resource) {
    for (const auto& item : statement.not_resource->items) {
      if (resource_matches(item.value, resource, scope) != Match::No) return false;
    }
  }
  return true;
}

bool statement_applies(const model::Statement& statement, const Request& request, const Scope& scope) {
  return statement_covers_action(statement, request.action) &&
         statement_covers_resource(statement, request.resource, scope) &&
         conditions_hold(statement, request.context, scope);
}

}  // namespace mfalint::eval
