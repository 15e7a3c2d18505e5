#include "pipeline/audit.h"
#include "cli/command.h"
#include "cli/report_output.h"
#include "core/parallel_for.h"
#include "input/account_dump.h"
#include "input/organization_policy.h"
#include "input/organization_tree.h"
#include "pipeline/audit_accounts.h"
#include "pipeline/checked_load.h"

#include <fmt/core.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <memory>
#include <stdexcept>

namespace mfalint::cli {
namespace {

struct AuditOptions {
  std::vector<std::string> files;  // dumps, or directories of them
  std::vector<std::string> scps, rcps;  // one file per level of the organization, root first
  std::string organization;  // --org: the whole organization in one file
  bool management_account = false;
  unsigned jobs = default_jobs();
  ReportFlags report;
  AnalysisFlags analysis;
  uint64_t max_file_mib = input::kDefaultMaxDumpBytes >> 20;
};

// The organization's policies the user gave; `levels` points into `files`.
struct ControlInputs {
  std::deque<input::LoadedFile> files;
  std::vector<analysis::ControlLevel> levels;
};

bool say_failed(const input::LoadedFile& file) {
  if (!file.error) return false;
  std::string where = file.error_loc.line ? fmt::format("{}:{}:{}", file.path, file.error_loc.line, file.error_loc.column)
                                          : file.path;
  fmt::print(stderr, "mfalint: error: {}: {}\n", where, *file.error);
  return true;
}

// Reads one level per file; false, having said which file and where, when a file holds no policy:
// judged without a level the user named, the audit would be wrong.
bool load_levels(const std::vector<std::string>& paths, model::PolicyKind kind, ControlInputs& inputs) {
  for (const auto& path : paths) {
    input::LoadedFile& file = inputs.files.emplace_back(input::load_organization_policies(path, kind));
    pipeline::run_checks(file);
    if (say_failed(file)) return false;
    analysis::ControlLevel& level = inputs.levels.emplace_back();
    level.name = file.path;
    level.kind = kind;
    for (const auto& policy : file.policies) level.policies.push_back(&policy);
  }
  return true;
}

// A directory stands for the `.json` files directly in it, by name.
std::vector<std::string> dump_paths(const std::vector<std::string>& given) {
  std::vector<std::string> paths;
  for (const auto& path : given) {
    std::error_code error;
    if (path == "-" || !std::filesystem::is_directory(path, error)) {
      paths.push_back(path);
      continue;
    }
    std::vector<std::string> inside;
    for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
      if (entry.path().extension() == ".json" && !entry.is_directory(error)) inside.push_back(entry.path().string());
    }
    std::sort(inside.begin(), inside.end());
    paths.insert(paths.end(), inside.begin(), inside.end());
  }
  return paths;
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
  input::Organization organization;
  if (!options.organization.empty()) {
    organization = input::load_organization(options.organization);
    pipeline::run_checks(organization.file);
    if (say_failed(organization.file)) return kExitError;
  }
  std::vector<std::string> dumps = dump_paths(options.files);
  report::Report report;
  if (dumps.size() == 1 && options.organization.empty()) {
    // Neither SCPs nor RCPs restrict the management account.
    if (!options.management_account) analysis->mfa.control = control.levels;
    report = pipeline::audit_account(input::load_account_dump(dumps.front(), options.max_file_mib << 20),
                                     analysis->sensitivity, analysis->mfa);
  } else {
    pipeline::AccountsOptions accounts;
    if (!options.organization.empty()) accounts.organization = &organization;
    accounts.levels = control.levels;
    accounts.management_account = options.management_account;
    accounts.max_dump_bytes = options.max_file_mib << 20;
    accounts.jobs = options.jobs;
    report = pipeline::audit_accounts(dumps, analysis->sensitivity, analysis->mfa, accounts);
  }
  if (!options.organization.empty()) {
    report.files.push_back(report::FileStatus{organization.file.path, std::nullopt, {}});
    report.findings.insert(report.findings.end(), organization.file.findings.begin(), organization.file.findings.end());
  }
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
  app->add_option("file", options->files,
                  "Accounts' authorization details, or directories of them (`-` reads standard input); several make "
                  "one report with a section per account")
      ->required();
  auto* scp = app->add_option("--scp", options->scps,
                  "Service control policies of one level of the organization, root first, account last (repeatable): "
                  "a policy, `aws organizations describe-policy` output, or a JSON list of them");
  auto* rcp = app->add_option("--rcp", options->rcps, "Resource control policies of one level, like --scp (repeatable)");
  auto* org = app->add_option("--org", options->organization,
                  "The whole organization in one file (tools/export-organization writes it): each dump is judged "
                  "under its account's SCPs and RCPs, from the root down")
      ->excludes(scp)
      ->excludes(rcp);
  app->add_option("--jobs", options->jobs, "Judge this many accounts at once (default: one per core; 1: one by one)");
  app->add_flag("--management-account", options->management_account,
                "The dump is the organization's management account's, which SCPs and RCPs do not restrict")
      ->excludes(org);
  add_report_flags(*app, options->report);
  add_analysis_flags(*app, options->analysis);
  add_max_file_size_flag(*app, options->max_file_mib);
  return {app, [options] { return run_audit(*options); }};
}

}  // namespace mfalint::cli
