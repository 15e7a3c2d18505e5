#pragma once
// Which kinds of principals a resource or trust policy statement names. MFA keys are set only on
// requests of AWS principals (IAM users, role sessions, accounts, "*"); an AWS service or a
// federated identity provider never carries them, so MFA neither protects nor concerns those.

#include "model/policy.h"

namespace mfalint::analysis {

struct PrincipalKinds {
  bool aws = false;        // "*", "AWS", "CanonicalUser" (an account), or everyone a NotPrincipal leaves
  bool service = false;    // "Service"
  bool federated = false;  // "Federated": a SAML or OIDC provider
  // Every AWS principal named is a role or a role session: no request of theirs is signed with
  // long-term access keys.
  bool only_roles = false;
};

// A statement without Principal or NotPrincipal (an identity policy's) is taken as AWS principals'.
PrincipalKinds principal_kinds(const model::Statement& statement);

// The statement names principals, and none of them can carry MFA.
inline bool only_non_aws_principals(const model::Statement& statement) {
  return !principal_kinds(statement).aws;
}

}  // namespace mfalint::analysis
