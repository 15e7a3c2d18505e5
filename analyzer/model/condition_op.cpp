#include "model/policy.h"

#include <array>
#include <string_view>

namespace mfalint::model {
namespace {

struct OpInfo {
  std::string_view name;
  ConditionOp op;
  OperatorFamily family;
  bool negated;
};

constexpr std::array kOps = {
    OpInfo{"StringEquals", ConditionOp::StringEquals, OperatorFamily::String, false},
    OpInfo{"StringNotEquals", ConditionOp::StringNotEquals, OperatorFamily::String, true},
    OpInfo{"StringEqualsIgnoreCase", ConditionOp::StringEqualsIgnoreCase, OperatorFamily::String, false},
    OpInfo{"StringNotEqualsIgnoreCase", ConditionOp::StringNotEqualsIgnoreCase, OperatorFamily::String, true},
    OpInfo{"StringLike", ConditionOp::StringLike, OperatorFamily::String, false},
    OpInfo{"StringNotLike", ConditionOp::StringNotLike, OperatorFamily::String, true},
    OpInfo{"NumericEquals", ConditionOp::NumericEquals, OperatorFamily::Numeric, false},
    OpInfo{"NumericNotEquals", ConditionOp::NumericNotEquals, OperatorFamily::Numeric, true},
    OpInfo{"NumericLessThan", ConditionOp::NumericLessThan, OperatorFamily::Numeric, false},
    OpInfo{"NumericLessThanEquals", ConditionOp::NumericLessThanEquals, OperatorFamily::Numeric, false},
    OpInfo{"NumericGreaterThan", ConditionOp::NumericGreaterThan, OperatorFamily::Numeric, false},
    OpInfo{"NumericGreaterThanEquals", ConditionOp::NumericGreaterThanEquals, OperatorFamily::Numeric, false},
    OpInfo{"DateEquals", ConditionOp::DateEquals, OperatorFamily::Date, false},
    OpInfo{"DateNotEquals", ConditionOp::DateNotEquals, OperatorFamily::Date, true},
    OpInfo{"DateLessThan", ConditionOp::DateLessThan, OperatorFamily::Date, false},
    OpInfo{"DateLessThanEquals", ConditionOp::DateLessThanEquals, OperatorFamily::Date, false},
    OpInfo{"DateGreaterThan", ConditionOp::DateGreaterThan, OperatorFamily::Date, false},
    OpInfo{"DateGreaterThanEquals", ConditionOp::DateGreaterThanEquals, OperatorFamily::Date, false},
    OpInfo{"Bool", ConditionOp::Bool, OperatorFamily::Bool, false},
    OpInfo{"BinaryEquals", ConditionOp::BinaryEquals, OperatorFamily::Binary, false},
    OpInfo{"IpAddress", ConditionOp::IpAddress, OperatorFamily::Ip, false},
    OpInfo{"NotIpAddress", ConditionOp::NotIpAddress, OperatorFamily::Ip, true},
    OpInfo{"ArnEquals", ConditionOp::ArnEquals, OperatorFamily::Arn, false},
    OpInfo{"ArnNotEquals", ConditionOp::ArnNotEquals, OperatorFamily::Arn, true},
    OpInfo{"ArnLike", ConditionOp::ArnLike, OperatorFamily::Arn, false},
    OpInfo{"ArnNotLike", ConditionOp::ArnNotLike, OperatorFamily::Arn, true},
    OpInfo{"Null", ConditionOp::Null, OperatorFamily::Null, false},
};

const OpInfo* info(ConditionOp op) {
  for (const auto& entry : kOps) {
    if (entry.op == op) return &entry;
  }
  return nullptr;
}

}  // namespace

ConditionOp parse_condition_op(std::string_view base_name) {
  for (const auto& entry : kOps) {
    if (entry.name == base_name) return entry.op;
  }
  return ConditionOp::Unknown;
}

std::string_view condition_op_name(ConditionOp op) {
  const OpInfo* entry = info(op);
  return entry ? entry->name : std::string_view("Unknown");
}

OperatorFamily operator_family(ConditionOp op) {
  const OpInfo* entry = info(op);
  return entry ? entry->family : OperatorFamily::Unknown;
}

bool is_negated(ConditionOp op) {
  const OpInfo* entry = info(op);
  return entry && entry->negated;
}

}  // namespace mfalint::model
