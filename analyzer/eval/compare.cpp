#include "eval/compare.h"

#include "catalog/text.h"
#include "eval/arn.h"
#include "eval/date.h"
#include "eval/ip.h"

#include <charconv>

namespace mfalint::eval {
namespace {

using model::ConditionOp;

Match of(bool value) { return value ? Match::Yes : Match::No; }

// "true" or "false" in any case; the policy side may be a variable.
std::optional<bool> parse_bool(std::string_view text, const Scope& scope) {
  GlobOptions exact{false, true};
  if (glob_match(text, "true", scope, exact) == Match::Yes) return true;
  if (glob_match(text, "false", scope, exact) == Match::Yes) return false;
  return std::nullopt;
}

template <typename T>
Match ordered(ConditionOp op, T request, T policy) {
  switch (op) {
    case ConditionOp::NumericEquals:
    case ConditionOp::DateEquals: return of(request == policy);
    case ConditionOp::NumericLessThan:
    case ConditionOp::DateLessThan: return of(request < policy);
    case ConditionOp::NumericLessThanEquals:
    case ConditionOp::DateLessThanEquals: return of(request <= policy);
    case ConditionOp::NumericGreaterThan:
    case ConditionOp::DateGreaterThan: return of(request > policy);
    case ConditionOp::NumericGreaterThanEquals:
    case ConditionOp::DateGreaterThanEquals: return of(request >= policy);
    default: return Match::Invalid;
  }
}

}  // namespace

ConditionOp positive_form(ConditionOp op) {
  switch (op) {
    case ConditionOp::StringNotEquals: return ConditionOp::StringEquals;
    case ConditionOp::StringNotEqualsIgnoreCase: return ConditionOp::StringEqualsIgnoreCase;
    case ConditionOp::StringNotLike: return ConditionOp::StringLike;
    case ConditionOp::NumericNotEquals: return ConditionOp::NumericEquals;
    case ConditionOp::DateNotEquals: return ConditionOp::DateEquals;
    case ConditionOp::NotIpAddress: return ConditionOp::IpAddress;
    case ConditionOp::ArnNotEquals: return ConditionOp::ArnEquals;
    case ConditionOp::ArnNotLike: return ConditionOp::ArnLike;
    default: return op;
  }
}

std::optional<double> parse_number(std::string_view text) {
  size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
  size_t digits = 0, dot = 0;
  for (size_t j = i; j < text.size(); ++j) {
    if (text[j] >= '0' && text[j] <= '9') {
      ++digits;
    } else if (text[j] == '.' && dot == 0 && digits > 0 && j + 1 < text.size()) {
      dot = j;
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0) return std::nullopt;
  double value = 0;
  auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

bool policy_value_readable(ConditionOp op, std::string_view policy_value) {
  switch (positive_form(op)) {
    case ConditionOp::NumericEquals:
    case ConditionOp::NumericLessThan:
    case ConditionOp::NumericLessThanEquals:
    case ConditionOp::NumericGreaterThan:
    case ConditionOp::NumericGreaterThanEquals: return parse_number(policy_value).has_value();
    case ConditionOp::DateEquals:
    case ConditionOp::DateLessThan:
    case ConditionOp::DateLessThanEquals:
    case ConditionOp::DateGreaterThan:
    case ConditionOp::DateGreaterThanEquals: return parse_date(policy_value).has_value();
    case ConditionOp::Bool:
      return policy_value.find("${") != std::string_view::npos || parse_bool(policy_value, Scope{}).has_value();
    case ConditionOp::IpAddress: return parse_cidr(policy_value).has_value();
    case ConditionOp::ArnEquals:
    case ConditionOp::ArnLike: return split_arn(policy_value).has_value();
    case ConditionOp::Null: return catalog::equals_lower(policy_value, "true") || catalog::equals_lower(policy_value, "false");
    default: return true;
  }
}

Match compare_value(ConditionOp op, std::string_view request_value, std::string_view policy_value,
                    const Scope& scope) {
  switch (op) {
    case ConditionOp::StringEquals: return glob_match(policy_value, request_value, scope, {false, false});
    case ConditionOp::StringEqualsIgnoreCase: return glob_match(policy_value, request_value, scope, {false, true});
    case ConditionOp::StringLike: return glob_match(policy_value, request_value, scope, {true, false});
    case ConditionOp::NumericEquals:
    case ConditionOp::NumericLessThan:
    case ConditionOp::NumericLessThanEquals:
    case ConditionOp::NumericGreaterThan:
    case ConditionOp::NumericGreaterThanEquals: {
      auto request = parse_number(request_value);
      auto policy = parse_number(policy_value);
      if (!request || !policy) return Match::Invalid;
      return ordered(op, *request, *policy);
    }
    case ConditionOp::DateEquals:
    case ConditionOp::DateLessThan:
    case ConditionOp::DateLessThanEquals:
    case ConditionOp::DateGreaterThan:
    case ConditionOp::DateGreaterThanEquals: {
      auto request = parse_date(request_value);
      auto policy = parse_date(policy_value);
      if (!request || !policy) return Match::Invalid;
      return ordered(op, *request, *policy);
    }
    case ConditionOp::Bool: {
      if (has_unresolved_variable(policy_value, scope)) return Match::Invalid;
      auto request = parse_bool(request_value, Scope{});
      auto policy = parse_bool(policy_value, scope);
      if (!request || !policy) return Match::Invalid;
      return of(*request == *policy);
    }
    case ConditionOp::BinaryEquals: return of(request_value == policy_value);
    case ConditionOp::IpAddress: {
      auto range = parse_cidr(policy_value);
      auto address = parse_ip(request_value);
      if (!range || !address) return Match::Invalid;
      return of(in_range(*address, *range));
    }
    case ConditionOp::ArnEquals:
    case ConditionOp::ArnLike: return arn_like(policy_value, request_value, scope);
    default: return Match::Invalid;
  }
}

}  // namespace mfalint::eval
