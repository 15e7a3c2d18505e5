#include "catalog/text.h"
#include "checks/check.h"

#include <fmt/core.h>

#include <algorithm>
#include <iterator>

namespace mfalint::checks {
namespace {

// The keys that tie a service's request to the resource or account it acts for.
constexpr std::string_view kSourceKeys[] = {"aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID",
                                            "aws:SourceOrgPaths"};

bool tests_a_source_key(const model::Statement& st) {
  return any_condition_entry(st, [](const auto&, const model::ConditionEntry& entry) {
    return std::any_of(std::begin(kSourceKeys), std::end(kSourceKeys),
                       [&](std::string_view key) { return catalog::equals_lower(entry.key.value, key); });
  });
}

const model::PrincipalEntry* service_entry(const model::Statement& st) {
  if (!st.principal) return nullptr;
  for (const auto& entry : st.principal->entries) {
    if (entry.type.value == "Service" && !entry.values.items.empty()) return &entry;
  }
  return nullptr;
}

}  // namespace

// IAM043: a resource policy that lets a service principal in without saying for which resource or
// account the service acts (the confused deputy).
void check_service_principal_without_source(const model::Policy& policy, Findings& out) {
  if (policy.kind != model::PolicyKind::Resource) return;
  for (const auto& st : policy.statements) {
    if (st.effect != model::Effect::Allow) continue;
    const model::PrincipalEntry* service = service_entry(st);
    if (!service || tests_a_source_key(st)) continue;
    const std::string& name = service->values.items.front().value;
    if (st.conditions.empty()) {
      out.push_back(with_code(
          make_finding("IAM043", policy, st, service->values.loc,
                       fmt::format("{} is allowed for any account's resources: a condition on aws:SourceArn or "
                                   "aws:SourceAccount keeps another account from making the service act here",
                                   name)),
          "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL"));
    } else {
      Finding finding = make_finding(
          "IAM043", policy, st, service->values.loc,
          fmt::format("{} is restricted by other keys than aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or "
                      "aws:SourceOrgPaths, which say for which resource or account the service acts",
                      name));
      finding.severity = Severity::Note;
      out.push_back(with_code(std::move(finding), "RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL"));
    }
  }
}

}  // namespace mfalint::checks
