#pragma once
// `.mfalint.yaml`: what a project tells mfalint about itself. Read once per run, before the
// analysis: `max-mfa-age` and the action edits shape the analysis, the rest is applied to the
// report after it.
//
//   rules: {MFA001: warning, IAM016: off}
//   max-mfa-age: 3600
//   sensitive-actions: {add: ["billing:*"], remove: ["s3:GetObject"]}
//   bootstrap-actions: {add: ["iam:ListUsers"]}
//   exclude: ["vendor", "**/cdk.out"]
//   suppressions:
//     - {rule: MFA001, files: "legacy/**", sid: BreakGlass, reason: "audited 2024-05, ticket SEC-12"}
//   sets:
//     - {name: admins, policies: ["iam/admin.json", "iam/require-mfa.json", "infra/main.tf#aws_iam_policy.ops"]}
//
// Globs (`exclude`, `files`) are relative to the directory the config file is in.

#include "catalog/sensitivity.h"
#include "pipeline/check_files.h"
#include "core/finding.h"
#include "report/report.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mfalint::pipeline {

// A bad config file: the message starts with "FILE:LINE:COLUMN: ".
struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ActionEdits {
  std::vector<std::string> add;     // action patterns, "service:Action" with `*`/`?`
  std::vector<std::string> remove;
};

struct Suppression {
  std::string rule;
  std::string files;  // a path glob
  std::string sid;    // empty: any statement
  std::string reason;
};

// One principal's policies spread over files, judged together by `check` (`sets:`). Each entry of
// `policies` is a path glob, or "GLOB#ADDRESS" for the policies of one CloudFormation resource
// (its logical id) or Terraform resource or data source (its address) in the files it matches.
struct PolicySetConfig {
  std::string name;
  std::vector<std::string> policies;
};

struct Config {
  std::map<std::string, std::optional<Severity>> rules;  // by rule id; nullopt: the rule is off
  std::optional<int64_t> max_mfa_age;                    // seconds
  ActionEdits sensitive_actions;
  ActionEdits bootstrap_actions;
  std::vector<std::string> exclude;
  std::vector<Suppression> suppressions;
  std::vector<PolicySetConfig> sets;
  // What does not stop the run but is probably a mistake (an action pattern that matches no
  // action the catalog knows), each "FILE:LINE:COLUMN: message".
  std::vector<std::string> warnings;

  // Where globs are anchored, both absolute: the config file's directory, and the working
  // directory the paths in findings are relative to. Empty (no config file): globs are matched
  // against the paths as given.
  std::filesystem::path root;
  std::filesystem::path cwd;
};

inline constexpr std::string_view kConfigFileName = ".mfalint.yaml";

// Parses the text of a config file; `path` names it in errors. Throws ConfigError.
Config parse_config(std::string_view text, const std::string& path);

// A whole, non-negative number of seconds ("3600"); nullopt for anything else.
std::optional<int64_t> parse_seconds(std::string_view text);

// Reads and parses `path`, anchoring its globs at its directory. Throws ConfigError.
Config load_config(const std::string& path);

// The nearest `.mfalint.yaml` in `start` or a directory above it. The search stops at the
// first directory holding `.git` (a config outside the repository is not the project's) and
// at the filesystem root.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

// `path` (as a finding or the command line names it) relative to the config's root, with `/`
// separators; nullopt when it lies outside the root, where no glob of the config reaches.
std::optional<std::string> root_relative(const Config& config, const std::string& path);

// Whether an `exclude` glob covers `path` (a file, or a directory it is in). `-` never is.
bool is_excluded(const Config& config, const std::string& path);

// The command line's paths with directories expanded and excluded files left out; paths that
// cannot be read are kept, for check_files to report. Unchanged when nothing is excluded.
std::vector<std::string> without_excluded(const Config& config, const std::vector<std::string>& paths);

// The default sensitive and MFA bootstrap actions with the config's `add`, then its `remove`
// patterns applied: removing wins over adding.
catalog::Sensitivity sensitivity_of(const Config& config);

// The config's `sets:` as `check` judges them: globs anchored at the config file's directory.
std::vector<NamedPolicySet> policy_sets_of(const Config& config);

// The report as the config wants it: severities changed, findings of rules that are off
// dropped, findings a suppression matches moved to `report.suppressed` with its reason.
void apply_config(const Config& config, report::Report& report);

}  // namespace mfalint::pipeline
