#include "checks/check.h"
#include "checks/role_grant.h"

#include <fmt/core.h>

#include <string_view>

namespace mfalint::checks {
namespace {

using role_grant::Reach;

// A Resource entry covers every service's service-linked role when its resource part takes any
// service's role ("arn:aws:iam::*:role/aws-service-role/*"). A pattern naming one service's role
// does not.
constexpr role_grant::SampleRoles kAnyServiceLinkedRole = {
    "role/aws-service-role/mfalint.amazonaws.com/AWSServiceRoleForMfalint",
    "role/aws-service-role/other.amazonaws.com/AWSServiceRoleForOther"};

// The statement names the services whose roles it may create with a positive iam:AWSServiceName
// condition. AWS's text does not say so, but its list of managed policies with
// CREATE_SLR_WITH_STAR_IN_RESOURCE names three (PowerUserAccess, AWSOrganizationsServiceTrustPolicy,
// AlexaForBusinessFullAccess) of the dozens that allow the action on "*": those without such a
// condition. Read like IAM037's iam:PassedToService: no ...IfExists, no negated operator, no "*".
bool restricts_service_name(const model::Statement& st) { return role_grant::restricted_by(st, "iam:AWSServiceName"); }

}  // namespace

// IAM038: an Allow that lets its principal create any service's service-linked role (Resource "*"
// or NotResource), one finding per statement, coded as Access Analyzer's CREATE_SLR_WITH_* checks.
void check_create_service_linked_role_too_broad(const model::Policy& policy, Findings& out) {
  if (!role_grant::grants_role_actions(policy.kind)) return;
  static const role_grant::TargetAction create_slr = role_grant::target_action("iam:CreateServiceLinkedRole");
  for (const auto& st : policy.statements) {
    if (st.effect != model::Effect::Allow) continue;
    Reach how = role_grant::reach(st, create_slr);
    if (how == Reach::None) continue;
    std::string_view code;
    std::string message;
    const Location* where = &st.loc;
    if (st.not_resource) {
      where = &st.not_resource->loc;
      switch (how) {
        case Reach::Named:
          code = "CREATE_SLR_WITH_NOT_RESOURCE";
          message = "iam:CreateServiceLinkedRole with NotResource";
          break;
        case Reach::Wildcard:
          code = "CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE";
          message = "an action wildcard that covers iam:CreateServiceLinkedRole, with NotResource,";
          break;
        default:
          code = "CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE";
          message = "NotAction (which does not exclude iam:CreateServiceLinkedRole) with NotResource";
      }
      message +=
          " lets the principal create the service-linked role of every service not excluded; list the roles "
          "in Resource instead";
    } else if (st.resource) {
      const model::Text* star = role_grant::every_role_entry(*st.resource, kAnyServiceLinkedRole);
      if (!star || restricts_service_name(st)) continue;
      where = &star->loc;
      switch (how) {
        case Reach::Named:
          code = "CREATE_SLR_WITH_STAR_IN_RESOURCE";
          message = fmt::format("iam:CreateServiceLinkedRole on \"{}\"", star->value);
          break;
        case Reach::Wildcard:
          code = "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE";
          message = fmt::format("an action wildcard that covers iam:CreateServiceLinkedRole, on \"{}\",", star->value);
          break;
        default:
          code = "CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION";
          message =
              fmt::format("NotAction (which does not exclude iam:CreateServiceLinkedRole) on \"{}\"", star->value);
      }
      message +=
          " lets the principal create any service's service-linked role; name the roles, or add an "
          "iam:AWSServiceName condition";
    } else {
      continue;
    }
    out.push_back(with_code(make_finding("IAM038", policy, st, *where, std::move(message)), code));
  }
}

}  // namespace mfalint::checks
