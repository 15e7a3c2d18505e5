#pragma once
// The report regrouped per subject (a file, or a principal in an account audit), and the counts
// the audit reports open with: the one place that decides which subject a finding belongs to.
// Holds pointers into the Report, so it must not outlive it.

#include "core/rule_docs.h"
#include "report/report.h"

#include <string>
#include <vector>

namespace mfalint::report {

struct RuleCount {
  std::string rule;
  Severity severity = Severity::Error;
  size_t count = 0;
  const rules::RuleDoc* doc = nullptr;  // null for a rule without a document
};

struct Subject {
  std::string name;
  const FileStatus* status = nullptr;  // null when only findings or MFA rows name the subject
  const PrincipalStatus* principal = nullptr;  // set for a principal of an account audit
  std::vector<const Finding*> findings;
  std::vector<const analysis::MfaRow*> rows;
  std::vector<const Suppressed*> suppressed;
  Tally tally;  // of its findings
  size_t unprotected_rows = 0;

  bool unreadable() const { return status && status->error; }
  // Nothing to show but its name: read, no findings, no MFA rows, nothing suppressed.
  bool clean() const { return !unreadable() && findings.empty() && rows.empty() && suppressed.empty(); }
};

// Principals of one kind people reach in an account audit, and how many reach a sensitive action without MFA.
struct KindCount {
  std::string kind;
  size_t principals = 0;
  size_t exposed = 0;
};

struct Summary {
  SubjectKind kind = SubjectKind::File;
  std::vector<Subject> subjects;  // in report order; in an account audit, the principals (and an unreadable dump)
  size_t unreadable = 0;
  size_t suppressed = 0;
  Tally tally;
  std::vector<RuleCount> by_rule;                // per rule and severity; most findings first, then by id
  std::vector<const rules::RuleDoc*> rule_docs;  // of the rules found or suppressed, by id: "how to fix"
  size_t protected_rows = 0;
  size_t unprotected_rows = 0;
  // In an account audit, of the principals people reach (services' and identity providers' roles
  // aside): how many there are and how many reach a sensitive action without MFA, in all and per
  // kind; and the distinct sensitive actions some of them reach without MFA, across the account.
  size_t people_principals = 0;
  size_t exposed_principals = 0;
  std::vector<KindCount> by_kind;  // "user", "group", "role", in that order, those present
  size_t distinct_unprotected_actions = 0;
  std::vector<const PrincipalStatus*> service_roles, federated_roles;  // listed apart
};

Summary summarize(const Report& report);

// In an account audit a finding's context names its principal, then where in the principal's
// policies: "user/alice: managed policy arn:aws:iam::aws:policy/ReadOnlyAccess".
std::string principal_context(std::string_view subject, std::string_view where);
// The finding's context as its subject's section shows it: without the subject's own name.
std::string_view where_in(const Subject& subject, const Finding& finding);

// Phrases both audit reports print.
std::string counted(size_t count, std::string_view noun);  // "1 finding", "2 findings"
std::string breakdown(const Tally& tally);                 // "2 errors, 1 warning, 0 notes"
std::string position(const Location& loc);                 // "line 4, column 7", "whole file"
std::string suppressed_note(size_t suppressed);            // "; 2 more suppressed by the configuration", or ""
// "3 findings (2 errors, 1 warning, 0 notes); 1 more suppressed by the configuration; 1 of 4
// sensitive action patterns reachable without MFA"
// A principal's line adds its sensitive actions: "; 2 sensitive actions reachable without MFA, 1 only with MFA".
std::string subject_line(const Subject& subject);
std::string_view subject_noun(const Summary& summary);  // "file", "principal"
// "users 3 of 4, roles 10 of 12": per kind, how many of the principals people reach are exposed.
std::string by_kind_line(const Summary& summary);
// "root r-1 > ou ou-1 (Workloads) > account 111122223333": an account's levels, root first.
std::string levels_path(const AccountStatus& account, std::string_view separator);
// "role/a, role/b, ... (27 more)": the roles listed apart.
std::string role_names(const std::vector<const PrincipalStatus*>& roles);
std::string rule_anchor(std::string_view rule);  // "rule-iam012": the id of the rule's how-to-fix section

}  // namespace mfalint::report
