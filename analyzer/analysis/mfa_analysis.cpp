#include "analysis/mfa_analysis.h"

#include "analysis/glob.h"
#include "catalog/action_bits.h"
#include "catalog/catalog.h"
#include "catalog/text.h"
#include "checks/check.h"

#include <fmt/format.h>

#include <algorithm>
#include <compare>
#include <cstdint>
#include <iterator>
#include <map>
#include <tuple>

namespace mfalint::analysis {
namespace {

using catalog::ActionBits;
using catalog::ActionId;

ActionBits covered_actions(const model::Statement& st) {
  ActionBits covered;
  const auto& list = st.action ? st.action : st.not_action;
  if (!list) return covered;
  thread_local std::vector<ActionId> ids;  // gathered first: the set then makes room once
  ids.clear();
  for (size_t i = 0; i < list->items.size(); ++i) {
    if (auto id = model::named_action(*list, i)) {
      ids.push_back(*id);
    } else {
      const auto& matched = catalog::match_actions(list->items[i].value);
      ids.insert(ids.end(), matched.begin(), matched.end());
    }
  }
  covered.insert(ids);
  if (st.not_action) covered.complement();
  return covered;
}

struct Judged {
  const model::Policy* policy;
  const model::Statement* statement;
  ActionBits actions;
  Reach reach;
};

// The resource patterns an Allow grants; "*" for NotResource, which grants nearly everything.
std::vector<std::string> resource_targets(const model::Statement& allow) {
  std::vector<std::string> targets;
  if (allow.resource) {
    for (const auto& item : allow.resource->items) targets.push_back(item.value);
  } else {
    targets.push_back("*");
  }
  return targets;
}

// Every resource of the Allow lies inside the Deny's resources, so no request escapes it by resource.
bool deny_covers_resources(const model::Statement& deny, const model::Statement& allow) {
  for (const auto& target : resource_targets(allow)) {
    bool covered = false;
    if (deny.resource) {
      for (const auto& item : deny.resource->items) covered = covered || glob_covers(item.value, target);
    } else if (deny.not_resource) {
      covered = true;
      for (const auto& item : deny.not_resource->items) covered = covered && !globs_intersect(item.value, target);
    }
    if (!covered) return false;
  }
  return true;
}

// Some resource of the Allow is also a resource of the boundary Allow: a request for it passes both.
// Meeting, not containment: a boundary that allows part of the Allow's resources lets that part through.
bool boundary_meets_resources(const model::Statement& boundary, const model::Statement& allow) {
  for (const auto& target : resource_targets(allow)) {
    if (boundary.resource) {
      for (const auto& item : boundary.resource->items) {
        if (globs_intersect(item.value, target)) return true;
      }
    } else if (boundary.not_resource) {
      bool excluded = false;
      for (const auto& item : boundary.not_resource->items) excluded = excluded || glob_covers(item.value, target);
      if (!excluded) return true;
    }
  }
  return false;
}

// The Denies, and the boundary Allows, that cover one action of an Allow.
struct Covering {
  std::vector<const Judged*> denies;
  std::vector<const Judged*> boundary;
  auto operator<=>(const Covering&) const = default;
};

// Which credentials reach an action of `allow` that `covering` covers; with `bounded`, the boundary
// lets through the union of the boundary Allows that cover it.
struct Verdict {
  bool long_term;
  bool no_mfa;
  AgeSet ages;
  size_t outcome = SIZE_MAX;  // its index in the Allow's outcomes, once it has one
};

Verdict judge_action(const Judged& allow, const Covering& covering, bool bounded, const MfaOptions& options) {
  Verdict verdict{allow.reach.long_term_keys && options.long_term_keys_possible,
                  allow.reach.session_without_mfa && options.session_without_mfa_possible, allow.reach.mfa_ages};
  for (const Judged* deny : covering.denies) {
    verdict.long_term = verdict.long_term && !deny->reach.long_term_keys;
    verdict.no_mfa = verdict.no_mfa && !deny->reach.session_without_mfa;
    verdict.ages = verdict.ages.minus(deny->reach.mfa_ages);
  }
  if (bounded) {
    Reach bound;
    for (const Judged* boundary : covering.boundary) {
      bound.long_term_keys = bound.long_term_keys || boundary->reach.long_term_keys;
      bound.session_without_mfa = bound.session_without_mfa || boundary->reach.session_without_mfa;
      bound.mfa_ages = bound.mfa_ages.unite(boundary->reach.mfa_ages);
    }
    verdict.long_term = verdict.long_term && bound.long_term_keys;
    verdict.no_mfa = verdict.no_mfa && bound.session_without_mfa;
    verdict.ages = verdict.ages.intersect(bound.mfa_ages);
  }
  return verdict;
}

// "a, b, c": appended in place, as a message can list hundreds of patterns.
void append_joined(std::string& out, const std::string& item, bool first) {
  if (!first) out += ", ";
  out += item;
}

// The first `shown` of `count` names, `name(i)` giving the i-th, and how many more: "a, b, ... (9 more)".
template <class Name>
std::string list_first(size_t count, size_t shown, Name name) {
  std::string out;
  for (size_t i = 0; i < count && i < shown; ++i) append_joined(out, name(i), i == 0);
  if (count > shown) out += fmt::format(", ... ({} more)", count - shown);
  return out;
}

std::string list_names(const std::vector<std::string>& names, size_t shown) {
  return list_first(names.size(), shown, [&](size_t i) -> const std::string& { return names[i]; });
}

std::string list_actions(const std::vector<ActionId>& ids, size_t shown) {
  return list_first(ids.size(), shown, [&](size_t i) { return catalog::action_full_name(ids[i]); });
}

void append_patterns(std::string& out, const model::Statement& st) {
  const auto& list = st.action ? st.action : st.not_action;
  if (st.not_action) out += "NotAction ";
  for (size_t i = 0; list && i < list->items.size(); ++i) append_joined(out, list->items[i].value, i == 0);
}

std::string patterns_of(const model::Statement& st) {
  std::string out;
  append_patterns(out, st);
  return out;
}

std::string resources_of(const model::Statement& st, std::vector<std::string>& out) {
  const auto& list = st.resource ? st.resource : st.not_resource;
  std::string text = st.not_resource ? "NotResource " : "";
  for (size_t i = 0; list && i < list->items.size(); ++i) {
    out.push_back(list->items[i].value);
    append_joined(text, list->items[i].value, i == 0);
  }
  return text;
}

// Appends "s3:Get* (42 sensitive actions: s3:GetObject, ...)"; when the statement names exactly
// these actions, they are not named twice: "iam:CreateUser, iam:DeleteUser (2 sensitive actions)".
// In place: a statement can list hundreds of patterns.
void append_actions_phrase(std::string& out, const model::Statement& st, const std::vector<ActionId>& ids) {
  append_patterns(out, st);
  fmt::format_to(std::back_inserter(out), " ({} sensitive action{}", ids.size(), ids.size() == 1 ? "" : "s");
  bool named_exactly = st.action && st.action->items.size() == ids.size() &&
                       std::none_of(st.action->items.begin(), st.action->items.end(),
                                    [](const auto& item) { return catalog::has_wildcard(item.value); });
  if (!named_exactly) {
    out += ": ";
    out += list_actions(ids, 3);
  }
  out += ')';
}

struct Outcome {
  bool long_term;
  bool no_mfa;
  AgeSet ages;
  std::vector<ActionId> ids;  // ascending
};

std::string decision(bool allowed) { return allowed ? "Allowed" : "Denied"; }

}  // namespace

MfaResult analyze_mfa(const std::vector<const model::Policy*>& policies, const catalog::Sensitivity& sensitivity,
                      const MfaOptions& options, const std::vector<const model::Policy*>& boundaries) {
  MfaResult result;
  std::vector<Judged> allows, denies, boundary_allows;
  auto judge = [&](const model::Policy* policy, std::vector<Judged>& allowed) {
    for (const auto& st : policy->statements) {
      if (!st.effect) continue;
      Judged judged{policy, &st, covered_actions(st), condition_reach(st, *st.effect, options.assumptions)};
      (*st.effect == model::Effect::Allow ? allowed : denies).push_back(std::move(judged));
    }
  };
  for (const auto* policy : policies) judge(policy, allows);
  for (const auto* boundary : boundaries) judge(boundary, boundary_allows);
  ActionBits reached_without_mfa, reached_with_mfa;
  std::vector<ActionId> bootstrap_reached;
  const model::Policy* bootstrap_policy = nullptr;
  for (const auto& allow : allows) {
    std::vector<const Judged*> applicable, bounding;
    for (const auto& deny : denies) {
      if (deny_covers_resources(*deny.statement, *allow.statement)) applicable.push_back(&deny);
    }
    for (const auto& boundary : boundary_allows) {
      if (boundary_meets_resources(*boundary.statement, *allow.statement)) bounding.push_back(&boundary);
    }
    // Actions covered by the same Denies (and boundary Allows) fare the same: each such set is
    // judged once (usually there is one: no Deny covers them).
    const bool bounded = !boundaries.empty();
    std::map<Covering, size_t> verdict_of;
    std::vector<Verdict> verdicts;
    Covering covering, last_covering;
    size_t last_verdict = SIZE_MAX;
    // Actions with the same outcome share one finding; an Allow has one or two outcomes.
    std::vector<Outcome> outcomes;
    allow.actions.for_each([&](ActionId id) {
      covering.denies.clear();
      for (const Judged* deny : applicable) {
        if (deny->actions.contains(id)) covering.denies.push_back(deny);
      }
      covering.boundary.clear();
      for (const Judged* boundary : bounding) {
        if (boundary->actions.contains(id)) covering.boundary.push_back(boundary);
      }
      if (last_verdict == SIZE_MAX || covering != last_covering) {
        auto [it, added] = verdict_of.try_emplace(covering, verdicts.size());
        if (added) verdicts.push_back(judge_action(allow, covering, bounded, options));
        last_verdict = it->second;
        last_covering = covering;
      }
      Verdict& verdict = verdicts[last_verdict];
      bool without_mfa = verdict.long_term || verdict.no_mfa;
      if (!without_mfa && verdict.ages.empty()) return;  // no credential reaches it: not granted
      if (sensitivity.is_mfa_bootstrap(id)) {
        if (without_mfa) {
          bootstrap_reached.push_back(id);
          bootstrap_policy = allow.policy;
        }
        return;
      }
      (without_mfa ? reached_without_mfa : reached_with_mfa).insert(id);
      if (verdict.outcome == SIZE_MAX) {
        auto same = std::find_if(outcomes.begin(), outcomes.end(), [&](const Outcome& outcome) {
          return outcome.long_term == verdict.long_term && outcome.no_mfa == verdict.no_mfa &&
                 outcome.ages == verdict.ages;
        });
        verdict.outcome = static_cast<size_t>(same - outcomes.begin());
        if (same == outcomes.end()) outcomes.push_back(Outcome{verdict.long_term, verdict.no_mfa, verdict.ages, {}});
      }
      outcomes[verdict.outcome].ids.push_back(id);
    }, &sensitivity.sensitive);
    // In a stable order: without MFA last, and by window.
    std::sort(outcomes.begin(), outcomes.end(), [](const Outcome& a, const Outcome& b) {
      return std::tuple(a.long_term, a.no_mfa, a.ages.to_json()) < std::tuple(b.long_term, b.no_mfa, b.ages.to_json());
    });
    const model::Statement& st = *allow.statement;
    for (Outcome& outcome : outcomes) {
      const AgeSet& ages = outcome.ages;
      bool long_term = outcome.long_term, no_mfa = outcome.no_mfa;
      size_t count = outcome.ids.size();
      std::vector<std::string> resources;
      std::string resources_text = resources_of(st, resources);
      if (options.rows) {
        report::MfaRow row;
        row.subject = allow.policy->source ? allow.policy->source->path() : "";
        row.context = allow.policy->context;
        row.actions = fmt::format("{} ({} sensitive action{})", patterns_of(st), count, count == 1 ? "" : "s");
        row.resource = std::move(resources_text);
        row.long_term_keys = decision(long_term);
        row.session_without_mfa = decision(no_mfa);
        row.mfa_window = ages.describe();
        for (const auto& interval : ages.intervals()) row.mfa_ages.emplace_back(interval.from, interval.to);
        row.is_protected = !long_term && !no_mfa && !ages.empty();
        result.rows.push_back(std::move(row));
      }
      const Location& at = st.action ? st.action->loc : st.not_action->loc;
      if (long_term || no_mfa) {
        std::string_view who = credentials_without_mfa(long_term, no_mfa);
        std::string message;
        append_actions_phrase(message, st, outcome.ids);
        message += " allowed without MFA to ";
        message += who;
        if (!allow.reach.assumed_keys.empty()) {
          message += fmt::format("; assumes the requester can meet the conditions on {}",
                                 list_names(allow.reach.assumed_keys, 5));
        }
        Finding finding = checks::make_finding("MFA001", *allow.policy, st, at, message);
        finding.actions.ids = std::move(outcome.ids);
        finding.resources = std::move(resources);
        finding.fix = options.max_mfa_age && !options.max_mfa_age_by_default
                          ? fmt::format("add \"Condition\": {{\"NumericLessThan\": {{\"aws:MultiFactorAuthAge\": \"{}\"}}}}",
                                        *options.max_mfa_age + 1)
                          : "add \"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}";
        result.findings.push_back(std::move(finding));
      } else if (options.max_mfa_age && !ages.empty() && ages.intervals().back().to > *options.max_mfa_age) {
        Finding finding = checks::make_finding(
            "MFA008", *allow.policy, st, at,
            fmt::format("{} ({} sensitive action{}) usable by an MFA session {} after sign-in; the maximum is {} s{}",
                        patterns_of(st), count, count == 1 ? "" : "s", ages.describe(), *options.max_mfa_age,
                        options.max_mfa_age_by_default ? " by default" : ""));
        if (options.max_mfa_age_by_default) finding.severity = Severity::Note;
        finding.actions.ids = std::move(outcome.ids);
        finding.resources = std::move(resources);
        finding.fix = fmt::format("\"NumericLessThan\": {{\"aws:MultiFactorAuthAge\": \"{}\"}}", *options.max_mfa_age + 1);
        result.findings.push_back(std::move(finding));
      }
    }
  }
  reached_without_mfa.for_each([&](ActionId id) { result.unprotected_actions.push_back(id); });
  reached_with_mfa.for_each([&](ActionId id) {
    if (!reached_without_mfa.contains(id)) result.protected_actions.push_back(id);
  });
  if (!bootstrap_reached.empty()) {
    std::sort(bootstrap_reached.begin(), bootstrap_reached.end());
    bootstrap_reached.erase(std::unique(bootstrap_reached.begin(), bootstrap_reached.end()), bootstrap_reached.end());
    Finding note = checks::make_finding(
        "MFA001", *bootstrap_policy, bootstrap_policy->loc,
        fmt::format("MFA set-up actions reachable without MFA, as they must be for users to enable MFA: {}",
                    list_actions(bootstrap_reached, 10)));
    note.severity = Severity::Note;
    note.actions.ids = std::move(bootstrap_reached);
    result.findings.push_back(std::move(note));
  }
  return result;
}

}  // namespace mfalint::analysis
