#pragma once
// What a run found, for every reporter: the files it read (and which it could not) and the findings.
// A new output format is one new file with a `Reporter` and one line in reporters.cpp.

#include "core/finding.h"

#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mfalint::report {

struct FileStatus {
  std::string path;
  std::optional<std::string> error;  // set when the file could not be read or parsed
  Location error_loc;
};

struct Report {
  std::vector<FileStatus> files;
  Findings findings;
};

struct ReportOptions {
  bool color = false;
};

struct Reporter {
  std::string_view format;  // the --format name
  void (*write)(const Report& report, const ReportOptions& options, std::ostream& out);
};

std::span<const Reporter> all_reporters();
const Reporter* find_reporter(std::string_view format);

// Counts by severity, for summaries.
struct Tally {
  size_t notes = 0, warnings = 0, errors = 0;
};
Tally tally(const Findings& findings);

}  // namespace mfalint::report
