#include "analysis/mfa_analysis.h"

#include "analysis/glob.h"
#include "analysis/mfa_setup.h"
#include "analysis/principal_kinds.h"
#include "catalog/action_bits.h"
#include "catalog/catalog.h"
#include "catalog/text.h"
#include "model/policy_finding.h"

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
  // For a limit's Allow: which limit (the boundary, an SCP or RCP level). For a Deny: the control
  // level it comes from, or none.
  uint32_t limit = 0;
  const ControlLevel* control = nullptr;
};

// What the identity policies' Allows must also pass: the permissions boundary, then each SCP and
// RCP level. A level's Allows are united; every limit must let the request through.
struct Limit {
  const ControlLevel* control = nullptr;  // null: the permissions boundary
};

// Where a control policy's statement is, for messages: "SCP guard.json:4:5 (level ou-1)".
std::string control_where(const Judged& judged) {
  const ControlLevel& level = *judged.control;
  const model::Statement& st = *judged.statement;
  std::string file = judged.policy->source ? judged.policy->source->path() : level.name;
  return fmt::format("{} {}:{}:{} (level {})", control_kind_name(level.kind), file, st.loc.line, st.loc.column,
                     level.name);
}

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
      for (const auto& item : deny.resource->items) covered = covered || resource_covers(item.value, target);
    } else if (deny.not_resource) {
      covered = true;
      for (const auto& item : deny.not_resource->items) covered = covered && !resources_intersect(item.value, target);
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
        if (resources_intersect(item.value, target)) return true;
      }
    } else if (boundary.not_resource) {
      bool excluded = false;
      for (const auto& item : boundary.not_resource->items) excluded = excluded || resource_covers(item.value, target);
      if (!excluded) return true;
    }
  }
  return false;
}

// The Denies, and the limits' Allows, that cover one action of an Allow; `exempt` has bit i set
// when limit i does not govern the action (an RCP level, for a service RCPs do not support).
struct Covering {
  std::vector<const Judged*> denies;
  std::vector<const Judged*> limit_allows;
  uint64_t exempt = 0;
  auto operator<=>(const Covering&) const = default;
};

void append_joined(std::string& out, const std::string& item, bool first);

// Which credentials reach an action of `allow` that `covering` covers; each limit lets through the
// union of its Allows that cover it.
struct Verdict {
  bool long_term;
  bool no_mfa;
  AgeSet ages;
  size_t outcome = SIZE_MAX;  // its index in the Allow's outcomes, once it has one
  // What the organization's policies took away, when they took something: from which kinds of
  // credentials (for the MFA table), and the statements or levels that did.
  TakenBy long_term_by, no_mfa_by, ages_by;
  std::string decided;
  bool reached_before_control = false;  // some credential reached it before the SCPs and RCPs applied

  bool reached() const { return long_term || no_mfa || !ages.empty(); }
};

// Records that a policy of `kind` (an SCP or an RCP) took a kind of credentials away.
void note_taker(TakenBy& by, model::PolicyKind kind) {
  (kind == model::PolicyKind::ResourceControl ? by.rcp : by.scp) = true;
}

// Narrows `verdict` to what one Deny or one limit lets through, recording what the organization's
// policies took away, and `why`.
void restrict_verdict(Verdict& verdict, bool long_term, bool no_mfa, const AgeSet& ages, const ControlLevel* control,
                      const std::string& why) {
  bool changed = false;
  if (verdict.long_term && !long_term) {
    changed = true;
    if (control) note_taker(verdict.long_term_by, control->kind);
  }
  if (verdict.no_mfa && !no_mfa) {
    changed = true;
    if (control) note_taker(verdict.no_mfa_by, control->kind);
  }
  AgeSet kept = verdict.ages.intersect(ages);
  if (!(kept == verdict.ages)) {
    changed = true;
    if (control) note_taker(verdict.ages_by, control->kind);
  }
  verdict.long_term = verdict.long_term && long_term;
  verdict.no_mfa = verdict.no_mfa && no_mfa;
  verdict.ages = std::move(kept);
  if (changed && control) append_joined(verdict.decided, why, verdict.decided.empty());
}

