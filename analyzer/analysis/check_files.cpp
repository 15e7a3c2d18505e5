#include "analysis/check_files.h"

#include "input/load.h"

#include <algorithm>
#include <tuple>

namespace mfalint::analysis {
namespace {

// Findings of one file in reading order, whichever stage found them.
void add_file(input::LoadedFile file, report::Report& report) {
  report.files.push_back(report::FileStatus{file.path, file.error, file.error_loc});
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
