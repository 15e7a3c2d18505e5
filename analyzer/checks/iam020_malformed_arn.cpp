#include "checks/arn_format.h"
#include "checks/check.h"

#include <fmt/core.h>

namespace mfalint::checks {
namespace {

void report(const model::Policy& policy, const model::Statement& st, const model::Text& item, std::string_view code,
            std::string message, Findings& out, std::string fix = {}) {
  Finding finding = with_code(make_finding("IAM020", policy, st, item.loc, std::move(message)), code);
  finding.resources.push_back(item.value);
  finding.fix = std::move(fix);
  out.push_back(std::move(finding));
}

void check_entry(const model::Policy& policy, const model::Statement& st, const model::Text& item, Findings& out) {
  std::string_view value = item.value;
  if (arn::unjudgeable(value)) return;
  if (!value.starts_with("arn:")) {
    report(policy, st, item, "INVALID_ARN_PREFIX",
           fmt::format("\"{}\" is not an ARN: a resource is \"*\" or starts with \"arn:\"", value), out);
    return;
  }
  auto fields = arn::split(value);
  if (!fields) {
    report(policy, st, item, "MISSING_ARN_FIELD",
           fmt::format("\"{}\" has fewer than the 6 fields of arn:partition:service:region:account:resource", value),
           out);
    return;
  }
  auto [prefix, partition, service, region, account, resource] = *fields;
  // Each field is judged on its own: one entry can have several of these.
  if (!arn::valid_partition(partition)) {
    report(policy, st, item, "INVALID_PARTITION",
           fmt::format("\"{}\" is not an AWS partition (aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, "
                       "aws-iso-f, aws-eusc)",
                       partition),
           out);
  }
  if (!arn::is_pattern(service) && arn::has_upper(service)) {
    std::string fixed(value.substr(0, service.data() - value.data()));
    fixed += catalog::to_lower(service);
    fixed += value.substr(service.data() + service.size() - value.data());
    report(policy, st, item, "INVALID_ARN_SERVICE_CASE",
           fmt::format("the service \"{}\" in the ARN must be lower case: ARNs are case-sensitive", service), out,
           std::move(fixed));
  }
  if (!arn::valid_region(region)) {
    report(policy, st, item, "INVALID_ARN_REGION",
           fmt::format("\"{}\" is not an AWS Region code (like us-east-1): the ARN names no resource", region), out);
  }
  if (!arn::valid_account(account)) {
    report(policy, st, item, "INVALID_ARN_ACCOUNT",
           fmt::format("the account \"{}\" in the ARN is not a 12-digit account ID", account), out);
  }
  (void)prefix;
  (void)resource;
}

}  // namespace

// IAM020: a Resource or NotResource entry that is neither "*" nor a well-formed ARN matches no
// resource (or not the one meant).
void check_malformed_arn(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    for (const auto* list : {&st.resource, &st.not_resource}) {
      if (!*list) continue;
      for (const auto& item : (*list)->items) check_entry(policy, st, item, out);
    }
  }
}

}  // namespace mfalint::checks
