#pragma once
// @cloud-copilot/iam-simulate, the independent simulator the differential tests compare with:
// installed with npm from tests/eval/differential/package-lock.json into a directory of the build.

#include "support/test_support.h"

#include <filesystem>
#include <string>

namespace mfalint::testing {

// Installs the node side into `work` (once; again when the lock file changed) and returns `work`;
// an empty string, with `why` said, when it could not be installed.
inline std::string prepare_iam_simulate(const std::filesystem::path& work, std::string& why) {
  namespace fs = std::filesystem;
  fs::path source = fs::path(MFALINT_SOURCE_DIR) / "tests" / "eval" / "differential";
  fs::create_directories(work);
  bool lock_changed = read_all(source / "package-lock.json") != read_all(work / "package-lock.json");
  for (const char* name : {"package.json", "package-lock.json", "generate.mjs", "simulate.mjs"}) {
    fs::copy_file(source / name, work / name, fs::copy_options::overwrite_existing);
  }
  if (lock_changed || !fs::exists(work / "node_modules" / "@cloud-copilot" / "iam-simulate" / "package.json")) {
    auto install = run_shell("npm ci --no-audit --no-fund", work.string());
    if (install.status != 0) {
      why = "npm could not install @cloud-copilot/iam-simulate (is the npm registry reachable?):\n" + install.err;
      return "";
    }
  }
  return work.string();
}

}  // namespace mfalint::testing
