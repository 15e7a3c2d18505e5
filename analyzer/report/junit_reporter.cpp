// JUnit XML for CI systems that show test results (GitLab, Jenkins, Azure Pipelines): each file (or
// principal, in an account audit) is a test case that fails once per finding. A file that could not
// be read is a test case in error: it was not checked, so its findings (the read error itself) go in
// the <error> text, not as failures. Suppressed findings, with their reasons, go in the test case's
// <system-out>.
#include "report/escape.h"
#include "report/report.h"
#include "report/summary.h"

#include <fmt/core.h>

#include <ostream>

namespace mfalint::report {
namespace {

std::string attribute(std::string_view value) { return xml_escape(value, XmlPlace::Attribute); }

// "file:line:column: severity: message [rule]", then the fix: what a developer reads in the CI log.
std::string describe(const Finding& finding) {
  std::string where =
      finding.loc.line ? fmt::format("{}:{}:{}", finding.file(), finding.loc.line, finding.loc.column) : finding.file();
  std::string text =
      fmt::format("{}: {}: {} [{}]", where, severity_name(finding.severity), finding.message, finding.rule);
  if (!finding.sid.empty()) text += fmt::format("\nstatement: {}", finding.sid);
  if (!finding.context.empty()) text += fmt::format("\nin: {}", finding.context);
  if (!finding.fix.empty()) text += fmt::format("\nfix: {}", finding.fix);
  return text;
}

void write_junit(const Report& report, const ReportOptions&, std::ostream& out) {
  Summary summary = summarize(report);
  size_t failed = 0;
  for (const auto& subject : summary.subjects) failed += !subject.unreadable() && !subject.findings.empty();
  std::string counts =
      fmt::format(R"(tests="{}" failures="{}" errors="{}")", summary.subjects.size(), failed, summary.unreadable);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"mfalint\" " << counts << ">\n"
      << "  <testsuite name=\"mfalint " << (summary.kind == SubjectKind::Principal ? "audit" : "check") << "\" "
      << counts << " skipped=\"0\">\n";
  for (const auto& subject : summary.subjects) {
    out << "    <testcase classname=\"mfalint\" name=\"" << attribute(subject.name) << "\"";
    if (!subject.unreadable() && subject.findings.empty() && subject.suppressed.empty()) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    if (subject.unreadable()) {
      const std::string& error = *subject.status->error;
      std::string details = subject.name + ": " + error;
      for (const Finding* finding : subject.findings) details += "\n" + describe(*finding);
      out << "      <error message=\"" << attribute(error) << "\" type=\"unreadable\">" << xml_escape(details)
          << "</error>\n";
    } else {
      for (const Finding* finding : subject.findings) {
        out << "      <failure message=\"" << attribute(finding->message) << "\" type=\"" << attribute(finding->rule)
            << "\">" << xml_escape(describe(*finding)) << "</failure>\n";
      }
    }
    // Accepted by the project's config: not failures, but the reason stays visible in the log.
    if (!subject.suppressed.empty()) {
      std::string log;
      for (const Suppressed* suppressed : subject.suppressed) {
        log += "suppressed: " + describe(suppressed->finding) + "\nreason: " + suppressed->reason + "\n";
      }
      out << "      <system-out>" << xml_escape(log) << "</system-out>\n";
    }
    out << "    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace

extern const Reporter kJunitReporter{"junit", write_junit, false};

}  // namespace mfalint::report
