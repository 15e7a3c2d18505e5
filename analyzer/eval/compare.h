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

// Whether compare_value can read `policy_value` as a value of `op`'s type (with the same parsers):
// false when every comparison with it is Invalid. A Bool value holding a policy variable counts as
// readable, since the variable is substituted at request time; the Numeric, Date and IP operators
// substitute none. String and BinaryEquals (which compares the base-64 texts) read anything; Null
// reads "true" and "false"; ArnEquals and ArnLike need the six components of an ARN.
bool policy_value_readable(model::ConditionOp op, std::string_view policy_value);

}  // namespace mfalint::eval
