#include "pipeline/config.h"

#include "pipeline/path_glob.h"
#include "input/load.h"

#include <algorithm>

namespace mfalint::pipeline {
namespace fs = std::filesystem;
namespace {

bool covered_by(const Config& config, const std::string& glob, const std::string& path) {
  auto relative = root_relative(config, path);
  return relative && path_glob_covers(glob, *relative);
}

const Suppression* suppression_for(const Config& config, const Finding& finding) {
  for (const auto& suppression : config.suppressions) {
    if (suppression.rule == finding.rule && (suppression.sid.empty() || suppression.sid == finding.sid) &&
        covered_by(config, suppression.files, finding.file())) {
      return &suppression;
    }
  }
  return nullptr;
}

}  // namespace

std::optional<std::string> root_relative(const Config& config, const std::string& path) {
  fs::path relative = fs::path(path).lexically_normal();
  if (!config.root.empty()) {
    if (relative.is_relative()) relative = (config.cwd / relative).lexically_normal();
    relative = relative.lexically_relative(config.root);
  }
  std::string text = relative.generic_string();
  if (text.empty() || text == ".." || text.starts_with("../") || text.starts_with("/")) return std::nullopt;
  return text;
}

bool is_excluded(const Config& config, const std::string& path) {
  if (path == "-") return false;
  return std::any_of(config.exclude.begin(), config.exclude.end(),
                     [&](const std::string& glob) { return covered_by(config, glob, path); });
}

std::vector<std::string> without_excluded(const Config& config, const std::vector<std::string>& paths) {
  if (config.exclude.empty()) return paths;
  std::vector<input::LoadedFile> missing;
  std::vector<std::string> kept;
  for (auto& file : input::expand_paths(paths, missing)) {
    if (!is_excluded(config, file)) kept.push_back(std::move(file));
  }
  // Left for check_files to report, as it would have without a config.
  for (const auto& file : missing) kept.push_back(file.path);
  return kept;
}

namespace {

// Whether `context` is that of the resource `address` names: the resource itself
// ("aws_iam_role.deployer", "OperatorsPolicy"), a property of it ("OperatorsPolicy.PolicyDocument"),
// a branch of it ("... (IsProduction: false)"), or a data source it uses ("... used by ADDRESS").
bool context_of(std::string_view context, std::string_view address) {
  if (context.starts_with(address)) {
    std::string_view rest = context.substr(address.size());
    if (rest.empty() || rest.front() == '.' || rest.front() == ' ') return true;
  }
  size_t used_by = context.find(" used by ");
  return used_by != std::string_view::npos && context_of(context.substr(used_by + 9), address);
}

}  // namespace

std::vector<NamedPolicySet> policy_sets_of(const Config& config) {
  std::vector<NamedPolicySet> sets;
  for (const auto& set : config.sets) {
    sets.push_back(NamedPolicySet{set.name, [&config, &set](const std::string& file, const std::string& context) {
      auto relative = root_relative(config, file);
      if (!relative) return false;
      return std::any_of(set.policies.begin(), set.policies.end(), [&](const std::string& member) {
        size_t hash = member.find('#');
        std::string_view glob = std::string_view(member).substr(0, hash);
        return path_glob_matches(glob, *relative) &&
               (hash == std::string::npos || context_of(context, std::string_view(member).substr(hash + 1)));
      });
    }});
  }
  return sets;
}

catalog::Sensitivity sensitivity_of(const Config& config) {
  catalog::Sensitivity sensitivity = catalog::Sensitivity::defaults();
  auto edit = [&](catalog::ActionSet set, const ActionEdits& edits) {
    for (const auto& pattern : edits.add) sensitivity.add(set, pattern);
    for (const auto& pattern : edits.remove) sensitivity.remove(set, pattern);
  };
  edit(catalog::ActionSet::Sensitive, config.sensitive_actions);
  edit(catalog::ActionSet::MfaBootstrap, config.bootstrap_actions);
  return sensitivity;
}

void apply_config(const Config& config, report::Report& report) {
  // In place: a large run's findings are most of its memory, and a second vector would double it.
  auto kept = report.findings.begin();
  for (auto& finding : report.findings) {
    if (auto rule = config.rules.find(finding.rule); rule != config.rules.end()) {
      if (!rule->second) continue;
      finding.severity = *rule->second;
    }
    if (const Suppression* suppression = suppression_for(config, finding)) {
      report.suppressed.push_back(report::Suppressed{std::move(finding), suppression->reason});
    } else {
      if (&*kept != &finding) *kept = std::move(finding);
      ++kept;
    }
  }
  report.findings.erase(kept, report.findings.end());
}

}  // namespace mfalint::pipeline
