#include "catalog/text.h"
#include "checks/check.h"

#include <fmt/core.h>

namespace mfalint::checks {
namespace {

using catalog::equals_lower;

// Keys AWS services acting for a principal do not carry, and keys only services' requests carry.
constexpr std::string_view kPrincipalKeys[] = {"aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount"};
constexpr std::string_view kServiceKeys[] = {"aws:SourceOrgID", "aws:SourceOrgPaths", "aws:SourceAccount"};

template <size_t N>
bool one_of(std::string_view key, const std::string_view (&keys)[N]) {
  for (auto known : keys) {
    if (equals_lower(key, known)) return true;
  }
  return false;
}

// Whether the statement has `op` (IfExists as asked) on `key` with exactly the value `value`.
bool has_test(const model::Statement& st, model::ConditionOp op, std::string_view key, std::string_view value) {
  return any_condition_entry(st, [&](const model::ConditionBlock& block, const model::ConditionEntry& entry) {
    return block.op == op && block.qualifier == model::SetQualifier::None && equals_lower(entry.key.value, key) &&
           entry.values.size() == 1 && equals_lower(entry.values[0].text, value);
  });
}

}  // namespace

// IAM044: a resource control policy's Deny on an organization's principals or sources that also
// catches the requests it did not mean to: services acting for the organization, or requests
// without the key.
void check_rcp_perimeter_conditions(const model::Policy& policy, Findings& out) {
  if (policy.kind != model::PolicyKind::ResourceControl) return;
  for (const auto& st : policy.statements) {
    if (st.effect != model::Effect::Deny) continue;
    for (const auto& block : st.conditions) {
      for (const auto& entry : block.entries) {
        const std::string& key = entry.key.value;
        if (one_of(key, kPrincipalKeys) &&
            !has_test(st, model::ConditionOp::Bool, "aws:PrincipalIsAWSService", "false")) {
          out.push_back(with_code(
              make_finding("IAM044", policy, st, entry.key.loc,
                           fmt::format("{} is not set on requests AWS services make: without \"BoolIfExists\": "
                                       "{{\"aws:PrincipalIsAWSService\": \"false\"}} the Deny also stops them",
                                       key)),
              "RCP_MISSING_RELATED_PRINCIPAL_CONDITION_KEY"));
        } else if (one_of(key, kServiceKeys)) {
          if (!has_test(st, model::ConditionOp::Bool, "aws:PrincipalIsAWSService", "true")) {
            out.push_back(with_code(
                make_finding("IAM044", policy, st, entry.key.loc,
                             fmt::format("{} is set only on requests AWS services make: without \"BoolIfExists\": "
                                         "{{\"aws:PrincipalIsAWSService\": \"true\"}} the Deny also stops the "
                                         "organization's own principals",
                                         key)),
                "RCP_MISSING_RELATED_SERVICE_PRINCIPAL_CONDITION_KEY"));
          }
          if (!has_test(st, model::ConditionOp::Null, "aws:SourceAccount", "false") &&
              !has_test(st, model::ConditionOp::Null, "aws:SourceArn", "false")) {
            out.push_back(with_code(
                make_finding("IAM044", policy, st, entry.key.loc,
                             fmt::format("{} is absent when a service acts on its own behalf: without \"Null\": "
                                         "{{\"aws:SourceAccount\": \"false\"}} the Deny also stops those requests",
                                         key)),
                "RCP_MISSING_SERVICE_CONDITION_KEY_NULL_CHECK"));
          }
        }
      }
    }
  }
}

}  // namespace mfalint::checks
