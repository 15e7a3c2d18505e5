#include "checks/check.h"
#include "checks/role_grant.h"

#include <fmt/core.h>

#include <string_view>

namespace mfalint::checks {
namespace {

using role_grant::Reach;

// A Resource entry covers every role when its resource part takes any role name
// ("arn:aws:iam::*:role/*"). A pattern naming roles by prefix, even the "role/Service*" AWS names
// as exempt, does not.
constexpr role_grant::SampleRoles kAnyRole = {"role/mfalint-any-role", "role/path/mfalint-any-role"};

// The statement narrows the services a role can be passed to with a positive iam:PassedToService
// condition. AWS's messages offer this condition as the alternative to naming ARNs for the three
// "star in resource" findings, and its list of managed policies with PASS_ROLE_WITH_STAR_IN_RESOURCE
// names AWSServiceRoleForAmazonEKSNodegroup, whose PassRole on "*" carries StringEqualsIfExists:
// an ...IfExists condition does not count.
bool restricts_passed_to_service(const model::Statement& st) {
  return role_grant::restricted_by(st, "iam:PassedToService");
}

}  // namespace

// IAM037: an Allow that lets its principal pass any role (Resource "*" or NotResource) to a
// service, one finding per statement, coded as Access Analyzer's PASS_ROLE_WITH_* checks.
void check_pass_role_too_broad(const model::Policy& policy, Findings& out) {
  if (!role_grant::grants_role_actions(policy.kind)) return;
  static const role_grant::TargetAction pass_role = role_grant::target_action("iam:PassRole");
  for (const auto& st : policy.statements) {
    if (st.effect != model::Effect::Allow) continue;
    Reach how = role_grant::reach(st, pass_role);
    if (how == Reach::None) continue;
    std::string_view code;
    std::string message;
    const Location* where = &st.loc;
    if (st.not_resource) {
      where = &st.not_resource->loc;
      switch (how) {
        case Reach::Named:
          code = "PASS_ROLE_WITH_NOT_RESOURCE";
          message = "iam:PassRole with NotResource";
          break;
        case Reach::Wildcard:
          code = "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE";
          message = "an action wildcard that covers iam:PassRole, with NotResource,";
          break;
        default:
          code = "PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE";
          message = "NotAction (which does not exclude iam:PassRole) with NotResource";
      }
      message += " lets the principal pass every role not excluded to any service; list the roles in Resource instead";
    } else if (st.resource) {
      const model::Text* star = role_grant::every_role_entry(*st.resource, kAnyRole);
      if (!star || restricts_passed_to_service(st)) continue;
      where = &star->loc;
      switch (how) {
        case Reach::Named:
          code = "PASS_ROLE_WITH_STAR_IN_RESOURCE";
          message = fmt::format("iam:PassRole on \"{}\"", star->value);
          break;
        case Reach::Wildcard:
          code = "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE";
          message = fmt::format("an action wildcard that covers iam:PassRole, on \"{}\",", star->value);
          break;
        default:
          code = "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION";
          message = fmt::format("NotAction (which does not exclude iam:PassRole) on \"{}\"", star->value);
      }
      message +=
          " lets the principal pass any role to any service; name the roles, or add an iam:PassedToService "
          "condition";
    } else {
      continue;
    }
    out.push_back(with_code(make_finding("IAM037", policy, st, *where, std::move(message)), code));
  }
}

}  // namespace mfalint::checks
