#include "analysis/audit.h"
#include "cli/command.h"
#include "cli/report_output.h"
#include "input/account_dump.h"

#include <fmt/core.h>

#include <memory>
#include <stdexcept>

namespace mfalint::cli {
namespace {

struct AuditOptions {
  std::string file;
  std::string format = "text";
  std::string output;
  std::string fail_on = "warning";
  std::string config;  // empty: the nearest .mfalint.yaml, if any
  AnalysisFlags analysis;
};

int run_audit(const AuditOptions& options) {
  const report::Reporter* reporter = report::find_reporter(options.format);
  analysis::Config config;
  try {
    config = read_config(options.config);
  } catch (const analysis::ConfigError& error) {
    fmt::print(stderr, "mfalint: error: {}\n", error.what());
    return kExitError;
  }
  auto analysis = analysis_options(options.analysis, config);
  if (!analysis) return kExitError;
  auto report = analysis::audit_account(input::load_account_dump(options.file), analysis->sensitivity, analysis->mfa);
  analysis::apply_config(config, report);
  if (!write_report(report, *reporter, options.output)) return kExitError;
  return exit_status(report, options.fail_on);
}

}  // namespace

Command add_audit_command(CLI::App& root) {
  auto options = std::make_shared<AuditOptions>();
  CLI::App* app = root.add_subcommand(
      "audit", "Judge every principal of `aws iam get-account-authorization-details` output for MFA gaps");
  std::vector<std::string> formats;
  for (const auto& reporter : report::all_reporters()) formats.emplace_back(reporter.format);
  app->add_option("file", options->file, "The account's authorization details (`-` reads standard input)")
      ->required();
  app->add_option("--format", options->format, "Output format")->check(CLI::IsMember(formats));
  app->add_option("--output", options->output, "Write the report to FILE instead of standard output");
  app->add_option("--fail-on", options->fail_on, "Exit 1 when a finding is at or above this severity")
      ->check(CLI::IsMember({"error", "warning", "note", "never"}));
  app->add_option("--config", options->config,
                  "Read this config instead of the nearest .mfalint.yaml above the working directory");
  add_analysis_flags(*app, options->analysis);
  return {app, [options] { return run_audit(*options); }};
}

}  // namespace mfalint::cli
