#include "pipeline/audit.h"

#include "analysis/principal_kinds.h"
#include "catalog/action_bits.h"
#include "pipeline/organization.h"
#include "checks/check.h"
#include "eval/statement.h"
#include "report/summary.h"

#include <fmt/core.h>

#include <algorithm>
#include <deque>
#include <tuple>

namespace mfalint::pipeline {
namespace {

// The principal's own copies of its policies, each named as the principal comes by it, so that a
// managed policy attached to many principals gives each its own findings.
class PolicySet {
 public:
  PolicySet(const input::AccountDump& dump, Findings& findings) : dump_(dump), findings_(findings) {}

  void add(const input::PolicyRef& ref, model::PolicyKind kind, std::vector<const model::Policy*>& into) {
    const input::DumpPolicy& document = dump_.documents[ref.document];
    for (const auto& finding : document.findings) {
      findings_.push_back(finding);
      findings_.back().context = ref.via;
    }
    if (!document.policy) return;
    model::Policy& policy = copies_.emplace_back(*document.policy);
    policy.context = ref.via;
    policy.kind = kind;
    checks::run_checks(policy, findings_);
    into.push_back(&policy);
  }

 private:
  const input::AccountDump& dump_;
  Findings& findings_;
  std::deque<model::Policy> copies_;  // stable addresses for the pointers handed out
};

// "*" or {"AWS": "*"}: every caller.
bool names_everyone(const model::Principal& principal) {
  if (principal.wildcard) return true;
  for (const auto& entry : principal.entries) {
    if (entry.type.value != "AWS") continue;
    for (const auto& value : entry.values.items) {
      if (value.value == "*") return true;
    }
  }
  return false;
}

// The AWS principals that can assume the role without MFA (none: nobody can), reading the trust
// policy as the evaluator does (simulate's sts:AssumeRole on the role): those named by an Allow of
// sts:AssumeRole whose condition holds without MFA, unless a Deny for everyone stops that kind of
// credentials. Services and identity providers are judged apart (role_reached_by). A Deny that
// names some principals only is not applied: the role is judged reachable rather than not.
std::vector<std::string> assumed_without_mfa_by(const std::vector<const model::Policy*>& trust,
                                                const analysis::MfaOptions& options) {
  bool long_term_denied = false, without_mfa_denied = false;
  std::vector<std::string> with_long_term, with_session;  // admitted with long-term keys, with a session without MFA
  auto add_names = [](const model::Principal& principal, std::vector<std::string>& into) {
    if (principal.wildcard) into.push_back("*");
    for (const auto& entry : principal.entries) {
      if (entry.type.value != "AWS" && entry.type.value != "CanonicalUser") continue;
      for (const auto& value : entry.values.items) into.push_back(value.value);
    }
  };
  for (const model::Policy* policy : trust) {
    for (const auto& st : policy->statements) {
      if (!st.effect || !eval::statement_covers_action(st, "sts:AssumeRole")) continue;
      if (st.effect == model::Effect::Deny) {
        if (!st.principal || !names_everyone(*st.principal)) continue;
        analysis::Reach reach = analysis::condition_reach(st, model::Effect::Deny, options.assumptions);
        long_term_denied |= reach.long_term_keys;
        without_mfa_denied |= reach.session_without_mfa;
        continue;
      }
      if (!st.principal || analysis::only_non_aws_principals(st)) continue;
      analysis::Reach reach = analysis::condition_reach(st, model::Effect::Allow, options.assumptions);
      if (reach.long_term_keys) add_names(*st.principal, with_long_term);
      if (reach.session_without_mfa) add_names(*st.principal, with_session);
    }
  }
  std::vector<std::string> names;
  if (!long_term_denied) names = std::move(with_long_term);
  if (!without_mfa_denied) names.insert(names.end(), with_session.begin(), with_session.end());
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

// Who can assume a role, by its trust policy's Allows: people (an AWS principal), or only services,
// or only identity providers (and perhaps services). A role without a trust policy in the dump is
// taken as people's.
report::ReachedBy role_reached_by(const std::vector<const model::Policy*>& trust) {
  analysis::PrincipalKinds kinds;
  for (const model::Policy* policy : trust) {
    for (const auto& st : policy->statements) {
      if (st.effect != model::Effect::Allow || !st.principal) continue;
      analysis::PrincipalKinds more = analysis::principal_kinds(st);
      kinds.aws = kinds.aws || more.aws;
      kinds.service = kinds.service || more.service;
      kinds.federated = kinds.federated || more.federated;
    }
  }
  if (kinds.aws || trust.empty()) return report::ReachedBy::People;
  if (kinds.federated) return report::ReachedBy::IdentityProviders;
  if (kinds.service) return report::ReachedBy::Services;
  return report::ReachedBy::People;
}

void add_principal(const input::AccountDump& dump, const input::DumpPrincipal& principal,
                   const catalog::Sensitivity& sensitivity, const analysis::MfaOptions& options, report::Report& report,
                   catalog::ActionBits& people_reach_without_mfa) {
  std::string type(input::principal_type_name(principal.type));
  std::string subject = fmt::format("{}/{}", type, principal.name);
  Findings findings;
  PolicySet set(dump, findings);
  std::vector<const model::Policy*> identity, boundary, trust;
  for (const auto& ref : principal.identity) set.add(ref, model::PolicyKind::Identity, identity);
  if (principal.boundary) set.add(*principal.boundary, model::PolicyKind::Boundary, boundary);
  if (principal.trust) set.add(*principal.trust, model::PolicyKind::Trust, trust);  // MFA010 judges it

  analysis::MfaOptions judged = options;
  judged.control = control_over(principal, options.control);
  assume_principal_keys(principal, judged.assumptions);
  report::ReachedBy reached_by = report::ReachedBy::People;
  if (principal.type == input::PrincipalType::Role) {
    reached_by = role_reached_by(trust);
    judged.long_term_keys_possible = false;
    // A service's or identity provider's session carries no MFA: it reaches what the role allows.
    std::vector<std::string> by = principal.trust ? assumed_without_mfa_by(trust, options) : std::vector<std::string>{};
    judged.session_without_mfa_possible = reached_by != report::ReachedBy::People || !principal.trust || !by.empty();
    judged.sessions_without_mfa_from = std::move(by);
  }
  auto mfa = analysis::analyze_mfa(identity, sensitivity, judged, boundary);
  for (auto& row : mfa.rows) {
    row.subject = subject;
    report.mfa_rows.push_back(std::move(row));
  }
  if (reached_by == report::ReachedBy::People) {
    findings.insert(findings.end(), mfa.findings.begin(), mfa.findings.end());
    people_reach_without_mfa.insert(mfa.unprotected_actions);
  } else if (reached_by == report::ReachedBy::IdentityProviders && !mfa.unprotected_actions.empty()) {
    // MFA is not this account's to require of a federated session: the identity provider's sign-in decides it.
    findings.push_back(model::make_finding(
        "MFA013", *trust.front(), trust.front()->loc,
        fmt::format("only identity providers can assume this role; {} reachable by its federated sessions, and "
                    "whether they need MFA is decided by the identity provider",
                    mfa.unprotected_actions.size() == 1 ? "1 sensitive action is"
                                                        : fmt::format("{} sensitive actions are",
                                                                      mfa.unprotected_actions.size()))));
  }
  findings.insert(findings.end(), principal.notes.begin(), principal.notes.end());
  for (auto& finding : findings) finding.context = report::principal_context(subject, finding.context);
  sort_by_position(findings);
  report.findings.insert(report.findings.end(), findings.begin(), findings.end());

  report.principals.push_back(report::PrincipalStatus{subject, type, principal.name, principal.arn, identity.size(),
                                                      principal.boundary_arn, mfa.unprotected_actions.size(),
                                                      mfa.protected_actions.size(), reached_by});
}

}  // namespace

report::Report audit_account(const input::AccountDump& dump, const catalog::Sensitivity& sensitivity,
                             const analysis::MfaOptions& options) {
  report::Report report;
  report.subject_kind = report::SubjectKind::Principal;
  const input::LoadedFile& file = dump.file;
  report.files.push_back(report::FileStatus{file.path, file.error, file.error_loc});
  report.findings = file.findings;  // the reason the dump could not be read, if it could not
  catalog::ActionBits people_reach_without_mfa;
  for (const auto& principal : dump.principals) {
    add_principal(dump, principal, sensitivity, options, report, people_reach_without_mfa);
  }
  people_reach_without_mfa.for_each([&](catalog::ActionId id) { report.people_unprotected_actions.push_back(id); });
  return report;
}

}  // namespace mfalint::pipeline
