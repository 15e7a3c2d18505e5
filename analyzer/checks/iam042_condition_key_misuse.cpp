#include "catalog/text.h"
#include "checks/check.h"

#include <fmt/core.h>

#include <algorithm>

namespace mfalint::checks {
namespace {

using catalog::equals_lower;
using model::ConditionOp;

bool is_negated_string(ConditionOp op) {
  return op == ConditionOp::StringNotEquals || op == ConditionOp::StringNotEqualsIgnoreCase ||
         op == ConditionOp::StringNotLike;
}

// Whether the statement tests `key` anywhere in its Condition.
bool tests_key(const model::Statement& st, std::string_view key) {
  return any_condition_entry(st, [&](const auto&, const auto& entry) { return equals_lower(entry.key.value, key); });
}

// dynamodb:Select = SPECIFIC_ATTRIBUTES under StringEquals.
bool selects_specific_attributes(const model::Statement& st) {
  return any_condition_entry(st, [](const model::ConditionBlock& block, const model::ConditionEntry& entry) {
    return block.op == ConditionOp::StringEquals && block.qualifier == model::SetQualifier::None &&
           equals_lower(entry.key.value, "dynamodb:Select") &&
           std::any_of(entry.values.begin(), entry.values.end(),
                       [](const model::ConditionValue& value) { return value.text == "SPECIFIC_ATTRIBUTES"; });
  });
}

}  // namespace

// IAM042: condition keys used where they do not restrict what they seem to: s3:prefix in a
// negative context, dynamodb:Attributes without dynamodb:Select, aws:VpcSourceIp without
// aws:SourceVpc.
void check_condition_key_misuse(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    if (!st.effect) continue;
    bool deny = *st.effect == model::Effect::Deny;
    for (const auto& block : st.conditions) {
      for (const auto& entry : block.entries) {
        const std::string& key = entry.key.value;
        if (equals_lower(key, "s3:prefix")) {
          bool negated = is_negated_string(block.op);
          if (model::operator_family(block.op) != model::OperatorFamily::String || deny == negated) continue;
          out.push_back(with_code(
              make_finding("IAM042", policy, st, entry.key.loc,
                           fmt::format("s3:prefix under \"{}\" in {}: a request for a shorter prefix does not match "
                                       "the condition and still lists the objects under it",
                                       block.op_text.value, deny ? "a Deny" : "an Allow")),
              "S3_PREFIX_IN_NEGATIVE_CONTEXT"));
        } else if (equals_lower(key, "dynamodb:Attributes") && !deny && !selects_specific_attributes(st)) {
          out.push_back(with_code(
              make_finding("IAM042", policy, st, entry.key.loc,
                           "dynamodb:Attributes without \"StringEquals\": {\"dynamodb:Select\": \"SPECIFIC_ATTRIBUTES\"} "
                           "restricts nothing: a request that asks for all attributes gets them"),
              "DYNAMODB_ATTRIBUTES_WITHOUT_SELECT"));
        } else if (equals_lower(key, "aws:VpcSourceIp") && !tests_key(st, "aws:SourceVpc")) {
          out.push_back(with_code(
              make_finding("IAM042", policy, st, entry.key.loc,
                           "aws:VpcSourceIp without aws:SourceVpc matches the address in any VPC, anyone's: "
                           "test aws:SourceVpc in the same statement"),
              "MISSING_PAIRED_CONDITION_KEYS"));
        }
      }
    }
  }
}

}  // namespace mfalint::checks
