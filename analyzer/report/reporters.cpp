#include "report/report.h"

namespace mfalint::report {

extern const Reporter kTextReporter;
extern const Reporter kJsonReporter;
extern const Reporter kSarifReporter;
extern const Reporter kJunitReporter;
extern const Reporter kMarkdownReporter;
extern const Reporter kHtmlReporter;

namespace {

// Every output format, once.
const Reporter* const kReporters[] = {&kTextReporter, &kJsonReporter, &kSarifReporter, &kJunitReporter,
                                      &kMarkdownReporter, &kHtmlReporter};

}  // namespace

std::span<const Reporter> all_reporters() {
  static const std::vector<Reporter> reporters = [] {
    std::vector<Reporter> list;
    for (const Reporter* reporter : kReporters) list.push_back(*reporter);
    return list;
  }();
  return reporters;
}

const Reporter* find_reporter(std::string_view format) {
  for (const auto& reporter : all_reporters()) {
    if (reporter.format == format) return &reporter;
  }
  return nullptr;
}

Tally tally(const Findings& findings) {
  Tally counts;
  for (const auto& finding : findings) {
    switch (finding.severity) {
      case Severity::Note: ++counts.notes; break;
      case Severity::Warning: ++counts.warnings; break;
      case Severity::Error: ++counts.errors; break;
    }
  }
  return counts;
}

}  // namespace mfalint::report
