#include "checks/check.h"

#include <fmt/core.h>

namespace mfalint::checks {
namespace {

constexpr std::string_view kRule = "IAM029";

// Organizations' quota for a resource control policy, counted without white space.
constexpr uint32_t kRcpQuota = 5120;

bool only_star(const model::TextList& list) {
  for (const auto& item : list.items) {
    if (item.value != "*") return false;
  }
  return !list.items.empty();
}

}  // namespace

// IAM029: an RCP element Organizations refuses: NotAction, an Allow that is not the full-access
// one (a Resource other than "*", a NotResource, a Condition), or a policy over the size quota.
// Principals are IAM024's. SCPs take the full IAM grammar since September 2025, so nothing of
// theirs is judged here (their size is IAM016's).
void check_organization_policy_grammar(const model::Policy& policy, Findings& out) {
  if (policy.kind != model::PolicyKind::ResourceControl) return;
  for (const auto& st : policy.statements) {
    if (st.not_action) {
      out.push_back(with_code(make_finding(kRule, policy, st, st.not_action->loc,
                                           "RCPs take no \"NotAction\"; list the actions in \"Action\""),
                              "RCP_SYNTAX_ERROR_NOTACTION"));
    }
    if (st.effect != model::Effect::Allow) continue;
    const Location* where = nullptr;
    if (st.not_resource) {
      where = &st.not_resource->loc;
    } else if (st.resource && !only_star(*st.resource)) {
      where = &st.resource->loc;
    } else if (st.condition_loc) {
      where = &*st.condition_loc;
    }
    if (!where) continue;
    out.push_back(with_code(
        make_finding(kRule, policy, st, *where,
                     "an RCP \"Allow\" takes only \"Principal\": \"*\" and \"Resource\": \"*\" and no \"Condition\"; "
                     "restrict with \"Deny\" statements instead"),
        "RCP_SYNTAX_ERROR_ALLOW"));
  }
  if (policy.size_without_whitespace > kRcpQuota) {
    out.push_back(with_code(
        make_finding(kRule, policy, policy.loc,
                     fmt::format("policy is {} characters without white space; Organizations allows {} for a "
                                 "resource control policy",
                                 policy.size_without_whitespace, kRcpQuota)),
        "POLICY_SIZE_EXCEEDS_RCP_QUOTA"));
  }
}

}  // namespace mfalint::checks
