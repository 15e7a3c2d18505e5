#include "pipeline/baseline.h"
#include "pipeline/check_files.h"
#include "pipeline/config.h"
#include "core/parallel_for.h"
#include "cli/command.h"
#include "cli/report_output.h"
#include "report/report.h"

#include <fmt/core.h>

#include <memory>
#include <set>
#include <stdexcept>
#include <string_view>

namespace mfalint::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  ReportFlags report;
  std::string baseline;
  std::string write_baseline;
  AnalysisFlags analysis;
  bool explain = false;
  bool together = false;
  std::string policy_type;
  std::string resource_type;
  unsigned jobs = default_jobs();
  uint64_t max_file_mib = input::kDefaultMaxFileBytes >> 20;
};

std::string_view plural(size_t n) { return n == 1 ? "" : "s"; }

// What --policy-type and --resource-type say, as Access Analyzer's validate-policy reads them: a
// resource type alone makes a resource policy, AWS::IAM::AssumeRolePolicyDocument a trust policy.
std::optional<input::PolicyType> given_type(const CheckOptions& options) {
  input::PolicyType given;
  if (!options.policy_type.empty()) given.kind = model::parse_policy_type(options.policy_type);
  if (options.resource_type.empty()) return given;
  model::PolicyKind implied = options.resource_type == "AWS::IAM::AssumeRolePolicyDocument" ? model::PolicyKind::Trust
                                                                                           : model::PolicyKind::Resource;
  if (given.kind && *given.kind != implied) {
    fmt::print(stderr, "mfalint: error: --resource-type {} is for {} policies, not {}\n", options.resource_type,
               model::policy_type_name(implied), options.policy_type);
    return std::nullopt;
  }
  given.kind = implied;
  if (implied == model::PolicyKind::Resource) given.resource_type = options.resource_type;
  return given;
}

// Drops the findings the baseline accepts. --write-baseline records every finding first, and the
// run then reports against what it just wrote: nothing. Throws BaselineError.
void apply_baseline(const CheckOptions& options, const std::set<std::string>& baseline, Findings& findings) {
  if (!options.write_baseline.empty()) {
    pipeline::save_baseline(findings, options.write_baseline);
    fmt::print(stderr, "mfalint: wrote {} finding{} to {}\n", findings.size(), plural(findings.size()),
               options.write_baseline);
    findings.clear();
  } else if (size_t known = pipeline::drop_baselined(baseline, findings)) {
    fmt::print(stderr, "mfalint: {} finding{} in {} not reported\n", known, plural(known), options.baseline);
  }
}

int run_check(const CheckOptions& options) {
  const report::Reporter* reporter = report::find_reporter(options.report.format);
  pipeline::Config config;
  std::set<std::string> baseline;
  try {
    config = read_config(options.report.config);
    if (!options.baseline.empty()) baseline = pipeline::load_baseline(options.baseline);
  } catch (const std::runtime_error& error) {  // ConfigError, BaselineError
    fmt::print(stderr, "mfalint: error: {}\n", error.what());
    return kExitError;
  }
  auto analysis = analysis_options(options.analysis, config);
  if (!analysis) return kExitError;
  analysis->jobs = options.jobs;
  analysis->mfa.rows = reporter->uses_mfa_rows || options.explain;
  analysis->max_file_bytes = options.max_file_mib << 20;
  analysis->together = options.together;
  analysis->sets = pipeline::policy_sets_of(config);
  auto given = given_type(options);
  if (!given) return kExitError;
  analysis->given_type = std::move(*given);
  auto report = pipeline::check_files(pipeline::without_excluded(config, options.paths), *analysis);
  pipeline::apply_config(config, report);
  try {
    apply_baseline(options, baseline, report.findings);
  } catch (const pipeline::BaselineError& error) {
    fmt::print(stderr, "mfalint: error: {}\n", error.what());
    return kExitError;
  }
  report::ReportOptions style;
  style.explain = options.explain;
  style.jobs = options.jobs;
  return finish_report(std::move(report), *reporter, options.report, style);
}

}  // namespace

Command add_check_command(CLI::App& root) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* app = root.add_subcommand("check", "Check IAM policy files for MFA gaps and grammar errors");
  app->add_option("paths", options->paths, "Policy files or directories (`-` reads standard input)")->required();
  add_report_flags(*app, options->report);
  app->add_option("--baseline", options->baseline, "Report only findings that are not in this baseline file");
  app->add_option("--write-baseline", options->write_baseline,
                  "Write every finding to this baseline file and report none of them");
  add_analysis_flags(*app, options->analysis);
  app->add_flag("--explain", options->explain,
                "Text format: after each file's findings, its MFA table (which credentials reach each action pattern)");
  app->add_flag("--together", options->together,
                "Judge all the paths' identity policies as one principal's set, as `audit` judges a user "
                "(Allows united, every Deny applied to all)");
  app->add_option("--policy-type", options->policy_type,
                  "Judge policies whose input does not say their type as this type (a template's resource "
                  "types, an account dump and an organization's policies say it)")
      ->check(CLI::IsMember({"identity", "resource", "trust", "boundary", "scp", "rcp"}))
      ->type_name("TYPE");
  app->add_option("--resource-type", options->resource_type,
                  "The resource a resource policy is attached to, as CloudFormation names its type "
                  "(AWS::S3::Bucket, AWS::KMS::Key; AWS::IAM::AssumeRolePolicyDocument: a trust policy)")
      ->check([](const std::string& type) {
        return type.starts_with("AWS::") && type.find("::", 5) != std::string::npos
                   ? std::string()
                   : std::string("expected a CloudFormation type name such as AWS::S3::Bucket");
      })
      ->type_name("TYPE");
  app->add_option("--jobs", options->jobs, "Check this many files at once (default: one per core; 1: one by one)")
      ->check(CLI::Range(1u, 1024u))
      ->type_name("N");
  add_max_file_size_flag(*app, options->max_file_mib);
  return {app, [options] { return run_check(*options); }};
}

}  // namespace mfalint::cli
