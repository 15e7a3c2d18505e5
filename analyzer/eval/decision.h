#pragma once
// AWS's policy evaluation logic for one request: an explicit Deny in any applicable policy wins;
// otherwise the request needs an Allow in the identity policies or, within one account, one in
// the resource policy that names the caller (across accounts it needs both), and an Allow in
// every permissions boundary and every SCP level given. Anything else is an implicit deny.
// A role's trust policy and a KMS key's key policy must allow the request themselves, in any
// account, and a few guards decide whatever the policies say (service_rules.h).

#include "eval/context.h"
#include "eval/service_rules.h"
#include "model/policy.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace mfalint::eval {

enum class Decision : uint8_t { Allowed, ExplicitDeny, ImplicitDeny };
std::string_view decision_name(Decision decision);  // "Allowed", "ExplicitDeny", "ImplicitDeny"

enum class PolicyType : uint8_t { Identity, Resource, Boundary, Scp };
std::string_view policy_type_name(PolicyType type);  // "identity", "resource", "boundary", "scp"

using PolicyList = std::vector<const model::Policy*>;

struct PolicySet {
  PolicyList identity;
  PolicyList resource;                 // the resource's own policy
  std::vector<PolicyList> boundaries;  // each must allow
  std::vector<PolicyList> scps;        // one entry per level of the organization; each must allow
};

struct DecisiveStatement {
  PolicyType type = PolicyType::Identity;
  uint32_t group = 0;  // which boundary or SCP level
  const model::Policy* policy = nullptr;
  const model::Statement* statement = nullptr;
};

// What an implicit deny lacked.
enum class Missing : uint8_t {
  Nothing,
  Allow,                // no Allow applies (or, for a service principal, none in the resource policy)
  CrossAccountAllow,    // across accounts, both the identity and the resource policy must allow
  BoundaryAllow,        // boundaries[group] allows nothing here
  ScpAllow,             // scps[group] allows nothing here
  OwnPolicyAbsent,      // a role or key request, and no resource policy given (Result::own_policy says which)
  OwnPolicyAllow,       // the role trust or key policy given allows nothing for this caller
  Guarded,              // a guard refuses the request (Result::guard says which)
};

struct Result {
  Decision decision = Decision::ImplicitDeny;
  Missing missing = Missing::Allow;
  uint32_t group = 0;
  OwnPolicy own_policy = OwnPolicy::None;  // the request's resource must allow it itself
  Guard guard = Guard::None;               // a guard decided: Allowed (GetCallerIdentity) or ImplicitDeny
  // ExplicitDeny: every applicable Deny. Allowed: every applicable Allow. ImplicitDeny: empty.
  std::vector<DecisiveStatement> statements;
  std::vector<DecisiveStatement> scratch;  // reused between calls: evaluation allocates nothing once warm
};

// Whether the request's caller and resource are in one account: the caller's ARN account against
// the resource ARN's account, or `aws:ResourceAccount` when the ARN has none (S3); no caller or
// no resource account means one account, and so does AWS's own namespace (`arn:aws:iam::aws:...`).
bool same_account(const Request& request);

void evaluate(const PolicySet& policies, const Request& request, Result& out);
Result evaluate(const PolicySet& policies, const Request& request);

}  // namespace mfalint::eval
