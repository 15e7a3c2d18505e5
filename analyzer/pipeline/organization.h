#pragma once
// AWS Organizations over an account audit: which SCP and RCP levels govern a principal of a
// member account, and what the audit knows of each principal's own request context.

#include "analysis/mfa_analysis.h"
#include "input/account_dump.h"

#include <span>

namespace mfalint::pipeline {

// A service-linked role (path /aws-service-role/): neither SCPs nor RCPs restrict it.
bool is_service_linked_role(const input::DumpPrincipal& principal);

// The levels that govern `principal`'s requests: `levels`, or none for a service-linked role.
std::span<const analysis::ControlLevel> control_over(const input::DumpPrincipal& principal, std::span<const analysis::ControlLevel> levels);

// What every request of a user or role carries and the dump tells: aws:PrincipalArn (a role's
// sessions carry the role's ARN) and aws:PrincipalAccount. Fixed unless the user fixed them, so that
// an SCP guard's exception by principal ARN is decided, not assumed. A group is judged as a user
// in it (arn:aws:iam::ACCOUNT:user/member-of-GROUP).
void assume_principal_keys(const input::DumpPrincipal& principal, analysis::Assumptions& assumptions);

}  // namespace mfalint::pipeline
