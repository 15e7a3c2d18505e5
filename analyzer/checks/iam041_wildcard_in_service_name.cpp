#include "catalog/catalog.h"
#include "catalog/text.h"
#include "checks/check.h"

#include <fmt/core.h>

#include <algorithm>

namespace mfalint::checks {
namespace {

Finding suggestion(const model::Policy& policy, const model::Statement& st, const model::Text& item,
                   std::string_view service, std::string_view where) {
  Finding finding = make_finding(
      "IAM041", policy, st, item.loc,
      fmt::format("\"{}\" has a wildcard in the service name \"{}\" of {}: it also covers services with similar "
                  "names, including ones AWS launches later; name the services",
                  item.value, service, where));
  finding.severity = Severity::Note;
  return finding;
}

void check_actions(const model::Policy& policy, const model::Statement& st, const model::TextList& list,
                   Findings& out) {
  for (size_t i = 0; i < list.items.size(); ++i) {
    const auto& item = list.items[i];
    if (list.action_ids.size() > i && list.action_ids[i] != model::kNotAnAction) continue;  // names one action
    std::string_view text = item.value;
    size_t colon = text.find(':');
    if (colon == std::string_view::npos) continue;  // "*", or IAM101's "not an action"
    std::string_view service = text.substr(0, colon);
    if (service == "*" || !catalog::has_wildcard(service)) continue;
    if (catalog::match_actions(text).empty()) continue;  // matches no action: IAM100's or IAM101's
    out.push_back(suggestion(policy, st, item, service, "an action"));
  }
}

// The service of "arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE", or nothing when the ARN has
// fewer parts (IAM020's). Resources are many: no split into parts.
std::string_view arn_service(std::string_view arn) {
  if (!arn.starts_with("arn:") || std::count(arn.begin(), arn.end(), ':') < 5) return {};
  size_t begin = arn.find(':', 4) + 1;
  return arn.substr(begin, arn.find(':', begin) - begin);
}

// The service part of a Resource ARN, as in AWS's own example "arn:aws:*code*::111122223333:*".
void check_resources(const model::Policy& policy, const model::Statement& st, const model::TextList& list,
                     Findings& out) {
  for (const auto& item : list.items) {
    std::string_view service = arn_service(item.value);
    if (service.empty() || service == "*" || !catalog::has_wildcard(service)) continue;
    out.push_back(suggestion(policy, st, item, service, "a resource ARN"));
  }
}

}  // namespace

// IAM041: `*` or `?` inside a service name ("s*:GetObject", "arn:aws:*code*:..."), which grants
// services with similar names nobody meant, including ones AWS launches later. A service name
// that is "*" alone ("*:Describe*", "arn:aws:*:...") says "every service" on purpose: not reported.
void check_wildcard_in_service_name(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    if (st.action) check_actions(policy, st, *st.action, out);
    if (st.not_action) check_actions(policy, st, *st.not_action, out);
    if (st.resource) check_resources(policy, st, *st.resource, out);
    if (st.not_resource) check_resources(policy, st, *st.not_resource, out);
  }
}

}  // namespace mfalint::checks
