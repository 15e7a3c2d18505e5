#include "checks/check.h"
#include "checks/role_grant.h"

#include <string_view>

namespace mfalint::checks {
namespace {

// A Resource entry covers every role when its resource part takes any role name
// ("arn:aws:iam::*:role/*"). A pattern naming roles by prefix, even the "role/Service*" AWS names
// as exempt, does not.
constexpr role_grant::SampleRoles kAnyRole = {"role/mfalint-any-role", "role/path/mfalint-any-role"};

}  // namespace

// IAM037: an Allow that lets its principal pass any role (Resource "*" or NotResource) to a
// service, one finding per statement, coded as Access Analyzer's PASS_ROLE_WITH_* checks.
// A statement narrows the services a role can be passed to with a positive iam:PassedToService
// condition. AWS's messages offer this condition as the alternative to naming ARNs for the three
// "star in resource" findings, and its list of managed policies with PASS_ROLE_WITH_STAR_IN_RESOURCE
// names AWSServiceRoleForAmazonEKSNodegroup, whose PassRole on "*" carries StringEqualsIfExists:
// an ...IfExists condition does not count.
void check_pass_role_too_broad(const model::Policy& policy, Findings& out) {
  static const role_grant::BroadGrant kPassRole = {
      "IAM037",
      "iam:PassRole",
      kAnyRole,
      "iam:PassedToService",
      {"PASS_ROLE_WITH_NOT_RESOURCE", "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE",
       "PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE"},
      {"PASS_ROLE_WITH_STAR_IN_RESOURCE", "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
       "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION"},
      " lets the principal pass every role not excluded to any service; list the roles in Resource instead",
      " lets the principal pass any role to any service; name the roles, or add an iam:PassedToService condition",
  };
  static const role_grant::TargetAction kTarget = role_grant::target_action(kPassRole.action);
  role_grant::report_broad_grants(policy, kPassRole, kTarget, out);
}

}  // namespace mfalint::checks
