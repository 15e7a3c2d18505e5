#include "checks/check.h"
#include "eval/compare.h"

#include <fmt/core.h>

#include <string_view>

namespace mfalint::checks {
namespace {

using model::OperatorFamily;
using model::ValueKind;

// What `value` should have been for the operator, or empty when the evaluator reads it: IAM015
// fires exactly where eval::compare_value finds a value of the wrong type.
std::string_view problem(model::ConditionOp op, const model::ConditionValue& value) {
  if (value.kind == ValueKind::Null || value.kind == ValueKind::Other) return "a value";
  if (eval::policy_value_readable(op, value.text)) return {};
  switch (model::operator_family(op)) {
    case OperatorFamily::Numeric: return "a number";
    case OperatorFamily::Bool:
    case OperatorFamily::Null: return "\"true\" or \"false\"";
    case OperatorFamily::Date: return "an ISO 8601 date or epoch seconds";
    case OperatorFamily::Ip: return "an IPv4 or IPv6 address or CIDR block";
    case OperatorFamily::Arn: return "an ARN (six colon-separated parts)";
    case OperatorFamily::String:
    case OperatorFamily::Binary:
    case OperatorFamily::Unknown: return {};
  }
  return {};
}

std::string_view issue_code(OperatorFamily family) {
  switch (family) {
    case OperatorFamily::Numeric: return "TYPE_MISMATCH_NUMBER";
    case OperatorFamily::Bool:
    case OperatorFamily::Null: return "TYPE_MISMATCH_BOOLEAN";
    case OperatorFamily::Date: return "TYPE_MISMATCH_DATE";
    case OperatorFamily::Ip: return "TYPE_MISMATCH_IP_RANGE";
    case OperatorFamily::Binary:  // read as text: IAM032 says when it is not base 64
    case OperatorFamily::Arn:     // Access Analyzer has no code for a malformed ARN value
    case OperatorFamily::String:
    case OperatorFamily::Unknown: return {};
  }
  return {};
}

}  // namespace

// IAM015: a condition value that cannot be of the operator's type never matches.
void check_condition_value_type(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    for (const auto& block : st.conditions) {
      for (const auto& entry : block.entries) {
        for (const auto& value : entry.values) {
          auto expected = problem(block.op, value);
          if (expected.empty()) continue;
          Finding finding = make_finding("IAM015", policy, st, value.loc,
                                         fmt::format("\"{}\" for {} under {} is not {}: the condition never matches",
                                                     value.text, entry.key.value, block.op_text.value, expected));
          finding.aws_issue_code = issue_code(model::operator_family(block.op));
          out.push_back(std::move(finding));
        }
      }
    }
  }
}

}  // namespace mfalint::checks
