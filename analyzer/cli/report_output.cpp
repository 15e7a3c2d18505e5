#include "cli/report_output.h"

#include "analysis/mfa_reach.h"
#include "cli/command.h"
#include "eval/context.h"

#include <fmt/core.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace mfalint::cli {

pipeline::Config read_config(const std::string& path) {
  if (!path.empty()) return pipeline::load_config(path);
  auto cwd = std::filesystem::current_path();
  auto found = pipeline::find_config(cwd);
  return found ? pipeline::load_config(found->lexically_relative(cwd).string()) : pipeline::Config{};
}

void add_report_flags(CLI::App& app, ReportFlags& flags) {
  std::vector<std::string> formats;
  for (const auto& reporter : report::all_reporters()) formats.emplace_back(reporter.format);
  app.add_option("--format", flags.format, "Output format")->check(CLI::IsMember(formats));
  app.add_option("--output", flags.output, "Write the report to FILE instead of standard output");
  app.add_option("--fail-on", flags.fail_on, "Exit 1 when a finding is at or above this severity")
      ->check(CLI::IsMember({"error", "warning", "note", "never"}));
  app.add_option("--config", flags.config,
                 "Read this config instead of the nearest .mfalint.yaml above the working directory");
}

void add_analysis_flags(CLI::App& app, AnalysisFlags& flags) {
  app.add_option("--assume", flags.assume,
                 "Evaluate conditions on KEY as if requests carried VALUE (repeat a key for several values); "
                 "unfixed keys are assumed met in an Allow and avoidable in a Deny")
      ->allow_extra_args(false)  // one pair per --assume: the paths that follow are not pairs
      ->type_name("KEY=VALUE");
  app.add_option("--max-mfa-age", flags.max_mfa_age,
                 "Report sensitive actions usable longer than this many seconds after the MFA sign-in "
                 "(MFA008, a warning; overrides max-mfa-age in the config; default: an hour, a note)")
      ->type_name("SECONDS");
}

void add_max_file_size_flag(CLI::App& app, uint64_t& mib) {
  app.add_option("--max-file-size", mib,
                 fmt::format("Report inputs larger than this many MiB as unreadable instead of reading them (default {})", mib))
      ->check(CLI::Range(uint64_t{1}, uint64_t{4096}))
      ->type_name("MIB");
}

std::optional<pipeline::CheckFilesOptions> analysis_options(const AnalysisFlags& flags, const pipeline::Config& config) {
  for (const auto& warning : config.warnings) fmt::print(stderr, "mfalint: warning: {}\n", warning);
  pipeline::CheckFilesOptions analysis;
  eval::Context fixed;  // as for `simulate --context`: any case, a key given twice is multivalued
  for (const auto& pair : flags.assume) {
    size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) {
      fmt::print(stderr, "mfalint: error: --assume {}: expected KEY=VALUE\n", pair);
      return std::nullopt;
    }
    std::string_view key = std::string_view(pair).substr(0, eq);
    if (analysis::is_mfa_present_key(key) || analysis::is_mfa_age_key(key)) {
      fmt::print(stderr, "mfalint: error: --assume {}: the analysis tries every value of the MFA keys itself\n", pair);
      return std::nullopt;
    }
    fixed.add(key, pair.substr(eq + 1));
  }
  for (const auto& entry : fixed.entries()) analysis.mfa.assumptions.fixed[entry.lower] = entry.values;
  analysis.mfa.max_mfa_age = config.max_mfa_age;
  if (flags.max_mfa_age) {
    analysis.mfa.max_mfa_age = pipeline::parse_seconds(*flags.max_mfa_age);
    if (!analysis.mfa.max_mfa_age) {
      fmt::print(stderr, "mfalint: error: --max-mfa-age must be a whole number of seconds, not '{}'\n",
                 *flags.max_mfa_age);
      return std::nullopt;
    }
  }
  if (!analysis.mfa.max_mfa_age) {
    analysis.mfa.max_mfa_age = analysis::kDefaultMaxMfaAge;
    analysis.mfa.max_mfa_age_by_default = true;
  }
  analysis.sensitivity = pipeline::sensitivity_of(config);
  return analysis;
}

namespace {

bool write_report(const report::Report& report, const report::Reporter& reporter, const std::string& output,
                  report::ReportOptions style) {
  if (output.empty()) {
    style.color = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
    reporter.write(report, style, std::cout);
    std::cout.flush();
    return true;
  }
  std::ofstream out(output, std::ios::binary | std::ios::trunc);
  if (!out) {
    fmt::print(stderr, "mfalint: error: cannot write {}\n", output);
    return false;
  }
  reporter.write(report, style, out);
  return true;
}

// Keeps `report` until the process ends: the system takes a process's memory back at once, where
// freeing a large report string by string is one thread's work at the very end of the run. It
// stays reachable, so leak checkers do not count it.
void release_at_exit(report::Report report) {
  static auto* kept = new std::vector<report::Report>;
  kept->push_back(std::move(report));
}

int exit_status(const report::Report& report, const std::string& fail_on) {
  for (const auto& file : report.files) {
    if (file.error) return kExitError;
  }
  auto threshold = parse_severity(fail_on);
  if (!threshold) return kExitClean;  // "never"
  for (const auto& finding : report.findings) {
    if (finding.severity >= *threshold) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace

int finish_report(report::Report report, const report::Reporter& reporter, const ReportFlags& flags,
                  report::ReportOptions style) {
  if (!write_report(report, reporter, flags.output, style)) return kExitError;
  int status = exit_status(report, flags.fail_on);
  release_at_exit(std::move(report));
  return status;
}

}  // namespace mfalint::cli
