#pragma once
// What IAM037 (iam:PassRole) and IAM038 (iam:CreateServiceLinkedRole) share: both ask whether an
// identity policy's Allow grants one IAM action on every role, and both accept a positive
// condition on one key as the narrowing AWS suggests. Each rule gives its codes and the end of its
// messages (BroadGrant); the finding is made here.

#include "catalog/catalog.h"
#include "catalog/text.h"
#include "checks/check.h"
#include "eval/arn.h"
#include "model/policy.h"

#include <fmt/core.h>

#include <array>

#include <optional>
#include <string_view>

namespace mfalint::checks::role_grant {

// The one IAM action a rule is about, with its catalog id (looked up once per rule).
struct TargetAction {
  std::string_view name;  // "iam:PassRole"
  std::optional<catalog::ActionId> id;
};

inline TargetAction target_action(std::string_view name) { return {name, catalog::find_action(name)}; }

// How a statement's action element reaches the target action, if it does.
enum class Reach { None, Named, Wildcard, NotAction };

// An Action entry names the target when the builder found it to be that catalog action. Only an
// entry that names no catalog action can be a pattern (catalog names have no `*` or `?`), and
// most patterns fail the match on their first characters, so the match goes before the scan for
// a wildcard.
inline Reach action_reach(const model::TextList& action, const TargetAction& target) {
  bool wildcard = false;
  for (size_t i = 0; i < action.items.size(); ++i) {
    if (auto id = model::named_action(action, i)) {
      if (id == target.id) return Reach::Named;
      continue;
    }
    if (wildcard) continue;
    const std::string& text = action.items[i].value;
    wildcard = catalog::action_pattern_matches(text, target.name) && catalog::has_wildcard(text);
  }
  return wildcard ? Reach::Wildcard : Reach::None;
}

inline Reach reach(const model::Statement& st, const TargetAction& target) {
  if (st.action) return action_reach(*st.action, target);
  if (st.not_action) {
    for (const auto& item : st.not_action->items) {
      if (catalog::action_pattern_matches(item.value, target.name)) return Reach::None;
    }
    return Reach::NotAction;
  }
  return Reach::None;
}

// Two resources no pattern names on purpose, that a pattern covering "every role" (in the rule's
// sense) matches both of.
struct SampleRoles {
  std::string_view first, second;  // resource parts: "role/mfalint-any-role"
};

// A Resource entry that covers every role: "*", or an IAM ARN pattern whose resource part takes
// both sample roles.
inline bool covers_every_role(std::string_view pattern, const SampleRoles& roles) {
  if (pattern == "*") return true;
  auto parts = eval::split_resource_pattern(pattern);
  if (!parts || !catalog::glob_matches((*parts)[2], "iam", false)) return false;
  return catalog::glob_matches((*parts)[5], roles.first, false) &&
         catalog::glob_matches((*parts)[5], roles.second, false);
}

// The first Resource entry that covers every role, or null.
inline const model::Text* every_role_entry(const model::TextList& resource, const SampleRoles& roles) {
  for (const auto& item : resource.items) {
    if (covers_every_role(item.value, roles)) return &item;
  }
  return nullptr;
}

// The statement names what it allows with a positive condition on `key`: a String operator, not
// negated, without ...IfExists or ForAllValues, with values none of which is "*".
inline bool restricted_by(const model::Statement& st, std::string_view key) {
  for (const auto& block : st.conditions) {
    if (block.if_exists || block.qualifier == model::SetQualifier::ForAllValues) continue;
    if (model::operator_family(block.op) != model::OperatorFamily::String || model::is_negated(block.op)) continue;
    for (const auto& entry : block.entries) {
      if (!catalog::equals_lower(entry.key.value, key)) continue;
      bool any = entry.values.empty();
      for (const auto& value : entry.values) any = any || value.text == "*";
      if (!any) return true;
    }
  }
  return false;
}

// Only identity policies grant an IAM action on roles. SCPs, RCPs and permissions boundaries cap
// what other policies grant (their Allow "*" on "*" is how they are written); resource and trust
// policies cannot grant it.
inline bool grants_role_actions(model::PolicyKind kind) { return kind == model::PolicyKind::Identity; }

// One rule's view of an Allow that reaches its action on every role.
struct BroadGrant {
  std::string_view rule;           // "IAM037"
  std::string_view action;         // "iam:PassRole"
  SampleRoles any_role;            // what a Resource entry must take to cover every role
  std::string_view narrowing_key;  // a positive condition on it narrows a Resource "*" enough
  // Access Analyzer's codes by how the statement reaches the action (named, an action wildcard,
  // NotAction), with NotResource and with a Resource on every role.
  std::array<std::string_view, 3> with_not_resource, on_every_role;
  std::string_view not_resource_consequence, every_role_consequence;  // the message's end
};

// The findings of `grant` in an identity policy: at most one per Allow.
inline void report_broad_grants(const model::Policy& policy, const BroadGrant& grant, const TargetAction& target,
                                Findings& out) {
  if (!grants_role_actions(policy.kind)) return;
  for (const auto& st : policy.statements) {
    if (st.effect != model::Effect::Allow) continue;
    Reach how = reach(st, target);
    if (how == Reach::None) continue;
    const Location* where = nullptr;
    std::string place;
    std::string_view code, consequence;
    auto way = static_cast<size_t>(how) - 1;  // Named, Wildcard, NotAction
    if (st.not_resource) {
      where = &st.not_resource->loc;
      place = "with NotResource";
      code = grant.with_not_resource[way];
      consequence = grant.not_resource_consequence;
    } else if (st.resource) {
      const model::Text* star = every_role_entry(*st.resource, grant.any_role);
      if (!star || restricted_by(st, grant.narrowing_key)) continue;
      where = &star->loc;
      place = fmt::format("on \"{}\"", star->value);
      code = grant.on_every_role[way];
      consequence = grant.every_role_consequence;
    } else {
      continue;
    }
    std::string message;
    switch (how) {
      case Reach::Named: message = fmt::format("{} {}", grant.action, place); break;
      case Reach::Wildcard: message = fmt::format("an action wildcard that covers {}, {},", grant.action, place); break;
      default: message = fmt::format("NotAction (which does not exclude {}) {}", grant.action, place);
    }
    message += consequence;
    out.push_back(with_code(make_finding(grant.rule, policy, st, *where, std::move(message)), code));
  }
}

}  // namespace mfalint::checks::role_grant
