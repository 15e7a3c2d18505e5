#include "report/summary.h"

#include "catalog/text.h"
#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace mfalint::report {
namespace {

constexpr std::string_view kContextSeparator = ": ";  // IAM names hold no spaces

class SubjectIndex {
 public:
  explicit SubjectIndex(std::vector<Subject>& subjects) : subjects_(subjects) {}

  Subject& at(const std::string& name) {
    auto [it, added] = index_.try_emplace(name, subjects_.size());
    if (added) {
      subjects_.emplace_back();
      subjects_.back().name = name;
    }
    return subjects_[it->second];
  }
  bool has(const std::string& name) const { return index_.contains(name); }

 private:
  std::vector<Subject>& subjects_;
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace

Summary summarize(const Report& report) {
  Summary summary;
  summary.kind = report.subject_kind;
  bool audit = report.subject_kind == SubjectKind::Principal;
  summary.subjects.reserve(report.files.size() + report.principals.size());
  SubjectIndex subjects(summary.subjects);
  for (const auto& file : report.files) {
    if (audit && !file.error) continue;  // a dump that was read is no section: its principals are
    subjects.at(file.path).status = &file;
    summary.unreadable += file.error ? 1 : 0;
  }
  for (const auto& principal : report.principals) {
    subjects.at(principal.subject).principal = &principal;
    if (principal.reached_by == ReachedBy::Services) {
      summary.service_roles.push_back(&principal);
      continue;
    }
    if (principal.reached_by == ReachedBy::IdentityProviders) {
      summary.federated_roles.push_back(&principal);
      continue;
    }
    bool exposed = principal.exposed();
    ++summary.people_principals;
    summary.exposed_principals += exposed ? 1 : 0;
    auto kind = std::find_if(summary.by_kind.begin(), summary.by_kind.end(),
                             [&](const KindCount& count) { return count.kind == principal.type; });
    if (kind == summary.by_kind.end()) kind = summary.by_kind.insert(kind, KindCount{principal.type});
    ++kind->principals;
    kind->exposed += exposed ? 1 : 0;
  }
  auto kind_order = [](const KindCount& count) { return count.kind == "user" ? 0 : count.kind == "group" ? 1 : 2; };
  std::stable_sort(summary.by_kind.begin(), summary.by_kind.end(),
                   [&](const KindCount& a, const KindCount& b) { return kind_order(a) < kind_order(b); });
  summary.distinct_unprotected_actions = report.people_unprotected_actions.size();

  // In an account audit a finding's file is the dump, and its context starts with the principal.
  auto subject_of = [&](const Finding& finding) -> Subject& {
    if (audit) {
      std::string_view context = finding.context;
      for (size_t at = context.find(kContextSeparator); at != std::string_view::npos;
           at = context.find(kContextSeparator, at + 1)) {
        std::string principal(context.substr(0, at));
        if (subjects.has(principal)) return subjects.at(principal);
      }
    }
    bool by_context = !subjects.has(finding.file()) && subjects.has(finding.context);
    return subjects.at(by_context ? finding.context : finding.file());
  };
  std::map<std::tuple<std::string, Severity>, size_t> counts;
  std::set<std::string> rules_seen;  // reported or suppressed: every rule a report links to
  for (const auto& finding : report.findings) {
    Subject& subject = subject_of(finding);
    subject.findings.push_back(&finding);
    ++(finding.severity == Severity::Error     ? subject.tally.errors
       : finding.severity == Severity::Warning ? subject.tally.warnings
                                               : subject.tally.notes);
    ++counts[{finding.rule, finding.severity}];
    rules_seen.insert(finding.rule);
  }
  summary.tally = tally(report.findings);
  for (const auto& suppressed : report.suppressed) {
    subject_of(suppressed.finding).suppressed.push_back(&suppressed);
    rules_seen.insert(suppressed.finding.rule);
  }
  summary.suppressed = report.suppressed.size();
  for (const auto& [key, count] : counts) {
    const auto& [rule, severity] = key;
    summary.by_rule.push_back(RuleCount{rule, severity, count, rules::find_rule(rule)});
  }
  for (const auto& rule : rules_seen) {
    if (const rules::RuleDoc* doc = rules::find_rule(rule)) summary.rule_docs.push_back(doc);
  }
  std::stable_sort(summary.by_rule.begin(), summary.by_rule.end(),
                   [](const RuleCount& a, const RuleCount& b) { return a.count > b.count; });

  for (const auto& row : report.mfa_rows) {
    Subject& subject = subjects.at(row.subject);
    subject.rows.push_back(&row);
    subject.unprotected_rows += row.is_protected ? 0 : 1;
    ++(row.is_protected ? summary.protected_rows : summary.unprotected_rows);
  }
  return summary;
}

std::string counted(size_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

std::string breakdown(const Tally& tally) {
  return fmt::format("{}, {}, {}", counted(tally.errors, "error"), counted(tally.warnings, "warning"),
                     counted(tally.notes, "note"));
}

std::string position(const Location& loc) {
  return loc.line ? fmt::format("line {}, column {}", loc.line, loc.column) : "whole file";
}

std::string suppressed_note(size_t suppressed) {
  return suppressed ? fmt::format("; {} more suppressed by the configuration", suppressed) : "";
}

std::string subject_line(const Subject& subject) {
  std::string line = fmt::format("{} ({}){}", counted(subject.findings.size(), "finding"), breakdown(subject.tally),
                                 suppressed_note(subject.suppressed.size()));
  if (!subject.rows.empty()) {
    line += fmt::format("; {} of {} sensitive action patterns reachable without MFA", subject.unprotected_rows,
                        subject.rows.size());
  }
  if (const PrincipalStatus* principal = subject.principal) {
    if (principal->used_by_people()) {
      line += fmt::format("; {} reachable without MFA, {} only with MFA",
                          counted(principal->unprotected_sensitive_actions, "sensitive action"),
                          principal->protected_sensitive_actions);
    } else {
      line += fmt::format("; assumed only by {} (MFA is not asked of them): {} reachable",
                          reached_by_name(principal->reached_by),
                          counted(principal->unprotected_sensitive_actions, "sensitive action"));
    }
  }
  return line;
}

std::string_view reached_by_name(ReachedBy reached_by) {
  switch (reached_by) {
    case ReachedBy::People: return "people";
    case ReachedBy::Services: return "AWS services";
    case ReachedBy::IdentityProviders: return "identity providers";
  }
  return "";
}

std::string by_kind_line(const Summary& summary) {
  std::string line;
  for (const auto& count : summary.by_kind) {
    if (!line.empty()) line += ", ";
    line += fmt::format("{}s {} of {}", count.kind, count.exposed, count.principals);
  }
  return line;
}

std::string levels_path(const AccountStatus& account, std::string_view separator) {
  std::string path;
  for (const auto& level : account.levels) {
    if (!path.empty()) path += separator;
    path += level;
  }
  return path;
}

std::string role_names(const std::vector<const PrincipalStatus*>& roles) {
  constexpr size_t kShown = 10;
  std::string names;
  for (size_t i = 0; i < roles.size() && i < kShown; ++i) names += (i ? ", " : "") + roles[i]->subject;
  if (roles.size() > kShown) names += fmt::format(", ... ({} more)", roles.size() - kShown);
  return names;
}

std::string principal_context(std::string_view subject, std::string_view where) {
  return where.empty() ? std::string(subject) : fmt::format("{}{}{}", subject, kContextSeparator, where);
}

std::string_view where_in(const Subject& subject, const Finding& finding) {
  std::string_view context = finding.context;
  if (context == subject.name) return {};
  if (context.starts_with(subject.name) && context.substr(subject.name.size()).starts_with(kContextSeparator)) {
    return context.substr(subject.name.size() + kContextSeparator.size());
  }
  return context;
}

std::string_view subject_noun(const Summary& summary) {
  return summary.kind == SubjectKind::Principal ? "principal" : "file";
}

std::string rule_anchor(std::string_view rule) {
  return "rule-" + catalog::to_lower(rule);
}

}  // namespace mfalint::report
