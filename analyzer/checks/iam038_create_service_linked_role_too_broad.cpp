#include "checks/check.h"
#include "checks/role_grant.h"

#include <string_view>

namespace mfalint::checks {
namespace {

// A Resource entry covers every service's service-linked role when its resource part takes any
// service's role ("arn:aws:iam::*:role/aws-service-role/*"). A pattern naming one service's role
// does not.
constexpr role_grant::SampleRoles kAnyServiceLinkedRole = {
    "role/aws-service-role/mfalint.amazonaws.com/AWSServiceRoleForMfalint",
    "role/aws-service-role/other.amazonaws.com/AWSServiceRoleForOther"};

}  // namespace

// IAM038: an Allow that lets its principal create any service's service-linked role (Resource "*"
// or NotResource), one finding per statement, coded as Access Analyzer's CREATE_SLR_WITH_* checks.
// A statement names the services whose roles it may create with a positive iam:AWSServiceName
// condition. AWS's text does not say so, but its list of managed policies with
// CREATE_SLR_WITH_STAR_IN_RESOURCE names three (PowerUserAccess, AWSOrganizationsServiceTrustPolicy,
// AlexaForBusinessFullAccess) of the dozens that allow the action on "*": those without such a
// condition. Read like IAM037's iam:PassedToService: no ...IfExists, no negated operator, no "*".
void check_create_service_linked_role_too_broad(const model::Policy& policy, Findings& out) {
  static const role_grant::BroadGrant kCreateServiceLinkedRole = {
      "IAM038",
      "iam:CreateServiceLinkedRole",
      kAnyServiceLinkedRole,
      "iam:AWSServiceName",
      {"CREATE_SLR_WITH_NOT_RESOURCE", "CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE",
       "CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE"},
      {"CREATE_SLR_WITH_STAR_IN_RESOURCE", "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE",
       "CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION"},
      " lets the principal create the service-linked role of every service not excluded; list the roles in "
      "Resource instead",
      " lets the principal create any service's service-linked role; name the roles, or add an "
      "iam:AWSServiceName condition",
  };
  static const role_grant::TargetAction kTarget = role_grant::target_action(kCreateServiceLinkedRole.action);
  role_grant::report_broad_grants(policy, kCreateServiceLinkedRole, kTarget, out);
}

}  // namespace mfalint::checks
