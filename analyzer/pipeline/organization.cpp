#include "pipeline/organization.h"

#include "eval/arn.h"

#include <fmt/core.h>

namespace mfalint::pipeline {

bool is_service_linked_role(const input::DumpPrincipal& principal) {
  return principal.type == input::PrincipalType::Role &&
         principal.arn.find(":role/aws-service-role/") != std::string::npos;
}

std::span<const analysis::ControlLevel> control_over(const input::DumpPrincipal& principal, std::span<const analysis::ControlLevel> levels) {
  if (is_service_linked_role(principal)) return {};
  return levels;
}

void assume_principal_keys(const input::DumpPrincipal& principal, analysis::Assumptions& assumptions) {
  if (principal.arn.empty()) return;
  std::string_view account = eval::arn_account(principal.arn);
  // A group makes no requests: its members do, each with its own user ARN.
  std::string arn = principal.type == input::PrincipalType::Group
                        ? fmt::format("arn:aws:iam::{}:user/member-of-{}", account, principal.name)
                        : principal.arn;
  assumptions.fixed.try_emplace("aws:principalarn", std::vector<std::string>{std::move(arn)});
  if (!account.empty()) assumptions.fixed.try_emplace("aws:principalaccount", std::vector<std::string>{std::string(account)});
}

}  // namespace mfalint::pipeline
