#pragma once
// Principal and NotPrincipal of resource-based policies against the caller.

#include "model/policy.h"

#include <cstdint>
#include <string_view>

namespace mfalint::eval {

// How an element names the caller, weakest first. Account: it names the caller's account (an
// account id or its `root` ARN), which delegates the decision to the account's identity
// policies. Session: it names the role (or IAM user) whose session the caller is. Direct: it
// names the caller itself (its ARN, `*`, its service or federated name).
enum class PrincipalMatch : uint8_t { None, Account, Session, Direct };

// `caller`: an IAM ARN (user, role, assumed-role or federated-user session, root) or a service
// principal name; empty matches only `*`.
PrincipalMatch principal_matches(const model::Principal& element, std::string_view caller);

// Principal, or NotPrincipal (Direct when it names nobody the caller is, else None); None when
// the statement has neither.
PrincipalMatch statement_principal(const model::Statement& statement, std::string_view caller);

}  // namespace mfalint::eval
