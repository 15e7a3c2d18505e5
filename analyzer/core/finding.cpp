#include "core/finding.h"

#include <algorithm>
#include <tuple>

namespace mfalint {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "note") return Severity::Note;
  if (name == "warning") return Severity::Warning;
  if (name == "error") return Severity::Error;
  return std::nullopt;
}

std::vector<std::string> FindingActions::names() const {
  std::vector<std::string> out;
  out.reserve(written.size() + ids.size());
  for_each_name([&](std::string_view name) { out.emplace_back(name); });
  return out;
}

const std::string& Finding::file() const {
  static const std::string none = "<unknown>";
  return source ? source->path() : none;
}

void sort_by_position(Findings& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.loc.line, a.loc.column, a.rule) < std::tie(b.loc.line, b.loc.column, b.rule);
  });
}

}  // namespace mfalint