Verdict judge_action(const Judged& allow, const Covering& covering, std::span<const Limit> limits,
                     const MfaOptions& options) {
  Verdict verdict{allow.reach.long_term_keys && options.long_term_keys_possible,
                  allow.reach.session_without_mfa && options.session_without_mfa_possible, allow.reach.mfa_ages};
  // The principal's own policies first, then the organization's: what is left for the
  // organization's to take is what the reports say they decided.
  for (bool control : {false, true}) {
    if (control) verdict.reached_before_control = verdict.reached();
    for (const Judged* deny : covering.denies) {
      if ((deny->control != nullptr) != control) continue;
      restrict_verdict(verdict, !deny->reach.long_term_keys, !deny->reach.session_without_mfa,
                       AgeSet::all().minus(deny->reach.mfa_ages), deny->control,
                       control ? "denied by " + control_where(*deny) : std::string());
    }
    for (uint32_t i = 0; i < limits.size(); ++i) {
      if ((limits[i].control != nullptr) != control || (covering.exempt >> i & 1)) continue;
      Reach bound{false, false, AgeSet::none(), {}};
      for (const Judged* limit_allow : covering.limit_allows) {
        if (limit_allow->limit != i) continue;
        bound.long_term_keys = bound.long_term_keys || limit_allow->reach.long_term_keys;
        bound.session_without_mfa = bound.session_without_mfa || limit_allow->reach.session_without_mfa;
        bound.mfa_ages = bound.mfa_ages.unite(limit_allow->reach.mfa_ages);
      }
      std::string why = control ? fmt::format("no {} of level {} allows it", control_kind_name(limits[i].control->kind),
                                              limits[i].control->name)
                                : std::string();
      restrict_verdict(verdict, bound.long_term_keys, bound.session_without_mfa, bound.mfa_ages, limits[i].control,
                       why);
    }
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
  if (st.not_action) out += "every action except ";
  for (size_t i = 0; list && i < list->items.size(); ++i) append_joined(out, list->items[i].value, i == 0);
}

std::string patterns_of(const model::Statement& st) {
  std::string out;
  append_patterns(out, st);
  return out;
}

// The statement's resources as the MFA table shows them: "*", "every resource except X".
std::string resources_text(const model::Statement& st) {
  const auto& list = st.resource ? st.resource : st.not_resource;
  std::string text = st.not_resource ? "every resource except " : "";
  for (size_t i = 0; list && i < list->items.size(); ++i) append_joined(text, list->items[i].value, i == 0);
  return text;
}

// The statement's resources into `finding`'s resources or, for NotResource, its not_resources: a
// consumer must tell "allowed on X" from "allowed on everything but X".
void add_resources(const model::Statement& st, Finding& finding) {
  const auto& list = st.resource ? st.resource : st.not_resource;
  auto& out = st.not_resource ? finding.not_resources : finding.resources;
  for (size_t i = 0; list && i < list->items.size(); ++i) out.push_back(list->items[i].value);
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
  size_t verdict;  // the index of the first verdict with this outcome: the others are equal to it
  std::vector<ActionId> ids;  // ascending
};

bool same_outcome(const Verdict& a, const Verdict& b) {
  return a.long_term == b.long_term && a.no_mfa == b.no_mfa && a.ages == b.ages && a.decided == b.decided &&
         a.long_term_by == b.long_term_by && a.no_mfa_by == b.no_mfa_by && a.ages_by == b.ages_by;
}

// Actions an Allow grants that no credential reaches once the organization's policies apply.
struct ControlDenied {
  std::string decided;
  std::vector<ActionId> ids;
};

ActionBits rcp_actions() {
  // The services whose resources resource control policies govern (AWS Organizations' user guide).
  ActionBits bits;
  for (std::string_view prefix : {"s3", "sts", "sqs", "secretsmanager", "kms", "ecr", "aoss", "cognito-identity",
                                  "logs", "dynamodb"}) {
    if (auto service = catalog::find_service(prefix)) {
      auto range = catalog::service_actions(*service);
      for (ActionId id = range.first; id < range.last; ++id) bits.insert(id);
    }
  }
  return bits;
}

// A Deny that requires MFA (it applies to requests without MFA, not to every MFA session) and
// whose NotAction leaves some of `ids` out: the reason a policy set that means to require MFA
// everywhere leaves them open, as AWS's example "deny all but IAM without MFA" does for IAM.
const Judged* exempting_mfa_deny(const std::vector<Judged>& denies, const std::vector<ActionId>& ids) {
  for (const Judged& deny : denies) {
    const Reach& reach = deny.reach;
    if (!deny.statement->not_action || deny.control || !(reach.long_term_keys || reach.session_without_mfa) ||
        reach.mfa_ages.is_all()) {
      continue;
    }
    if (std::any_of(ids.begin(), ids.end(), [&](ActionId id) { return !deny.actions.contains(id); })) return &deny;
  }
  return nullptr;
}

// MFA016: the set-up actions an Allow leaves reachable without MFA on other users or devices.
Finding setup_finding(const Judged& allow, std::vector<ActionId>& ids, bool long_term, bool no_mfa,
                      const std::optional<std::string> (&opened)[2]) {
  std::sort(ids.begin(), ids.end());
  std::string whom;
  for (const auto& others : opened) {
    if (others && !others->empty()) whom += (whom.empty() ? "" : " and ") + *others;
  }
  const model::Statement& st = *allow.statement;
  Finding finding = model::make_finding(
      "MFA016", *allow.policy, st, st.loc,
      fmt::format("MFA set-up actions allowed without MFA to {} on {}, not only on the caller's own user and device: "
                  "{}; whoever holds such credentials can manage the MFA devices of those users, an administrator's "
                  "included",
                  credentials_without_mfa(long_term, no_mfa), whom, list_actions(ids, 10)));
  finding.actions.ids = std::move(ids);
  add_resources(st, finding);
  finding.fix = "scope them to \"arn:aws:iam::*:user/${aws:username}\" and \"arn:aws:iam::*:mfa/${aws:username}\"";
  return finding;
}

}  // namespace

