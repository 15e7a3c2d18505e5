#pragma once
// The policy model every input adapter produces and every analysis reads. It keeps what the user
// wrote (single string vs array, the operator's raw text) and where each value sits.

#include "core/location.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mfalint::model {

struct Text {
  std::string value;
  Location loc;
};

struct TextList {
  std::vector<Text> items;
  bool is_array = false;  // ["a"] vs "a"
  Location loc;
  // Action and NotAction: the catalog action each item names, looked up once by the builder for
  // the checks and the analysis both (kNotAnAction for a pattern or an unknown name). Empty in
  // other lists; named_action looks an item up itself then.
  std::vector<uint16_t> action_ids;
};

inline constexpr uint16_t kNotAnAction = 0xffff;

// The catalog action that item `i` of an Action or NotAction list names, if it names one.
std::optional<uint32_t> named_action(const TextList& list, size_t i);

enum class Effect : uint8_t { Allow, Deny };

// "Principal": "*" or {"AWS": ..., "Service": ..., "Federated": ..., "CanonicalUser": ...}
struct PrincipalEntry {
  Text type;  // "AWS", "Service", ...
  TextList values;
};
struct Principal {
  bool wildcard = false;  // the bare string "*"
  std::vector<PrincipalEntry> entries;
  Location loc;
};

enum class ConditionOp : uint8_t {
  StringEquals, StringNotEquals, StringEqualsIgnoreCase, StringNotEqualsIgnoreCase,
  StringLike, StringNotLike,
  NumericEquals, NumericNotEquals, NumericLessThan, NumericLessThanEquals,
  NumericGreaterThan, NumericGreaterThanEquals,
  DateEquals, DateNotEquals, DateLessThan, DateLessThanEquals, DateGreaterThan, DateGreaterThanEquals,
  Bool, BinaryEquals, IpAddress, NotIpAddress,
  ArnEquals, ArnNotEquals, ArnLike, ArnNotLike,
  Null,
  Unknown,
};

enum class OperatorFamily : uint8_t { String, Numeric, Date, Bool, Binary, Ip, Arn, Null, Unknown };

enum class SetQualifier : uint8_t { None, ForAllValues, ForAnyValue };

enum class ValueKind : uint8_t { String, Number, Bool, Null, Other };

struct ConditionValue {
  std::string text;  // as written: a number keeps its digits, a bool is "true"/"false"
  ValueKind kind = ValueKind::String;
  Location loc;
};

// One key inside an operator block: "aws:MultiFactorAuthAge": ["600"]
struct ConditionEntry {
  Text key;
  std::vector<ConditionValue> values;
  bool is_array = false;
  Location loc;
};

// One operator block: "ForAnyValue:StringLikeIfExists": {...}
struct ConditionBlock {
  Text op_text;  // the raw operator text
  ConditionOp op = ConditionOp::Unknown;
  SetQualifier qualifier = SetQualifier::None;
  bool if_exists = false;
  std::vector<ConditionEntry> entries;
  Location loc;
};

struct Statement {
  uint32_t index = 0;
  std::optional<Text> sid;
  std::optional<Effect> effect;  // empty when missing or invalid (a finding says which)
  std::optional<Principal> principal, not_principal;
  std::optional<TextList> action, not_action, resource, not_resource;
  std::vector<ConditionBlock> conditions;
  std::optional<Location> condition_loc;  // where "Condition" is, when present
  Location loc;
};

// What kind of policy a document is, as far as its input tells.
enum class PolicyKind : uint8_t { Identity, Resource, Trust, Boundary, ServiceControl, ResourceControl };

// "identity", "resource", "trust", "boundary", "scp", "rcp": the names of `--policy-type` and of
// a finding's `policy_type`.
std::string_view policy_type_name(PolicyKind kind);
std::optional<PolicyKind> parse_policy_type(std::string_view name);

// Which IAM size quota applies, when the input tells.
enum class SizeQuota : uint8_t { None, Managed, InlineUser, InlineRole, InlineGroup, TrustPolicy };

struct Policy {
  std::optional<Text> version, id;
  std::vector<Statement> statements;
  bool statement_is_array = false;
  Location loc;
  PolicyKind kind = PolicyKind::Identity;
  bool kind_stated = false;  // the input says the kind (a template's resource type); else it is guessed
  // The resource a resource policy is attached to, as CloudFormation names its type
  // ("AWS::S3::Bucket"), when the input or `--resource-type` says it.
  std::string resource_type;
  SizeQuota quota = SizeQuota::None;
  uint32_t size_without_whitespace = 0;  // characters outside JSON strings that are not white space, plus string contents
  std::string context;  // where the policy came from inside its file ("PolicyVersion.Document", a logical id)
  // How a template's conditions turn out for this policy ("IsProduction: false"); empty when its
  // resource uses none (see docs/inputs.md, Fn::If).
  std::string branch;
  std::shared_ptr<const SourceFile> source;
};

ConditionOp parse_condition_op(std::string_view base_name);  // "StringEquals" -> StringEquals; Unknown else
std::string_view condition_op_name(ConditionOp op);
OperatorFamily operator_family(ConditionOp op);
bool is_negated(ConditionOp op);  // StringNotEquals, NotIpAddress, ArnNotLike, ...

}  // namespace mfalint::model
