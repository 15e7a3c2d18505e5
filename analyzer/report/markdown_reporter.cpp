// A Markdown audit report (GitHub-flavoured: tables), for a pull request comment, a wiki page or a
// security review: the summary, then per file or principal the MFA table and the findings with
// their fixes, then how to fix each rule found, from its document.
#include "report/escape.h"
#include "report/report.h"
#include "report/summary.h"

#include <fmt/core.h>

#include <algorithm>
#include <ostream>

namespace mfalint::report {
namespace {

// Line breaks would end a list item or a table row, so every inline text folds them to spaces.
std::string folded(std::string_view text) {
  std::string out = printable(text);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return out;
}

// Prose with Markdown's inline syntax characters taken literally.
std::string md_text(std::string_view text) {
  std::string out;
  for (char c : folded(text)) {
    if (std::string_view("\\`*_[]<>|&~#").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

enum class Place { Prose, Table };

// A code span that holds any text: the fence is longer than any backtick run inside. In a table a
// pipe still ends the cell, code span or not, unless escaped.
std::string md_code(std::string_view text, Place place = Place::Prose) {
  std::string body = folded(text);
  if (body.empty()) return "";
  size_t longest = 0, run = 0;
  for (char c : body) longest = std::max(longest, run = c == '`' ? run + 1 : 0);
  bool pad = body.front() == '`' || body.back() == '`' || (body.front() == ' ' && body.back() == ' ');
  if (place == Place::Table) {
    std::string escaped;
    for (char c : body) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
    body = std::move(escaped);
  }
  std::string fence(longest + 1, '`');
  return pad ? fmt::format("{0} {1} {0}", fence, body) : fmt::format("{0}{1}{0}", fence, body);
}

// To the rule's section under "How to fix", which only documented rules have.
std::string rule_link(std::string_view rule, Place place = Place::Prose) {
  if (!rules::find_rule(rule)) return md_code(rule, place);
  return fmt::format("[{}](#{})", md_text(rule), rule_anchor(rule));
}

// An audit of several accounts: per account, its principals and those reaching a sensitive action
// without MFA, and the organization's levels it was judged under.
void write_accounts(const std::vector<AccountStatus>& accounts, std::ostream& out) {
  if (accounts.empty()) return;
  out << "### Accounts\n\n| Account | Dump | Principals | People use | Without MFA | Levels |\n|---|---|--:|--:|--:|---|\n";
  for (const auto& account : accounts) {
    out << fmt::format("| {} | {} | {} | {} | {} | {} |\n", md_code(account.id, Place::Table),
                       md_code(account.dump, Place::Table), account.principals, account.people_principals,
                       account.exposed_principals, md_text(levels_path(account, " › ")));
  }
  out << "\n";
}

void write_summary(const Summary& summary, std::ostream& out) {
  out << "## Summary\n\n";
  if (summary.kind == SubjectKind::Principal) {
    if (summary.unreadable) out << "- The account's authorization details could **not** be read\n";
    out << fmt::format("- **{}** judged; of the **{}** people can use, **{}** reach sensitive actions without MFA ({})\n",
                       counted(summary.subjects.size() - summary.unreadable, "principal"), summary.people_principals,
                       summary.exposed_principals, by_kind_line(summary))
        << fmt::format("- **{}** distinct sensitive actions reachable without MFA across the account\n",
                       summary.distinct_unprotected_actions);
    if (!summary.service_roles.empty()) {
      out << fmt::format("- **{}** only AWS services assume (MFA does not apply to them): {}\n",
                         counted(summary.service_roles.size(), "role"), md_text(role_names(summary.service_roles)));
    }
    if (!summary.federated_roles.empty()) {
      out << fmt::format("- **{}** only identity providers assume (MFA is decided by the identity provider): {}\n",
                         counted(summary.federated_roles.size(), "role"), md_text(role_names(summary.federated_roles)));
    }
  } else {
    out << fmt::format("- **{}** checked, **{}** could not be read\n", counted(summary.subjects.size(), "file"),
                       summary.unreadable);
  }
  out << fmt::format("- **{}**: {}{}\n",
                     counted(summary.tally.errors + summary.tally.warnings + summary.tally.notes, "finding"),
                     breakdown(summary.tally), suppressed_note(summary.suppressed))
      << fmt::format("- MFA table: **{}** sensitive action patterns protected by MFA, **{}** reachable without MFA\n\n",
                     summary.protected_rows, summary.unprotected_rows);
  if (summary.by_rule.empty()) return;
  out << "### Findings by rule\n\n| Rule | Title | Severity | Findings |\n|---|---|---|--:|\n";
  for (const auto& count : summary.by_rule) {
    out << fmt::format("| {} | {} | {} | {} |\n", rule_link(count.rule, Place::Table),
                       count.doc ? md_text(count.doc->title) : "", severity_name(count.severity), count.count);
  }
  out << "\n";
}

void write_mfa_table(const Subject& subject, std::ostream& out) {
  out << "### MFA table\n\n"
      << "| Where | Action | Resource | Long-term keys | Session without MFA | MFA window | Protected |\n"
      << "|---|---|---|---|---|---|---|\n";
  for (const analysis::MfaRow* row : subject.rows) {
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", md_code(row->context, Place::Table),
                       md_code(row->actions, Place::Table), md_code(row->resource, Place::Table),
                       md_text(row->long_term_keys.describe()), md_text(row->session_without_mfa.describe()), md_text(row->mfa_window),
                       row->is_protected ? "yes" : "**no**");
  }
  out << "\n";
}

// The numbered item for a finding: severity, rule, where, then the message on its own line.
std::string finding_item(const Subject& subject, const Finding& finding, size_t number) {
  std::string where = position(finding.loc);
  if (!finding.sid.empty()) where += ", statement " + md_code(finding.sid);
  if (auto in = where_in(subject, finding); !in.empty()) where += ", in " + md_code(in);
  // A backslash at the end of a line is a hard line break (CommonMark).
  return fmt::format("{}. **{}** {} · {}\\\n   {}\n", number, severity_name(finding.severity), rule_link(finding.rule),
                     where, md_text(finding.message));
}

void write_findings(const Subject& subject, std::ostream& out) {
  out << "### Findings\n\n";
  size_t number = 0;
  for (const Finding* finding : subject.findings) {
    out << finding_item(subject, *finding, ++number);
    if (!finding->fix.empty()) out << "\n   **Fix:** " << md_text(finding->fix) << "\n";
  }
  out << "\n";
}

void write_suppressed(const Subject& subject, std::ostream& out) {
  out << "### Suppressed by the configuration\n\n";
  size_t number = 0;
  for (const Suppressed* suppressed : subject.suppressed) {
    out << finding_item(subject, suppressed->finding, ++number) << "\n   **Reason:** " << md_text(suppressed->reason)
        << "\n";
  }
  out << "\n";
}

// A principal by type, name and ARN: "user `alice` · `arn:aws:iam::111122223333:user/alice`".
std::string principal_heading(const PrincipalStatus& principal) {
  return fmt::format("{} {} · {}", md_text(principal.type), md_code(principal.name), md_code(principal.arn));
}

void write_subject(const Subject& subject, std::ostream& out) {
  if (const PrincipalStatus* principal = subject.principal) {
    out << "## " << principal_heading(*principal) << "\n\n";
    if (!principal->permissions_boundary.empty()) {
      out << "Permissions boundary: " << md_code(principal->permissions_boundary) << ".\n\n";
    }
  } else {
    out << "## " << md_code(subject.name) << "\n\n";
  }
  if (subject.unreadable()) {
    out << fmt::format("Could not be read ({}): {}\n\n", position(subject.status->error_loc),
                       md_text(*subject.status->error));
  } else {
    out << subject_line(subject) << ".\n\n";
    if (!subject.rows.empty()) write_mfa_table(subject, out);
  }
  if (!subject.findings.empty()) write_findings(subject, out);
  if (!subject.suppressed.empty()) write_suppressed(subject, out);
}

// Every principal is listed: one with nothing to show gets its line here.
void write_clean_principals(const Summary& summary, std::ostream& out) {
  std::string lines;
  for (const auto& subject : summary.subjects) {
    if (subject.clean() && subject.principal) lines += "- " + principal_heading(*subject.principal) + "\n";
  }
  if (!lines.empty()) out << "## Without findings\n\n" << lines << "\n";
}

void write_clean(const Summary& summary, std::ostream& out) {
  if (summary.kind == SubjectKind::Principal) return write_clean_principals(summary, out);
  std::string names;
  size_t count = 0;
  for (const auto& subject : summary.subjects) {
    if (!subject.clean()) continue;
    names += (count++ ? ", " : "") + md_code(subject.name);
  }
  if (count) out << "## Without findings\n\n" << names << "\n\n";
}

// The rule documents are Markdown already; their sections go in as written.
void write_rule_docs(const Summary& summary, std::ostream& out) {
  if (summary.rule_docs.empty()) return;
  out << "## How to fix\n";
  for (const rules::RuleDoc* doc : summary.rule_docs) {
    out << fmt::format("\n### <a id=\"{}\"></a>{}: {}\n\n", rule_anchor(doc->id), doc->id, md_text(doc->title))
        << fmt::format("*{}*, {} by default.\n\n", md_text(doc->name), severity_name(doc->severity));
    if (auto why = doc->section("Why is this bad?"); !why.empty()) out << "**Why is this bad?** " << why << "\n\n";
    if (auto fix = doc->section("Use instead"); !fix.empty()) out << "**Use instead:**\n\n" << fix << "\n";
  }
}

void write_markdown(const Report& report, const ReportOptions&, std::ostream& out) {
  Summary summary = summarize(report);
  out << "# mfalint report\n\nProduced by mfalint " << MFALINT_VERSION << ".\n\n";
  write_summary(summary, out);
  write_accounts(report.accounts, out);
  for (const auto& subject : summary.subjects) {
    if (!subject.clean()) write_subject(subject, out);
  }
  write_clean(summary, out);
  write_rule_docs(summary, out);
}

}  // namespace

extern const Reporter kMarkdownReporter{"markdown", write_markdown, true};

}  // namespace mfalint::report
