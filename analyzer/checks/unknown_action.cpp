#include "catalog/catalog.h"
#include "catalog/text.h"
#include "checks/check.h"

#include <fmt/format.h>

#include <map>

namespace mfalint::checks {
namespace {

using catalog::has_wildcard;

// What an entry that names no real action does to the statement, for the end of the message.
std::string_view consequence(const model::Statement& st, bool in_not_action) {
  if (in_not_action) return "so it exempts nothing";
  return st.effect == model::Effect::Deny ? "so it denies nothing" : "so it allows nothing";
}

bool any_service_matches(std::string_view prefix_pattern) {
  for (catalog::ServiceId s = 0; s < catalog::service_count(); ++s) {
    if (catalog::action_pattern_matches(prefix_pattern, catalog::service_prefix(s))) return true;
  }
  return false;
}

struct UnknownService {
  std::string written_prefix;  // as in the first entry that uses it
  std::vector<const model::Text*> entries;
};

void check_list(const model::Policy& policy, const model::Statement& st, const model::TextList& list,
                bool in_not_action, Findings& out) {
  std::map<std::string, UnknownService> unknown_services;  // by lower-case prefix, for one finding each
  for (size_t i = 0; i < list.items.size(); ++i) {
    const model::Text& entry = list.items[i];
    const std::string& text = entry.value;
    if (text == "*" || model::named_action(list, i)) continue;  // most entries: no action has a wildcard
    size_t colon = text.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
      Finding finding = make_finding("IAM101", policy, st, entry.loc,
                                     fmt::format("\"{}\" is not an action: IAM expects service:Action, e.g. "
                                                 "\"s3:GetObject\"; {}",
                                                 text, consequence(st, in_not_action)));
      finding.actions.written = {text};
      out.push_back(std::move(finding));
      continue;
    }
    std::string_view prefix = std::string_view(text).substr(0, colon);
    if (has_wildcard(prefix) ? !any_service_matches(prefix) : !catalog::service_known(prefix)) {
      auto& group = unknown_services[catalog::to_lower(prefix)];
      if (group.entries.empty()) group.written_prefix = std::string(prefix);
      group.entries.push_back(&entry);
      continue;
    }
    if (!catalog::match_actions(text).empty()) continue;
    std::string message;
    if (has_wildcard(text)) {
      message = fmt::format("\"{}\" matches no action, {}", text, consequence(st, in_not_action));
    } else {
      message = fmt::format("unknown action \"{}\": {} has no such action, {}", text, prefix,
                            consequence(st, in_not_action));
      if (auto nearest = catalog::nearest_action(text); !nearest.empty()) {
        message += fmt::format(" (did you mean \"{}\"?)", nearest);
      }
    }
    Finding finding = make_finding("IAM101", policy, st, entry.loc, std::move(message));
    finding.actions.written = {text};
    out.push_back(std::move(finding));
  }

  for (const auto& [key, group] : unknown_services) {
    std::vector<std::string> actions;
    for (const auto* entry : group.entries) actions.push_back(entry->value);
    std::string message = fmt::format("unknown service prefix \"{}\" ({}): no AWS service has it, {}",
                                      group.written_prefix, fmt::join(actions, ", "),
                                      consequence(st, in_not_action));
    if (auto nearest = catalog::nearest_service(group.written_prefix); !nearest.empty()) {
      message += fmt::format(" (did you mean \"{}\"?)", nearest);
    }
    Finding finding = make_finding("IAM100", policy, st, group.entries.front()->loc, std::move(message));
    finding.actions.written = std::move(actions);
    out.push_back(std::move(finding));
  }
}

}  // namespace

// IAM100: a service prefix no AWS service has; IAM101: an action (or a pattern) that names no
// action of a real service, or an entry that is not service:Action at all. One IAM100 per
// unknown prefix in a statement's list, listing its entries; one IAM101 per entry.
void check_unknown_actions(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    if (st.action) check_list(policy, st, *st.action, false, out);
    if (st.not_action) check_list(policy, st, *st.not_action, true, out);
  }
}

}  // namespace mfalint::checks
