#include "checks/arn_format.h"
#include "checks/check.h"

#include <fmt/core.h>

#include <array>
#include <utility>

namespace mfalint::checks {
namespace {

// The service whose actions and ARNs a resource policy attached to each type can name.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kResourceServices = {{
    {"AWS::S3::Bucket", "s3"},
    {"AWS::KMS::Key", "kms"},
    {"AWS::SQS::Queue", "sqs"},
    {"AWS::SNS::Topic", "sns"},
    {"AWS::SecretsManager::Secret", "secretsmanager"},
    {"AWS::ECR::Repository", "ecr"},
    {"AWS::DynamoDB::Table", "dynamodb"},
}};

std::string_view attached_service(std::string_view resource_type) {
  for (auto [type, service] : kResourceServices) {
    if (type == resource_type) return service;
  }
  return {};
}

// Whether some known service matches a wildcard prefix: one that matches none is IAM100's.
bool names_known_service(std::string_view prefix) {
  for (catalog::ServiceId s = 0; s < catalog::service_count(); ++s) {
    if (catalog::glob_matches(prefix, catalog::service_prefix(s), true)) return true;
  }
  return false;
}

// Whether the Action item names only actions of another service than `service`. "*" and patterns
// whose prefix matches the service are its own; unknown services and actions are IAM100/IAM101's.
bool foreign_action(const model::TextList& list, size_t i, std::string_view service) {
  std::string_view value = list.items[i].value;
  size_t colon = value.find(':');
  if (value == "*" || colon == std::string_view::npos) return false;
  std::string_view prefix = value.substr(0, colon);
  if (catalog::glob_matches(prefix, service, true)) return false;
  if (catalog::has_wildcard(prefix)) return names_known_service(prefix);
  if (!catalog::service_known(prefix)) return false;
  if (!catalog::has_wildcard(value.substr(colon + 1))) return model::named_action(list, i).has_value();
  return !catalog::match_actions(value).empty();
}

}  // namespace

// IAM022: a resource policy applies only to the resource it is attached to, so an action or a
// resource ARN of another service in it grants nothing (and Access Analyzer rejects it).
void check_foreign_action_in_resource_policy(const model::Policy& policy, Findings& out) {
  if (policy.kind != model::PolicyKind::Resource) return;
  std::string_view service = attached_service(policy.resource_type);
  if (service.empty()) return;
  for (const auto& st : policy.statements) {
    if (st.action) {
      for (size_t i = 0; i < st.action->items.size(); ++i) {
        if (!foreign_action(*st.action, i, service)) continue;
        const auto& item = st.action->items[i];
        Finding finding = with_code(
            make_finding("IAM022", policy, st, item.loc,
                         fmt::format("\"{}\" is not a {} action: a policy attached to {} cannot grant it", item.value,
                                     service, policy.resource_type)),
            "UNSUPPORTED_ACTION_IN_POLICY");
        finding.actions.written.push_back(item.value);
        out.push_back(std::move(finding));
      }
    }
    if (st.resource) {
      for (const auto& item : st.resource->items) {
        std::string_view value = item.value;
        if (arn::unjudgeable(value) || !value.starts_with("arn:")) continue;  // not an ARN: IAM020's
        auto fields = arn::split(value);
        if (!fields) continue;
        std::string_view arn_service = (*fields)[2];
        if (arn::has_variable(arn_service) || catalog::glob_matches(arn_service, service, true)) continue;
        Finding finding = with_code(
            make_finding("IAM022", policy, st, item.loc,
                         fmt::format("\"{}\" is not a {} resource: a policy attached to {} applies to that {} only",
                                     value, service, policy.resource_type, service)),
            "UNSUPPORTED_RESOURCE_ARN_IN_POLICY");
        finding.resources.push_back(item.value);
        out.push_back(std::move(finding));
      }
    }
  }
}

}  // namespace mfalint::checks
