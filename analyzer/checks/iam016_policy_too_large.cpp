#include "checks/check.h"

#include <fmt/core.h>

namespace mfalint::checks {
namespace {

struct Quota {
  model::SizeQuota kind;
  uint32_t limit;
  std::string_view what;
  std::string_view code;  // Access Analyzer's
  Severity severity = Severity::Warning;  // Access Analyzer's type for the code
};

// IAM's character quotas, counted without white space (IAM and STS quotas page).
constexpr Quota kQuotas[] = {
    {model::SizeQuota::Managed, 6144, "a managed policy", "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"},
    {model::SizeQuota::InlineUser, 2048, "a user's inline policies", "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"},
    {model::SizeQuota::InlineRole, 10240, "a role's inline policies", "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"},
    {model::SizeQuota::InlineGroup, 5120, "a group's inline policies", "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"},
    {model::SizeQuota::TrustPolicy, 2048, "a role trust policy (default quota)",
     "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA"},
};

// Organizations' quota for a service control policy (raised from 5,120 in 2026).
constexpr Quota kScpQuota = {model::SizeQuota::None, 10240, "a service control policy",
                             "POLICY_SIZE_EXCEEDS_SCP_QUOTA", Severity::Error};

// Resource policies' quotas are each service's own, in bytes of the whole document: S3's user
// guide (20 KB), KMS's PutKeyPolicy (32,768 bytes), SQS's policy quotas (8,192 bytes). The
// characters outside white space are fewer than the bytes, so a policy over its quota by that
// count is over it for certain.
struct ResourceQuota {
  std::string_view resource_type;
  Quota quota;
};
constexpr ResourceQuota kResourceQuotas[] = {
    {"AWS::S3::Bucket", {model::SizeQuota::None, 20480, "a bucket policy", "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA"}},
    {"AWS::KMS::Key", {model::SizeQuota::None, 32768, "a key policy", "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA"}},
    {"AWS::SQS::Queue", {model::SizeQuota::None, 8192, "a queue policy", "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA"}},
};

const Quota* quota_of(const model::Policy& policy) {
  if (policy.kind == model::PolicyKind::ServiceControl) return &kScpQuota;
  if (policy.kind == model::PolicyKind::Resource) {
    for (const auto& resource : kResourceQuotas) {
      if (resource.resource_type == policy.resource_type) return &resource.quota;
    }
    return nullptr;
  }
  if (policy.kind == model::PolicyKind::ResourceControl) return nullptr;  // IAM029's
  auto kind = policy.quota == model::SizeQuota::None ? model::SizeQuota::Managed : policy.quota;
  if (policy.kind == model::PolicyKind::Trust && policy.quota == model::SizeQuota::None) kind = model::SizeQuota::TrustPolicy;
  for (const auto& quota : kQuotas) {
    if (quota.kind == kind) return &quota;
  }
  return nullptr;
}

}  // namespace

// IAM016: IAM (or Organizations) refuses a policy over its size quota; a bare identity policy is
// held to the managed quota, a bare trust policy to the trust quota.
void check_policy_too_large(const model::Policy& policy, Findings& out) {
  const Quota* quota = quota_of(policy);
  if (!quota || policy.size_without_whitespace <= quota->limit) return;
  Finding finding = with_code(make_finding("IAM016", policy, policy.loc,
                                           fmt::format("policy is {} characters without white space; AWS allows {} for {}",
                                                       policy.size_without_whitespace, quota->limit, quota->what)),
                              quota->code);
  finding.severity = quota->severity;
  out.push_back(std::move(finding));
}

}  // namespace mfalint::checks
