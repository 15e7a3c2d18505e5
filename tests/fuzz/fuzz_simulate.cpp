// `mfalint simulate` as a user runs it, with arbitrary bytes in the file of one of its file options.
// The first byte picks the option (--policy, --resource-policy, --boundary, --scp), the file's
// extension, the request's action, --mfa-matrix and --format json; the rest is the file. Whatever
// the file holds, the run ends with status 0 or 2, and with 2 when the file holds no policy.
#include "pipeline/checked_load.h"
#include "cli/command.h"
#include "fuzz_load.h"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

constexpr const char* kAllowAll = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})";

// Made once per process, removed at its exit.
const char* work_dir() {
  static char dir[] = "/tmp/mfalint-fuzz-simulate-XXXXXX";
  static const bool made = [] {
    mfalint::fuzz::require(mkdtemp(dir) != nullptr);
    std::ofstream(std::string(dir) + "/allow.json") << kAllowAll;
    std::atexit([] { std::filesystem::remove_all(dir); });
    return true;
  }();
  (void)made;
  return dir;
}

// The simulate run's exit status; what it prints to standard output is dropped (its errors stay
// on standard error, where a sanitizer's report goes too).
int run(const std::vector<std::string>& args) {
  std::vector<const char*> argv{"mfalint"};
  for (const auto& arg : args) argv.push_back(arg.c_str());
  CLI::App app;
  mfalint::cli::Command command = mfalint::cli::add_simulate_command(app);
  try {
    app.parse(static_cast<int>(argv.size()), const_cast<char**>(argv.data()));
  } catch (const CLI::ParseError&) {
    return mfalint::cli::kExitError;
  }
  std::fflush(stdout);
  std::cout.flush();
  int saved = dup(1);
  int null = open("/dev/null", O_WRONLY);
  dup2(null, 1);
  int status = command.run();
  std::fflush(stdout);
  std::cout.flush();
  dup2(saved, 1);
  close(saved);
  close(null);
  return status;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using mfalint::fuzz::require;
  if (size == 0) return 0;
  static constexpr std::array<const char*, 4> kOptions{"--policy", "--resource-policy", "--boundary", "--scp"};
  static constexpr std::array<const char*, 4> kExtensions{".json", ".yaml", ".template", ".yml"};
  static constexpr std::array<const char*, 4> kActions{"s3:GetObject", "sts:AssumeRole", "kms:Decrypt", "iam:DeleteRole"};
  static constexpr std::array<const char*, 4> kResources{
      "arn:aws:s3:::example/a.txt", "arn:aws:iam::123456789012:role/admin",
      "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef"};
  uint8_t pick = data[0];
  std::string content(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string path = std::string(work_dir()) + "/input" + kExtensions[(pick >> 2) & 3];
  std::ofstream(path, std::ios::binary | std::ios::trunc) << content;

  std::string option = kOptions[pick & 3];
  std::vector<std::string> args{"simulate", option, path, "--action", kActions[(pick >> 6) & 3],
                                "--resource", kResources[(pick >> 6) & 3],
                                "--principal", "arn:aws:iam::123456789012:user/alice"};
  if (option != "--policy") args.insert(args.end(), {"--policy", std::string(work_dir()) + "/allow.json"});
  if (pick & 0x10) args.push_back("--mfa-matrix");
  if (pick & 0x20) args.insert(args.end(), {"--format", "json"});
  int status = run(args);
  require(status == mfalint::cli::kExitClean || status == mfalint::cli::kExitError);
  mfalint::input::LoadedFile file = mfalint::pipeline::load_text_checked(path, content);
  if (file.error || file.policies.empty()) require(status == mfalint::cli::kExitError);
  return 0;
}
