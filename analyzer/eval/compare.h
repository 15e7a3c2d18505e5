#pragma once
// One request value against one policy value, per condition operator. Negated operators
// (StringNotEquals, NotIpAddress, ...) compare as their positive form; the caller negates
// (condition.h), because a negated operator is true only when no policy value matches.

#include "eval/match.h"
#include "model/policy.h"

#include <optional>
#include <string_view>

namespace mfalint::eval {

// StringNotEquals -> StringEquals, NotIpAddress -> IpAddress, ...; others unchanged.
model::ConditionOp positive_form(model::ConditionOp op);

// `op` in positive form; Null and Unknown are not value comparisons and give Invalid.
// Policy variables are substituted (from `scope`) only for the String, Bool and Arn operators.
Match compare_value(model::ConditionOp op, std::string_view request_value, std::string_view policy_value,
                    const Scope& scope);

// An integer or decimal as AWS writes them ("600", "-1", "0.5"); nothing else.
std::optional<double> parse_number(std::string_view text);

}  // namespace mfalint::eval
