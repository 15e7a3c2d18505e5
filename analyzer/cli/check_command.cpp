#include "analysis/check_files.h"
#include "cli/command.h"
#include "report/report.h"

#include <fmt/core.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace mfalint::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  std::string fail_on = "warning";
};

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

int run_check(const CheckOptions& options) {
  const report::Reporter* reporter = report::find_reporter(options.format);
  auto report = analysis::check_files(options.paths);
  report::ReportOptions style;
  if (options.output.empty()) {
    style.color = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
    reporter->write(report, style, std::cout);
    std::cout.flush();
  } else {
    std::ofstream out(options.output, std::ios::binary | std::ios::trunc);
    if (!out) {
      fmt::print(stderr, "mfalint: error: cannot write {}\n", options.output);
      return kExitError;
    }
    reporter->write(report, style, out);
  }
  return exit_status(report, options.fail_on);
}

}  // namespace

Command add_check_command(CLI::App& root) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* app = root.add_subcommand("check", "Check IAM policy files for MFA gaps and grammar errors");
  std::vector<std::string> formats;
  for (const auto& reporter : report::all_reporters()) formats.emplace_back(reporter.format);
  app->add_option("paths", options->paths, "Policy files or directories (`-` reads standard input)")->required();
  app->add_option("--format", options->format, "Output format")->check(CLI::IsMember(formats));
  app->add_option("--output", options->output, "Write the report to FILE instead of standard output");
  app->add_option("--fail-on", options->fail_on, "Exit 1 when a finding is at or above this severity")
      ->check(CLI::IsMember({"error", "warning", "note", "never"}));
  return {app, [options] { return run_check(*options); }};
}

}  // namespace mfalint::cli
