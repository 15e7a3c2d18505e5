#include "pipeline/audit.h"
#include "cli/command.h"
#include "cli/report_output.h"
#include "input/account_dump.h"
#include "input/organization_policy.h"
#include "pipeline/checked_load.h"

#include <fmt/core.h>

#include <deque>
#include <memory>
#include <stdexcept>

namespace mfalint::cli {
namespace {

struct AuditOptions {
  std::string file;
  std::vector<std::string> scps, rcps;  // one file per level of the organization, root first
  bool management_account = false;
  ReportFlags report;
  AnalysisFlags analysis;
  uint64_t max_file_mib = input::kDefaultMaxDumpBytes >> 20;
};

// The organization's policies the user gave; `levels` points into `files`.
struct ControlInputs {
  std::deque<input::LoadedFile> files;
  std::vector<analysis::ControlLevel> levels;
};

// Reads one level per file; false, having said which file and where, when a file holds no policy:
// judged without a level the user named, the audit would be wrong.
bool load_levels(const std::vector<std::string>& paths, model::PolicyKind kind, ControlInputs& inputs) {
  for (const auto& path : paths) {
    input::LoadedFile& file = inputs.files.emplace_back(input::load_organization_policies(path, kind));
    pipeline::run_checks(file);
    if (file.error) {
      std::string where = file.error_loc.line ? fmt::format("{}:{}:{}", file.path, file.error_loc.line,
                                                            file.error_loc.column)
                                              : file.path;
      fmt::print(stderr, "mfalint: error: {}: {}\n", where, *file.error);
      return false;
    }
    analysis::ControlLevel& level = inputs.levels.emplace_back();
    level.name = file.path;
    level.kind = kind;
    for (const auto& policy : file.policies) level.policies.push_back(&policy);
  }
  return true;
}

int run_audit(const AuditOptions& options) {
  const report::Reporter* reporter = report::find_reporter(options.report.format);
  pipeline::Config config;
  try {
    config = read_config(options.report.config);
  } catch (const pipeline::ConfigError& error) {
    fmt::print(stderr, "mfalint: error: {}\n", error.what());
    return kExitError;
  }
  auto analysis = analysis_options(options.analysis, config);
  if (!analysis) return kExitError;
  ControlInputs control;
  if (!load_levels(options.scps, model::PolicyKind::ServiceControl, control) ||
      !load_levels(options.rcps, model::PolicyKind::ResourceControl, control)) {
    return kExitError;
  }
  // Neither SCPs nor RCPs restrict the management account.
  if (!options.management_account) analysis->mfa.control = control.levels;
  auto report = pipeline::audit_account(input::load_account_dump(options.file, options.max_file_mib << 20),
                                        analysis->sensitivity, analysis->mfa);
  for (const auto& file : control.files) {
    report.files.push_back(report::FileStatus{file.path, file.error, file.error_loc});
    report.findings.insert(report.findings.end(), file.findings.begin(), file.findings.end());
  }
  pipeline::apply_config(config, report);
  return finish_report(std::move(report), *reporter, options.report);
}

}  // namespace

Command add_audit_command(CLI::App& root) {
  auto options = std::make_shared<AuditOptions>();
  CLI::App* app = root.add_subcommand(
      "audit", "Judge every principal of `aws iam get-account-authorization-details` output for MFA gaps");
  app->add_option("file", options->file, "The account's authorization details (`-` reads standard input)")
      ->required();
  app->add_option("--scp", options->scps,
                  "Service control policies of one level of the organization, root first, account last (repeatable): "
                  "a policy, `aws organizations describe-policy` output, or a JSON list of them");
  app->add_option("--rcp", options->rcps, "Resource control policies of one level, like --scp (repeatable)");
  app->add_flag("--management-account", options->management_account,
                "The dump is the organization's management account's, which SCPs and RCPs do not restrict");
  add_report_flags(*app, options->report);
  add_analysis_flags(*app, options->analysis);
  add_max_file_size_flag(*app, options->max_file_mib);
  return {app, [options] { return run_audit(*options); }};
}

}  // namespace mfalint::cli
