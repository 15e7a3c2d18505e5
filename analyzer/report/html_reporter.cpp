// An HTML audit report: one self-contained file to attach to a security review. No network at all
// (inline CSS, the chart is inline SVG, a Content-Security-Policy forbids any fetch), readable on
// paper, and well-formed XML as well as HTML so a plain XML parser can check the escaping.
#include "report/doc_html.h"
#include "report/escape.h"
#include "report/report.h"
#include "report/summary.h"

#include <fmt/core.h>

#include <algorithm>
#include <ostream>

namespace mfalint::report {
namespace {

constexpr std::string_view kStyle = R"css(
:root { --error: #b3261e; --warning: #9a5b00; --note: #1f5fa8; --ok: #1b6e3a; --line: #d0d4da; --muted: #5b6470; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1d2127;
       margin: 0 auto; padding: 24px 32px 48px; max-width: 1180px; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 17px; margin: 22px 0 8px; }
h4 { font-size: 15px; margin: 14px 0 4px; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
code { background: #f1f3f5; padding: 1px 4px; border-radius: 3px; overflow-wrap: anywhere; }
pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 4px; padding: 8px 10px; overflow-x: auto; }
pre code, h2 code { background: none; padding: 0; font-size: inherit; }
h2 code.arn { font-size: 14px; font-weight: normal; color: var(--muted); }
a { color: #0b57d0; }
.meta, .muted { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; list-style: none;
         padding: 0; margin: 12px 0; }
.card { border: 1px solid var(--line); border-left-width: 5px; border-radius: 6px; padding: 8px 14px; }
.card strong { display: block; font-size: 26px; line-height: 1.2; }
.card.bad { border-left-color: var(--error); }
.card.good { border-left-color: var(--ok); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #f1f3f5; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.unprotected td { background: #fdecea; }
.sev { display: inline-block; min-width: 64px; text-align: center; border-radius: 10px; padding: 0 8px; color: #fff;
       font-size: 12px; font-weight: 600; text-transform: uppercase; }
.sev.error { background: var(--error); }
.sev.warning { background: var(--warning); }
.sev.note { background: var(--note); }
.yes { color: var(--ok); font-weight: 600; }
.no { color: var(--error); font-weight: 600; }
.chart { display: block; max-width: 100%; height: auto; }
.chart text { font-size: 13px; fill: #1d2127; }
ol.findings { padding-left: 28px; }
li.finding { margin: 0 0 14px; padding-left: 4px; }
li.finding p { margin: 4px 0; }
.where { color: var(--muted); }
.fix { border-left: 3px solid var(--ok); padding-left: 8px; }
.reason { border-left: 3px solid var(--muted); padding-left: 8px; }
ol.suppressed li.finding { opacity: 0.75; }
.toc { columns: 2; }
article.rule + article.rule { border-top: 1px solid var(--line); }
* { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
@page { margin: 14mm; }
@media print {
  body { font-size: 10pt; padding: 0; max-width: none; }
  h2 { break-after: avoid; }
  h3, h4 { break-after: avoid; }
  tr, li.finding, pre, .card, svg { break-inside: avoid; }
  thead { display: table-header-group; }
  pre { white-space: pre-wrap; overflow: visible; }
  a { color: inherit; text-decoration: none; }
  nav { display: none; }  /* links do not work on paper */
}
)css";

std::string h(std::string_view text) { return xml_escape(text); }
std::string attr(std::string_view text) { return xml_escape(text, XmlPlace::Attribute); }

// To the rule's section under "How to fix", which only documented rules have.
std::string rule_link(std::string_view rule) {
  if (!rules::find_rule(rule)) return h(rule);
  return fmt::format(R"(<a href="#{}">{}</a>)", attr(rule_anchor(rule)), h(rule));
}

std::string_view severity_color(Severity severity) {
  switch (severity) {
    case Severity::Error: return "#b3261e";
    case Severity::Warning: return "#9a5b00";
    case Severity::Note: return "#1f5fa8";
  }
  return "#1d2127";
}

// Horizontal bars, one per rule, scaled to the largest count. Fill colours are attributes, not CSS,
// so the chart prints in colour whatever the stylesheet.
void write_chart(const Summary& summary, std::ostream& out) {
  constexpr int kRow = 26, kBarHeight = 18, kLabel = 124, kBarSpace = 520, kWidth = kLabel + kBarSpace + 48;
  size_t most = 1;
  for (const auto& count : summary.by_rule) most = std::max(most, count.count);
  int height = static_cast<int>(summary.by_rule.size()) * kRow + 4;
  out << fmt::format(
             R"(<svg class="chart" role="img" aria-labelledby="chart-title" width="{0}" height="{1}" viewBox="0 0 {0} {1}">)",
             kWidth, height)
      << "\n<title id=\"chart-title\">Findings by rule</title>\n";
  int y = 2;
  for (const auto& count : summary.by_rule) {
    // The summary counts a rule per severity: were one found at two, each bar's label says which.
    bool shared = std::count_if(summary.by_rule.begin(), summary.by_rule.end(),
                                [&](const RuleCount& other) { return other.rule == count.rule; }) > 1;
    std::string bar_label = shared ? fmt::format("{} ({})", count.rule, severity_name(count.severity)) : count.rule;
    int width = std::max(3, static_cast<int>(static_cast<double>(count.count) / static_cast<double>(most) * kBarSpace));
    std::string label = count.doc ? count.rule + ": " + count.doc->title : count.rule;
    // A bar links to its rule's section, which only documented rules have.
    out << (count.doc ? fmt::format(R"(<a href="#{}">)", attr(rule_anchor(count.rule))) : "<g>")
        << fmt::format(R"(<text class="label" x="0" y="{}">{}</text>)", y + kBarHeight - 4, h(bar_label))
        << fmt::format(
               R"(<rect class="bar {}" x="{}" y="{}" width="{}" height="{}" rx="3" fill="{}"><title>{}</title></rect>)",
               severity_name(count.severity), kLabel, y, width, kBarHeight, severity_color(count.severity),
               h(fmt::format("{} ({}): {}", label, severity_name(count.severity), counted(count.count, "finding"))))
        << fmt::format(R"(<text class="count" x="{}" y="{}">{}</text>)", kLabel + width + 6, y + kBarHeight - 4,
                       count.count)
        << (count.doc ? "</a>\n" : "</g>\n");
    y += kRow;
  }
  out << "</svg>\n";
}

void write_summary(const Summary& summary, std::ostream& out) {
  size_t findings = summary.tally.errors + summary.tally.warnings + summary.tally.notes;
  auto card = [&](std::string_view tone, size_t number, std::string_view what, std::string_view detail = {}) {
    out << fmt::format(R"(<li class="card{}{}"><strong>{}</strong>{})", tone.empty() ? "" : " ", tone, number, h(what));
    if (!detail.empty()) out << "<br/><span class=\"muted\">" << h(detail) << "</span>";
    out << "</li>\n";
  };
  out << "<section id=\"summary\">\n<h2>Summary</h2>\n<ul class=\"cards\">\n";
  if (summary.kind == SubjectKind::Principal) {
    size_t principals = summary.subjects.size() - summary.unreadable;
    card("", principals, principals == 1 ? "principal judged" : "principals judged");
    card("", summary.people_principals, "principals people can use");
    card(summary.exposed_principals ? "bad" : "good", summary.exposed_principals,
         "of them reach sensitive actions without MFA", by_kind_line(summary));
    card(summary.distinct_unprotected_actions ? "bad" : "good", summary.distinct_unprotected_actions,
         "distinct sensitive actions reachable without MFA", "across the account");
    if (!summary.service_roles.empty()) {
      card("", summary.service_roles.size(), "roles only AWS services assume",
           "MFA does not apply to them: " + role_names(summary.service_roles));
    }
    if (!summary.federated_roles.empty()) {
      card("", summary.federated_roles.size(), "roles only identity providers assume",
           "MFA is decided by the identity provider: " + role_names(summary.federated_roles));
    }
    if (summary.unreadable) card("bad", summary.unreadable, "could not be read");
  } else {
    card("", summary.subjects.size(), summary.subjects.size() == 1 ? "file checked" : "files checked");
    card(summary.unreadable ? "bad" : "", summary.unreadable, "could not be read");
  }
  card(findings ? "bad" : "good", findings, findings == 1 ? "finding" : "findings",
       breakdown(summary.tally) + suppressed_note(summary.suppressed));
  card(summary.protected_rows ? "good" : "", summary.protected_rows, "sensitive action patterns protected by MFA");
  card(summary.unprotected_rows ? "bad" : "good", summary.unprotected_rows,
       "sensitive action patterns reachable without MFA");
  out << "</ul>\n";
  if (!summary.by_rule.empty()) {
    out << "<h3>Findings by rule</h3>\n";
    write_chart(summary, out);
    out << "<table "
           "class=\"by-rule\">\n<thead><tr><th>Rule</th><th>Title</th><th>Severity</th><th>Findings</th></tr></"
           "thead>\n<tbody>\n";
    for (const auto& count : summary.by_rule) {
      out << fmt::format(
                 R"(<tr><td>{}</td><td>{}</td><td><span class="sev {}">{}</span></td><td class="n">{}</td></tr>)",
                 rule_link(count.rule), count.doc ? h(count.doc->title) : "", severity_name(count.severity),
                 severity_name(count.severity), count.count)
          << "\n";
    }
    out << "</tbody>\n</table>\n";
  }
  out << "</section>\n";
}

// An audit of several accounts: per account, its principals, those reaching a sensitive action
// without MFA, and the organization's levels it was judged under.
void write_accounts(const std::vector<AccountStatus>& accounts, std::ostream& out) {
  if (accounts.empty()) return;
  out << "<section class=\"accounts\">\n<h2>Accounts</h2>\n<table>\n<thead><tr><th>Account</th><th>Dump</th>"
         "<th>Principals</th><th>People use</th><th>Without MFA</th><th>Levels</th></tr></thead>\n<tbody>\n";
  for (const auto& account : accounts) {
    out << fmt::format(
               R"(<tr><td><code>{}</code></td><td><code>{}</code></td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td>{}</td></tr>)",
               h(account.id), h(account.dump), account.principals, account.people_principals, account.exposed_principals,
               h(levels_path(account, " › ")))
        << "\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

std::string subject_anchor(size_t index) { return fmt::format("subject-{}", index + 1); }

// A principal by type, name and ARN; a file by its path.
std::string subject_title(const Subject& subject) {
  if (const PrincipalStatus* principal = subject.principal) {
    return fmt::format(R"({} <code>{}</code> <code class="arn">{}</code>)", h(principal->type), h(principal->name),
                       h(principal->arn));
  }
  return "<code>" + h(subject.name) + "</code>";
}

void write_contents(const Summary& summary, std::ostream& out) {
  out << "<nav>\n<h2>Contents</h2>\n<ol class=\"toc\">\n";
  for (size_t i = 0; i < summary.subjects.size(); ++i) {
    const Subject& subject = summary.subjects[i];
    if (subject.clean()) continue;
    std::string state = subject.unreadable() ? "could not be read" : counted(subject.findings.size(), "finding");
    out << fmt::format(R"(<li><a href="#{}">{}</a> <span class="muted">{}</span></li>)", subject_anchor(i),
                       subject_title(subject), state)
        << "\n";
  }
  out << "</ol>\n</nav>\n";
}

void write_mfa_table(const Subject& subject, std::ostream& out) {
  out << "<h3>MFA table</h3>\n<table class=\"mfa\">\n<thead><tr><th>Where</th><th>Action</th><th>Resource</th>"
         "<th>Long-term keys</th><th>Session without MFA</th><th>MFA "
         "window</th><th>Protected</th></tr></thead>\n<tbody>\n";
  for (const analysis::MfaRow* row : subject.rows) {
    out << fmt::format(
               R"(<tr class="{}"><td>{}</td><td><code>{}</code></td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>)",
               row->is_protected ? "protected" : "unprotected", h(row->context), h(row->actions), h(row->resource),
               h(row->long_term_keys.describe()), h(row->session_without_mfa.describe()), h(row->mfa_window),
               row->is_protected ? R"(<span class="yes">yes</span>)" : R"(<span class="no">no</span>)")
        << "\n";
  }
  out << "</tbody>\n</table>\n";
}

// The line the finding points at, as the text report shows it; a minified file's line is too long
// to be worth repeating.
void write_source_line(const Finding& finding, std::ostream& out) {
  constexpr size_t kLongest = 240;
  if (!finding.source || !finding.loc.line) return;
  std::string_view line = finding.source->line_text(finding.loc.line);
  line.remove_prefix(std::min(line.size(), line.find_first_not_of(" \t")));
  if (line.empty() || line.size() > kLongest) return;
  out << "<pre class=\"source\"><code>" << h(line) << "</code></pre>\n";
}

// `reason` is why the configuration suppresses the finding; empty for a reported one.
void write_finding(const Subject& subject, const Finding& finding, std::string_view reason, std::ostream& out) {
  std::string_view severity = severity_name(finding.severity);
  std::string where = h(position(finding.loc));
  if (!finding.sid.empty()) where += ", statement <code>" + h(finding.sid) + "</code>";
  if (auto in = where_in(subject, finding); !in.empty()) where += ", in <code>" + h(in) + "</code>";
  out << fmt::format(
             R"(<li class="finding {0}"><p><span class="sev {0}">{0}</span> {1} <span class="where">{2}</span></p>)",
             severity, rule_link(finding.rule), where)
      << "\n<p class=\"message\">" << h(finding.message) << "</p>\n";
  write_source_line(finding, out);
  if (!finding.fix.empty()) out << "<p class=\"fix\"><strong>Fix:</strong> " << h(finding.fix) << "</p>\n";
  if (!reason.empty()) out << "<p class=\"reason\"><strong>Reason:</strong> " << h(reason) << "</p>\n";
  out << "</li>\n";
}

void write_subject(const Subject& subject, size_t index, std::ostream& out) {
  out << fmt::format(R"(<section class="subject" id="{}">)", subject_anchor(index)) << "\n<h2>" << subject_title(subject)
      << "</h2>\n";
  if (subject.principal && !subject.principal->permissions_boundary.empty()) {
    out << "<p>Permissions boundary: <code>" << h(subject.principal->permissions_boundary) << "</code></p>\n";
  }
  if (subject.unreadable()) {
    out << "<p class=\"no\">Could not be read (" << h(position(subject.status->error_loc))
        << "): " << h(*subject.status->error) << "</p>\n";
  } else {
    out << "<p class=\"muted\">" << h(subject_line(subject)) << ".</p>\n";
    if (!subject.rows.empty()) write_mfa_table(subject, out);
  }
  if (!subject.findings.empty()) {
    out << "<h3>Findings</h3>\n<ol class=\"findings\">\n";
    for (const Finding* finding : subject.findings) write_finding(subject, *finding, {}, out);
    out << "</ol>\n";
  }
  if (!subject.suppressed.empty()) {
    out << "<h3>Suppressed by the configuration</h3>\n<ol class=\"findings suppressed\">\n";
    for (const Suppressed* suppressed : subject.suppressed) {
      write_finding(subject, suppressed->finding, suppressed->reason, out);
    }
    out << "</ol>\n";
  }
  out << "</section>\n";
}

// Every principal is listed: one with nothing to show gets its line here.
void write_clean_principals(const Summary& summary, std::ostream& out) {
  std::string items;
  for (const auto& subject : summary.subjects) {
    if (subject.clean() && subject.principal) items += "<li>" + subject_title(subject) + "</li>\n";
  }
  if (!items.empty()) out << "<section id=\"clean\">\n<h2>Without findings</h2>\n<ul>\n" << items << "</ul>\n</section>\n";
}

void write_clean(const Summary& summary, std::ostream& out) {
  if (summary.kind == SubjectKind::Principal) return write_clean_principals(summary, out);
  std::string names;
  for (const auto& subject : summary.subjects) {
    if (subject.clean()) names += (names.empty() ? "" : ", ") + ("<code>" + h(subject.name) + "</code>");
  }
  if (!names.empty()) out << "<section id=\"clean\">\n<h2>Without findings</h2>\n<p>" << names << "</p>\n</section>\n";
}

void write_rule_docs(const Summary& summary, std::ostream& out) {
  if (summary.rule_docs.empty()) return;
  out << "<section id=\"rules\">\n<h2>How to fix</h2>\n";
  for (const rules::RuleDoc* doc : summary.rule_docs) {
    out << fmt::format(R"(<article class="rule" id="{}">)", attr(rule_anchor(doc->id))) << "\n<h3>" << h(doc->id)
        << ": " << h(doc->title) << "</h3>\n<p class=\"muted\">" << h(doc->name) << ", " << severity_name(doc->severity)
        << " by default</p>\n";
    if (auto why = doc->section("Why is this bad?"); !why.empty()) {
      out << "<h4>Why is this bad?</h4>\n" << doc_html(why);
    }
    if (auto fix = doc->section("Use instead"); !fix.empty()) out << "<h4>Use instead</h4>\n" << doc_html(fix);
    out << "</article>\n";
  }
  out << "</section>\n";
}

void write_html(const Report& report, const ReportOptions&, std::ostream& out) {
  Summary summary = summarize(report);
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
      << "<meta name=\"generator\" content=\"mfalint " << MFALINT_VERSION << "\"/>\n"
      << "<title>mfalint report</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
      << "<header>\n<h1>mfalint report</h1>\n<p class=\"meta\">Produced by mfalint " << MFALINT_VERSION
      << ": which sensitive actions a request can reach without MFA, and every policy mistake "
         "found.</p>\n</header>\n<main>\n";
  write_summary(summary, out);
  write_accounts(report.accounts, out);
  bool any = std::any_of(summary.subjects.begin(), summary.subjects.end(), [](const Subject& s) { return !s.clean(); });
  if (any) write_contents(summary, out);
  for (size_t i = 0; i < summary.subjects.size(); ++i) {
    if (!summary.subjects[i].clean()) write_subject(summary.subjects[i], i, out);
  }
  write_clean(summary, out);
  write_rule_docs(summary, out);
  out << "</main>\n</body>\n</html>\n";
}

}  // namespace

extern const Reporter kHtmlReporter{"html", write_html, true};

}  // namespace mfalint::report
