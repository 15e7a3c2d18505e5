#pragma once
// What some services decide beside the general policy evaluation logic, each as AWS documents it
// (docs/evaluation.md quotes the sources): resources whose own policy must allow every request
// (a role's trust policy, a KMS key's key policy), and guards that no policy can override.

#include "eval/context.h"

#include <cstdint>
#include <string_view>

namespace mfalint::eval {

// Whose policy must itself allow the request, even within one account.
enum class OwnPolicy : uint8_t {
  None,
  RoleTrust,  // sts:AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity, TagSession, SetSourceIdentity, SetContext
  KeyPolicy,  // a kms: action on a key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)
};
OwnPolicy own_policy_required(const Request& request);
std::string_view own_policy_name(OwnPolicy own);  // "role trust policy", "key policy"

enum class Guard : uint8_t {
  None,
  CallerIdentity,      // sts:GetCallerIdentity: allowed, even under an explicit Deny
  ReservedSsoRole,     // changing or deleting a role under /aws-reserved/sso.amazonaws.com/
  AwsManagedKmsAlias,  // creating, updating or deleting an alias under alias/aws/
  AwsManagedPolicy,    // changing or deleting a policy in the `aws` account (arn:aws:iam::aws:policy/...)
};
Guard guard_for(const Request& request);
// Why the guard holds, for the explanation: "IAM Identity Center's reserved roles cannot be ...".
std::string_view guard_reason(Guard guard);

// Whether an ARN's account field names AWS's own namespace (`arn:aws:iam::aws:policy/...`).
bool is_aws_namespace(std::string_view account);

}  // namespace mfalint::eval