std::string_view control_kind_name(model::PolicyKind kind) {
  return kind == model::PolicyKind::ResourceControl ? "RCP" : "SCP";
}

MfaResult analyze_mfa(const std::vector<const model::Policy*>& policies, const catalog::Sensitivity& sensitivity,
                      const MfaOptions& options, const std::vector<const model::Policy*>& boundaries) {
  MfaResult result;
  std::vector<Judged> allows, denies, limit_allows;
  std::vector<Limit> limits;
  auto judge = [&](const model::Policy* policy, std::vector<Judged>& allowed, const ControlLevel* control) {
    for (const auto& st : policy->statements) {
      if (!st.effect) continue;
      PrincipalKinds kinds = principal_kinds(st);
      // Requests of services and identity providers carry no MFA keys: MFA concerns AWS principals only.
      if (!kinds.aws) continue;
      Judged judged{policy, &st, covered_actions(st), condition_reach(st, *st.effect, options.assumptions)};
      bool allow = *st.effect == model::Effect::Allow;
      // A resource policy's grant to roles only: their requests are sessions, never long-term keys.
      if (allow && kinds.only_roles) judged.reach.long_term_keys = false;
      judged.limit = static_cast<uint32_t>(limits.size() - (limits.empty() ? 0 : 1));
      if (!allow) judged.control = control;
      (allow ? allowed : denies).push_back(std::move(judged));
    }
  };
  for (const auto* policy : policies) judge(policy, allows, nullptr);
  if (!boundaries.empty()) limits.push_back(Limit{nullptr});
  for (const auto* boundary : boundaries) judge(boundary, limit_allows, nullptr);
  bool any_rcp = false;
  for (const ControlLevel& level : options.control) {
    limits.push_back(Limit{&level});
    any_rcp = any_rcp || level.kind == model::PolicyKind::ResourceControl;
    for (const auto* policy : level.policies) judge(policy, limit_allows, &level);
  }
  static const ActionBits kRcpActions = rcp_actions();
  auto rcp_skips = [&](const ControlLevel* control, ActionId id) {
    return control && control->kind == model::PolicyKind::ResourceControl && !kRcpActions.contains(id);
  };
  ActionBits reached_without_mfa, reached_with_mfa;
  std::vector<ActionId> bootstrap_reached;
  const model::Policy* bootstrap_policy = nullptr;
  for (const auto& allow : allows) {
    std::vector<const Judged*> applicable, limiting;
    for (const auto& deny : denies) {
      if (deny_covers_resources(*deny.statement, *allow.statement)) applicable.push_back(&deny);
    }
    for (const auto& limit_allow : limit_allows) {
      if (boundary_meets_resources(*limit_allow.statement, *allow.statement)) limiting.push_back(&limit_allow);
    }
    // Actions covered by the same Denies (and limits' Allows) fare the same: each such set is
    // judged once (usually there is one: no Deny covers them).
    std::vector<ControlDenied> control_denied;
    std::map<Covering, size_t> verdict_of;
    std::vector<Verdict> verdicts;
    Covering covering, last_covering;
    size_t last_verdict = SIZE_MAX;
    // Actions with the same outcome share one finding; an Allow has one or two outcomes.
    std::vector<Outcome> outcomes;
    // MFA set-up actions reachable without MFA on users or devices other than the caller's own (MFA016).
    std::vector<ActionId> setup_opened;
    bool setup_long_term = false, setup_no_mfa = false;
    std::optional<std::string> opened[2];  // per SetupTarget, computed when first needed
    size_t granted = 0;  // the sensitive actions the Allow grants, the MFA set-up ones aside
    auto visit = [&](ActionId id) {
      covering.denies.clear();
      for (const Judged* deny : applicable) {
        if (deny->actions.contains(id) && !(any_rcp && rcp_skips(deny->control, id))) covering.denies.push_back(deny);
      }
      covering.limit_allows.clear();
      for (const Judged* limit_allow : limiting) {
        if (limit_allow->actions.contains(id)) covering.limit_allows.push_back(limit_allow);
      }
      covering.exempt = 0;
      for (size_t i = 0; any_rcp && i < limits.size(); ++i) {
        if (rcp_skips(limits[i].control, id)) covering.exempt |= uint64_t{1} << i;
      }
      if (last_verdict == SIZE_MAX || covering != last_covering) {
        auto [it, added] = verdict_of.try_emplace(covering, verdicts.size());
        if (added) verdicts.push_back(judge_action(allow, covering, limits, options));
        last_verdict = it->second;
        last_covering = covering;
      }
      Verdict& verdict = verdicts[last_verdict];
      bool without_mfa = verdict.long_term || verdict.no_mfa;
      if (auto target = mfa_setup_target(id); target && without_mfa) {
        auto& others = opened[static_cast<size_t>(*target)];
        if (!others) others = others_opened(*allow.statement, *target);
        if (!others->empty()) {
          setup_opened.push_back(id);
          setup_long_term = setup_long_term || verdict.long_term;
          setup_no_mfa = setup_no_mfa || verdict.no_mfa;
          if (sensitivity.is_sensitive(id) && !sensitivity.is_mfa_bootstrap(id)) reached_without_mfa.insert(id);
          return;
        }
      }
      if (!sensitivity.is_sensitive(id)) return;  // a set-up action outside the sensitive ones, on the caller's own
      if (!sensitivity.is_mfa_bootstrap(id)) ++granted;
      if (!verdict.reached()) {  // no credential reaches it: not granted, or not past the organization's policies
        if (verdict.reached_before_control && !sensitivity.is_mfa_bootstrap(id)) {
          auto same = std::find_if(control_denied.begin(), control_denied.end(),
                                   [&](const ControlDenied& denied) { return denied.decided == verdict.decided; });
          if (same == control_denied.end()) same = control_denied.insert(same, ControlDenied{verdict.decided, {}});
          same->ids.push_back(id);
        }
        return;
      }
      if (sensitivity.is_mfa_bootstrap(id)) {
        if (without_mfa) {
          bootstrap_reached.push_back(id);
          bootstrap_policy = allow.policy;
        }
        return;
      }
      (without_mfa ? reached_without_mfa : reached_with_mfa).insert(id);
      if (verdict.outcome == SIZE_MAX) {
        auto same = std::find_if(outcomes.begin(), outcomes.end(),
                                 [&](const Outcome& outcome) { return same_outcome(verdicts[outcome.verdict], verdict); });
        verdict.outcome = static_cast<size_t>(same - outcomes.begin());
        if (same == outcomes.end()) outcomes.push_back(Outcome{last_verdict, {}});
      }
      outcomes[verdict.outcome].ids.push_back(id);
    };
    allow.actions.for_each(visit, &sensitivity.sensitive);
    allow.actions.for_each([&](ActionId id) { if (!sensitivity.is_sensitive(id)) visit(id); }, &mfa_setup_actions());
    // In a stable order: without MFA last, and by window.
    std::sort(outcomes.begin(), outcomes.end(), [&](const Outcome& a, const Outcome& b) {
      const Verdict &x = verdicts[a.verdict], &y = verdicts[b.verdict];
      return std::tuple(x.long_term, x.no_mfa, x.ages.to_json(), x.decided) <
             std::tuple(y.long_term, y.no_mfa, y.ages.to_json(), y.decided);
    });
    const model::Statement& st = *allow.statement;
    for (Outcome& outcome : outcomes) {
      const Verdict& verdict = verdicts[outcome.verdict];
      const AgeSet& ages = verdict.ages;
      bool long_term = verdict.long_term, no_mfa = verdict.no_mfa;
      size_t count = outcome.ids.size();
      if (options.rows) {
        MfaRow row;
        row.subject = allow.policy->source ? allow.policy->source->path() : "";
        row.context = allow.policy->context;
        row.actions = fmt::format("{} ({} sensitive action{})", patterns_of(st), count, count == 1 ? "" : "s");
        row.resource = resources_text(st);
        row.long_term_keys = CredentialReach{long_term, long_term ? TakenBy{} : verdict.long_term_by};
        row.session_without_mfa = CredentialReach{no_mfa, no_mfa ? TakenBy{} : verdict.no_mfa_by};
        row.mfa_window = ages.describe();
        if (verdict.ages_by.any()) row.mfa_window += fmt::format(" (by {})", verdict.ages_by.describe());
        for (const auto& interval : ages.intervals()) row.mfa_ages.emplace_back(interval.from, interval.to);
        row.is_protected = !long_term && !no_mfa && !ages.empty();
        result.rows.push_back(std::move(row));
      }
      const Location& at = st.action ? st.action->loc : st.not_action->loc;
      if (long_term || no_mfa) {
        std::string_view who = credentials_without_mfa(long_term, no_mfa);
        std::string message;
        if (outcome.ids.size() == granted) {
          append_actions_phrase(message, st, outcome.ids);
        } else {  // the others need MFA, or are denied: name only those this outcome reaches
          append_patterns(message, st);
          fmt::format_to(std::back_inserter(message), ": {} of its {} sensitive actions ({})", outcome.ids.size(), granted,
                         list_actions(outcome.ids, 5));
        }
        message += " allowed without MFA to ";
        message += who;
        if (!options.sessions_without_mfa_from.empty()) {
          message += " (the role's sessions: its trust policy lets " + list_names(options.sessions_without_mfa_from, 3) +
                     " assume it without MFA)";
        }
        if (!allow.reach.assumed_keys.empty()) {
          message += fmt::format("; assumes the requester can meet the conditions on {}",
                                 list_names(allow.reach.assumed_keys, 5));
        }
        if (!verdict.decided.empty()) message += "; the organization's policies decided the rest: " + verdict.decided;
        if (const Judged* deny = exempting_mfa_deny(denies, outcome.ids)) {
          const Location& where = deny->statement->not_action->loc;
          message += fmt::format("; the Deny requiring MFA at {}:{}:{} exempts them by its NotAction",
                                 deny->policy->source ? deny->policy->source->path() : "", where.line, where.column);
        }
        if (PrincipalKinds kinds = principal_kinds(st); kinds.service || kinds.federated) {
          message += "; judged for its AWS principals (its service and federated principals carry no MFA)";
        }
        Finding finding = model::make_finding("MFA001", *allow.policy, st, at, message);
        finding.actions.ids = std::move(outcome.ids);
        add_resources(st, finding);
        finding.fix = options.max_mfa_age && !options.max_mfa_age_by_default
                          ? fmt::format("add \"Condition\": {{\"NumericLessThan\": {{\"aws:MultiFactorAuthAge\": \"{}\"}}}}",
                                        *options.max_mfa_age + 1)
                          : "add \"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}";
        result.findings.push_back(std::move(finding));
      } else if (options.max_mfa_age && !ages.empty() && ages.intervals().back().to > *options.max_mfa_age) {
        Finding finding = model::make_finding(
            "MFA008", *allow.policy, st, at,
            fmt::format("{} ({} sensitive action{}) usable by an MFA session {} after sign-in; the maximum is {} s{}",
                        patterns_of(st), count, count == 1 ? "" : "s", ages.describe(), *options.max_mfa_age,
                        options.max_mfa_age_by_default ? " by default" : ""));
        if (options.max_mfa_age_by_default) finding.severity = Severity::Note;
        finding.actions.ids = std::move(outcome.ids);
        add_resources(st, finding);
        finding.fix = fmt::format("\"NumericLessThan\": {{\"aws:MultiFactorAuthAge\": \"{}\"}}", *options.max_mfa_age + 1);
        result.findings.push_back(std::move(finding));
      }
    }
    if (!setup_opened.empty()) result.findings.push_back(setup_finding(allow, setup_opened, setup_long_term, setup_no_mfa, opened));
    // What the Allow grants but the organization's policies take from every credential: a note, so
    // the report says why those actions are not reachable.
    for (ControlDenied& denied : control_denied) {
      const Location& at = st.action ? st.action->loc : st.not_action->loc;
      std::string message;
      append_actions_phrase(message, st, denied.ids);
      message += " allowed here but reachable by no credential: " + denied.decided;
      Finding note = model::make_finding("MFA018", *allow.policy, st, at, std::move(message));
      note.actions.ids = std::move(denied.ids);
      result.findings.push_back(std::move(note));
    }
  }
  reached_without_mfa.for_each([&](ActionId id) { result.unprotected_actions.push_back(id); });
  reached_with_mfa.for_each([&](ActionId id) {
    if (!reached_without_mfa.contains(id)) result.protected_actions.push_back(id);
  });
  if (!bootstrap_reached.empty()) {
    std::sort(bootstrap_reached.begin(), bootstrap_reached.end());
    bootstrap_reached.erase(std::unique(bootstrap_reached.begin(), bootstrap_reached.end()), bootstrap_reached.end());
    Finding note = model::make_finding(
        "MFA017", *bootstrap_policy, bootstrap_policy->loc,
        fmt::format("MFA set-up actions reachable without MFA, as they must be for users to enable MFA: {}",
                    list_actions(bootstrap_reached, 10)));
    note.actions.ids = std::move(bootstrap_reached);
    result.findings.push_back(std::move(note));
  }
  return result;
}

}  // namespace mfalint::analysis
