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
  ReportFlags report;
  AnalysisFlags analysis;
  uint64_t max_file_mib = input::kDefaultMaxDumpBytes >> 20;
};

int run_audit(const AuditOptions& options) {
  const report::Reporter* reporter = report::find_reporter(options.report.format);
  analysis::Config config;
  try {
    config = read_config(options.report.config);
  } catch (const analysis::ConfigError& error) {
    fmt::print(stderr, "mfalint: error: {}\n", error.what());
    return kExitError;
  }
  auto analysis = analysis_options(options.analysis, config);
  if (!analysis) return kExitError;
  auto report = analysis::audit_account(input::load_account_dump(options.file, options.max_file_mib << 20),
                                        analysis->sensitivity, analysis->mfa);
  analysis::apply_config(config, report);
  if (!write_report(report, *reporter, options.report.output)) return kExitError;
  int status = exit_status(report, options.report.fail_on);
  release_at_exit(std::move(report));
  return status;
}

}  // namespace

Command add_audit_command(CLI::App& root) {
  auto options = std::make_shared<AuditOptions>();
  CLI::App* app = root.add_subcommand(
      "audit", "Judge every principal of `aws iam get-account-authorization-details` output for MFA gaps");
  app->add_option("file", options->file, "The account's authorization details (`-` reads standard input)")
      ->required();
  add_report_flags(*app, options->report);
  add_analysis_flags(*app, options->analysis);
  add_max_file_size_flag(*app, options->max_file_mib);
  return {app, [options] { return run_audit(*options); }};
}

}  // namespace mfalint::cli
