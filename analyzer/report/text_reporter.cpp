#include "report/report.h"

#include <fmt/core.h>

#include <algorithm>
#include <ostream>

namespace mfalint::report {
namespace {

struct Style {
  bool on;
  std::string paint(std::string_view code, std::string_view text) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  }
};

std::string_view severity_color(Severity severity) {
  switch (severity) {
    case Severity::Error: return "1;31";
    case Severity::Warning: return "1;33";
    case Severity::Note: return "1;36";
  }
  return "1";
}

// The source line, then a caret under the column, as compilers print it. Tabs are kept so the
// caret lines up; a long line (minified JSON) is cut to a window around the column.
void write_caret(const Finding& finding, const Style& style, std::ostream& out) {
  constexpr uint32_t kContext = 40;  // characters shown before the column
  constexpr uint32_t kWidth = 120;   // characters shown in all
  if (!finding.source || finding.loc.line == 0) return;
  std::string_view line = finding.source->line_text(finding.loc.line);
  if (line.empty()) return;
  uint32_t first = finding.loc.column > kContext ? finding.loc.column - kContext : 1;
  std::string shown = first > 1 ? "..." : "";
  std::string pad(shown.size(), ' ');
  uint32_t column = 1;
  for (size_t i = 0; i < line.size() && column < first + kWidth; ++i) {
    bool starts_character = (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
    if (starts_character && i > 0) ++column;
    if (column < first) continue;
    if (column >= first + kWidth) break;
    shown.push_back(line[i]);
    if (starts_character && column < finding.loc.column) pad.push_back(line[i] == '\t' ? '\t' : ' ');
  }
  uint32_t width = 1;
  if (finding.loc.end_line == finding.loc.line && finding.loc.end_column > finding.loc.column + 1) {
    width = std::min(finding.loc.end_column - finding.loc.column, first + kWidth - finding.loc.column);
  }
  out << "  " << shown << "\n  " << pad << style.paint("1;32", "^" + std::string(width - 1, '~')) << "\n";
}

void write_text(const Report& report, const ReportOptions& options, std::ostream& out) {
  Style style{options.color};
  for (const auto& finding : report.findings) {
    std::string where = finding.loc.line
                            ? fmt::format("{}:{}:{}:", finding.file(), finding.loc.line, finding.loc.column)
                            : fmt::format("{}:", finding.file());
    out << style.paint("1", where) << ' '
        << style.paint(severity_color(finding.severity), fmt::format("{}:", severity_name(finding.severity))) << ' '
        << finding.message << " [" << finding.rule << "]\n";
    write_caret(finding, style, out);
    if (!finding.fix.empty()) out << "  = fix: " << finding.fix << "\n";
  }
  size_t unreadable = 0;
  for (const auto& file : report.files) unreadable += file.error ? 1 : 0;
  Tally counts = tally(report.findings);
  out << fmt::format("{} file{} checked: {} error{}, {} warning{}, {} note{}", report.files.size(),
                     report.files.size() == 1 ? "" : "s", counts.errors, counts.errors == 1 ? "" : "s",
                     counts.warnings, counts.warnings == 1 ? "" : "s", counts.notes, counts.notes == 1 ? "" : "s");
  if (!report.suppressed.empty()) out << fmt::format("; {} suppressed", report.suppressed.size());
  if (unreadable) out << fmt::format("; {} file{} could not be read", unreadable, unreadable == 1 ? "" : "s");
  out << "\n";
}

}  // namespace

extern const Reporter kTextReporter{"text", write_text};

}  // namespace mfalint::report
