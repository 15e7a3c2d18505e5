#include "checks/check.h"

#include <fmt/core.h>

namespace mfalint::checks {
namespace {

struct Quota {
  model::SizeQuota kind;
  uint32_t limit;
  std::string_view what;
};

// IAM's character quotas, counted without white space (IAM and STS quotas page).
constexpr Quota kQuotas[] = {
    {model::SizeQuota::Managed, 6144, "a managed policy"},
    {model::SizeQuota::InlineUser, 2048, "a user's inline policies"},
    {model::SizeQuota::InlineRole, 10240, "a role's inline policies"},
    {model::SizeQuota::InlineGroup, 5120, "a group's inline policies"},
    {model::SizeQuota::TrustPolicy, 2048, "a role trust policy (default quota)"},
};

}  // namespace

// IAM016: IAM refuses a policy over its size quota; a bare file is held to the managed quota.
void check_policy_too_large(const model::Policy& policy, Findings& out) {
  auto kind = policy.quota == model::SizeQuota::None ? model::SizeQuota::Managed : policy.quota;
  for (const auto& quota : kQuotas) {
    if (quota.kind != kind || policy.size_without_whitespace <= quota.limit) continue;
    out.push_back(make_finding("IAM016", policy, policy.loc,
                               fmt::format("policy is {} characters without white space; IAM allows {} for {}",
                                           policy.size_without_whitespace, quota.limit, quota.what)));
  }
}

}  // namespace mfalint::checks
