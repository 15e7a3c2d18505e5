#include "catalog/catalog.h"
#include "catalog/text.h"
#include "checks/check.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

namespace mfalint::checks {
namespace {

// Service keys that AWS sets on requests to every service, not only to their own actions (the
// "other cross-service condition keys" of the global condition keys page): a policy may use them
// with any action.
constexpr std::array<std::string_view, 6> kCrossServiceKeys = {
    "ec2:SourceInstanceARN", "glue:RoleAssumedBy",    "glue:CredentialIssuingService",
    "lambda:SourceFunctionArn", "ssm:SourceInstanceArn", "identitystore:UserId",
};

bool cross_service(std::string_view key) {
  return std::any_of(kCrossServiceKeys.begin(), kCrossServiceKeys.end(),
                     [&](std::string_view k) { return catalog::equals_lower(k, key); });
}

// Whether a key as written is one the action's reference lists ("ec2:ResourceTag/Name" is
// "ec2:ResourceTag/${TagKey}").
bool lists_key(catalog::ActionId action, std::string_view key) {
  for (std::string_view listed : catalog::action_condition_keys(action)) {
    if (catalog::equals_lower(listed, key)) return true;
    if (listed.find("${") != std::string_view::npos && catalog::template_matches(listed, key)) return true;
  }
  return false;
}

// The prefix of a key that may be a service's ("ec2" of "ec2:Vpc"): not aws:, and with a colon.
std::optional<std::string_view> service_prefix_of(std::string_view key) {
  size_t colon = key.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view prefix = key.substr(0, colon);
  if (catalog::equals_lower(prefix, "aws")) return std::nullopt;
  return prefix;
}

// Whether a key with that service prefix is a service key (not a federated provider's) that the
// catalog knows.
bool judged_key(std::string_view key, std::string_view prefix) {
  if (!catalog::service_known(prefix)) return false;
  return catalog::condition_key_type(key).has_value() && !cross_service(key);
}

// Whether some condition key of the statement may be a service's: a statement without one cannot
// trigger, and most conditions test aws: keys.
bool has_service_key(const model::Statement& st) {
  return any_condition_entry(
      st, [](const auto&, const model::ConditionEntry& entry) { return service_prefix_of(entry.key.value).has_value(); });
}

// The distinct catalog actions of `action`, sorted, into `actions`; false when some entry names no
// catalog action (a pattern, an unknown name) or there is none.
bool named_actions(const model::TextList& action, std::vector<catalog::ActionId>& actions) {
  if (action.items.empty()) return false;
  actions.clear();
  for (size_t i = 0; i < action.items.size(); ++i) {
    auto id = model::named_action(action, i);
    if (!id) return false;
    actions.push_back(*id);
  }
  std::sort(actions.begin(), actions.end());
  actions.erase(std::unique(actions.begin(), actions.end()), actions.end());
  return true;
}

bool any_action_of_service(const std::vector<catalog::ActionId>& actions, std::string_view prefix) {
  return std::any_of(actions.begin(), actions.end(),
                     [&](catalog::ActionId a) { return catalog::equals_lower(catalog::action_service(a), prefix); });
}

}  // namespace

// IAM034: a service condition key that none of the statement's actions supports. The request
// never carries it, so the condition is false for every action (and, negated or with IfExists,
// always true): an Allow grants nothing, a Deny denies nothing, or the guard is void. Judged only
// when every Action item names one catalog action, as Access Analyzer does (wildcard patterns
// are not evaluated).
void check_condition_key_not_for_actions(const model::Policy& policy, Findings& out) {
  std::vector<catalog::ActionId> actions;
  for (const auto& st : policy.statements) {
    if (!st.action || !has_service_key(st) || !named_actions(*st.action, actions)) continue;
    for (const auto& block : st.conditions) {
      for (const auto& entry : block.entries) {
        const std::string& key = entry.key.value;
        // Only a key of another service than every action's: the catalog lists per action the keys of
        // its own rows, not those of its resource types' table (kms:ResourceAliases,
        // iam:ResourceTag/..., many in AWS's own policies), so a key of the actions' own service
        // cannot be judged exactly. That test is cheap and settles most keys, so it goes before the
        // catalog lookups.
        auto prefix = service_prefix_of(key);
        if (!prefix || any_action_of_service(actions, *prefix) || !judged_key(key, *prefix)) continue;
        if (std::any_of(actions.begin(), actions.end(), [&](catalog::ActionId a) { return lists_key(a, key); })) {
          continue;
        }
        std::string names;
        for (size_t i = 0; i < actions.size() && i < 3; ++i) {
          if (i > 0) names += ", ";
          names += catalog::action_full_name(actions[i]);
        }
        if (actions.size() > 3) names += fmt::format(" and {} more", actions.size() - 3);
        Finding finding = make_finding(
            "IAM034", policy, st, entry.key.loc,
            fmt::format("{} is a key of another service than this statement's actions ({}), and none of them "
                        "supports it: their requests never carry it, so the condition does not test what it "
                        "seems to; move the key to a statement with actions that support it",
                        key, names));
        finding.actions.ids = actions;
        out.push_back(std::move(finding));
      }
    }
  }
}

}  // namespace mfalint::checks
