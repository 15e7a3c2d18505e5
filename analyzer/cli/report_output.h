#pragma once
// What `check` and `audit` share around their analysis: the project config they read, the flags
// that tune the MFA analysis, the report they write, and the exit status the report earns.

#include "pipeline/check_files.h"
#include "pipeline/config.h"
#include "report/report.h"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mfalint::cli {

// --config FILE, or the nearest .mfalint.yaml (named relative to here, for messages), or none.
// Throws ConfigError.
pipeline::Config read_config(const std::string& path);

// The report flags of `check` and `audit`: --format, --output, --fail-on, --config.
struct ReportFlags {
  std::string format = "text";
  std::string output;              // empty: standard output
  std::string fail_on = "warning";
  std::string config;              // empty: the nearest .mfalint.yaml, if any
};
void add_report_flags(CLI::App& app, ReportFlags& flags);

struct AnalysisFlags {
  std::vector<std::string> assume;         // KEY=VALUE
  std::optional<std::string> max_mfa_age;  // none: the config's, if any
};

// --assume and --max-mfa-age on `app`.
void add_analysis_flags(CLI::App& app, AnalysisFlags& flags);

// --max-file-size MIB on `app`: inputs larger than `mib` (its value on entry is the default) are
// reported as unreadable instead of read.
void add_max_file_size_flag(CLI::App& app, uint64_t& mib);

// The MFA analysis as the flags and the config ask for it, the flags winning; nullopt after
// saying which flag is wrong. Prints the config's warnings.
std::optional<pipeline::CheckFilesOptions> analysis_options(const AnalysisFlags& flags, const pipeline::Config& config);

// Writes `report` with `reporter` to --output, or to standard output (in colour on a terminal,
// unless NO_COLOR), and returns the exit status it earns: 2 when an input could not be read or the
// output cannot be written (having said why), 1 when a finding is at or above --fail-on ("never":
// none is), else 0.
int finish_report(report::Report report, const report::Reporter& reporter, const ReportFlags& flags,
                  report::ReportOptions style = {});

}  // namespace mfalint::cli
