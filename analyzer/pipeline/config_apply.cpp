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
