#include "report/summary.h"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace mfalint::report {
namespace {

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
  summary.subjects.reserve(report.files.size());
  SubjectIndex subjects(summary.subjects);
  for (const auto& file : report.files) {
    subjects.at(file.path).status = &file;
    summary.unreadable += file.error ? 1 : 0;
  }

  // In an account audit the subjects are principals: a finding's file is then the dump, and its
  // context names the principal.
  auto subject_of = [&](const Finding& finding) -> Subject& {
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
  if (subject.rows.empty()) return line;
  return line + fmt::format("; {} of {} sensitive action patterns reachable without MFA", subject.unprotected_rows,
                            subject.rows.size());
}

std::string rule_anchor(std::string_view rule) {
  std::string id = "rule-";
  for (char c : rule) id.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return id;
}

}  // namespace mfalint::report
