#include "analysis/check_files.h"

#include "analysis/mfa_analysis.h"
#include "input/load.h"

#include <algorithm>
#include <tuple>

namespace mfalint::analysis {
namespace {

// Findings of one file in reading order, whichever stage found them. A file's policies may be
// attached to different principals (a template), so each is judged as a set of its own.
void add_file(input::LoadedFile file, report::Report& report) {
  report.files.push_back(report::FileStatus{file.path, file.error, file.error_loc});
  for (const auto& policy : file.policies) {
    if (policy.kind == model::PolicyKind::Trust) continue;  // MFA010 judges trust policies
    auto mfa = analyze_mfa({&policy}, catalog::Sensitivity::defaults(), {});
    for (auto& finding : mfa.findings) file.findings.push_back(std::move(finding));
    for (auto& row : mfa.rows) report.mfa_rows.push_back(std::move(row));
  }
  std::stable_sort(file.findings.begin(), file.findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.loc.line, a.loc.column, a.rule) < std::tie(b.loc.line, b.loc.column, b.rule);
  });
  for (auto& finding : file.findings) report.findings.push_back(std::move(finding));
}

}  // namespace

report::Report check_files(const std::vector<std::string>& paths) {
  report::Report report;
  std::vector<input::LoadedFile> missing;
  auto files = input::expand_paths(paths, missing);
  for (auto& file : missing) add_file(std::move(file), report);
  for (const auto& path : files) add_file(input::load_file(path), report);
  return report;
}

}  // namespace mfalint::analysis
