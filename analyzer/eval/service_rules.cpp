#include "eval/service_rules.h"

#include "catalog/text.h"
#include "eval/arn.h"

#include <array>

namespace mfalint::eval {
namespace {

template <size_t N>
bool one_of(std::string_view action, const std::array<std::string_view, N>& names) {
  for (std::string_view name : names) {
    if (catalog::equals_lower(action, name)) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 6> kRoleTrustActions{
    "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity",
    "sts:TagSession", "sts:SetSourceIdentity",  "sts:SetContext"};

// The IAM actions that change, tag or delete a role (IAM Identity Center's reserved roles refuse them).
constexpr std::array<std::string_view, 13> kRoleChanges{
    "iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePermissionsBoundary",
    "iam:DeleteRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy",
    "iam:TagRole", "iam:UntagRole", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription"};

constexpr std::array<std::string_view, 3> kAliasChanges{"kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"};

constexpr std::array<std::string_view, 7> kPolicyChanges{
    "iam:CreatePolicy", "iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion",
    "iam:SetDefaultPolicyVersion", "iam:TagPolicy", "iam:UntagPolicy"};

// The service of "service:Action" when it has three letters, as the services of every guard and
// own-policy rule do (sts, iam, kms); otherwise empty. Every request asks, so no search for ':'.
std::string_view three_letter_service(std::string_view action) {
  return action.size() > 4 && action[3] == ':' ? action.substr(0, 3) : std::string_view();
}

}  // namespace

bool is_aws_namespace(std::string_view account) { return account == "aws"; }

OwnPolicy own_policy_required(const Request& request) {
  std::string_view service = three_letter_service(request.action);
  if (catalog::equals_lower(service, "sts") && one_of(request.action, kRoleTrustActions)) return OwnPolicy::RoleTrust;
  if (catalog::equals_lower(service, "kms")) {
    auto parts = split_arn(request.resource);
    if (parts && (*parts)[2] == "kms" && (*parts)[5].starts_with("key/")) return OwnPolicy::KeyPolicy;
  }
  return OwnPolicy::None;
}

std::string_view own_policy_name(OwnPolicy own) {
  switch (own) {
    case OwnPolicy::None: return "resource policy";
    case OwnPolicy::RoleTrust: return "role trust policy";
    case OwnPolicy::KeyPolicy: return "key policy";
  }
  return "resource policy";
}

Guard guard_for(const Request& request) {
  std::string_view action_service = three_letter_service(request.action);
  if (catalog::equals_lower(action_service, "sts")) {
    return catalog::equals_lower(request.action, "sts:GetCallerIdentity") ? Guard::CallerIdentity : Guard::None;
  }
  // The action decides which guard could hold; only then is the resource's ARN read.
  Guard candidate = Guard::None;
  if (catalog::equals_lower(action_service, "iam")) {
    if (one_of(request.action, kRoleChanges)) candidate = Guard::ReservedSsoRole;
    else if (one_of(request.action, kPolicyChanges)) candidate = Guard::AwsManagedPolicy;
  } else if (catalog::equals_lower(action_service, "kms") && one_of(request.action, kAliasChanges)) {
    candidate = Guard::AwsManagedKmsAlias;
  }
  if (candidate == Guard::None) return Guard::None;
  auto parts = split_arn(request.resource);
  if (!parts) return Guard::None;
  std::string_view service = (*parts)[2], account = (*parts)[4], resource = (*parts)[5];
  bool holds = false;
  switch (candidate) {
    case Guard::ReservedSsoRole:
      holds = service == "iam" && resource.starts_with("role/aws-reserved/sso.amazonaws.com/");
      break;
    case Guard::AwsManagedPolicy:
      holds = service == "iam" && is_aws_namespace(account) && resource.starts_with("policy/");
      break;
    case Guard::AwsManagedKmsAlias: holds = service == "kms" && resource.starts_with("alias/aws/"); break;
    default: break;
  }
  return holds ? candidate : Guard::None;
}

std::string_view guard_reason(Guard guard) {
  switch (guard) {
    case Guard::None: return "";
    case Guard::CallerIdentity:
      return "sts:GetCallerIdentity needs no permission and an explicit Deny cannot refuse it";
    case Guard::ReservedSsoRole:
      return "roles under /aws-reserved/sso.amazonaws.com/ belong to IAM Identity Center and cannot be changed or "
             "deleted through IAM, whatever the policies say";
    case Guard::AwsManagedKmsAlias:
      return "aliases under alias/aws/ belong to AWS managed keys and cannot be created, updated or deleted";
    case Guard::AwsManagedPolicy:
      return "AWS managed policies (arn:aws:iam::aws:policy/...) cannot be changed or deleted";
  }
  return "";
}

}  // namespace mfalint::eval
