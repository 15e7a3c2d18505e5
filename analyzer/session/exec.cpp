#include "session/exec.h"

#include "session/error.h"
#include "session/time_format.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <spawn.h>
#include <string_view>
#include <sys/wait.h>

namespace mfalint::session {
namespace {

constexpr std::array<std::string_view, 8> kReplaced = {
    "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN",
    "AWS_CREDENTIAL_EXPIRATION", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_CREDENTIAL_PROFILES_FILE"};

std::string_view name_of(std::string_view entry) { return entry.substr(0, entry.find('=')); }

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& text : strings) out.push_back(text.data());
  out.push_back(nullptr);
  return out;
}

// While the command runs, an interrupt at the terminal is for the command alone; the dispositions
// are put back on every way out, so a command that could not start leaves none behind.
class IgnoredInterrupts {
 public:
  IgnoredInterrupts() : interrupt_(std::signal(SIGINT, SIG_IGN)), quit_(std::signal(SIGQUIT, SIG_IGN)) {}
  ~IgnoredInterrupts() {
    std::signal(SIGINT, interrupt_);
    std::signal(SIGQUIT, quit_);
  }
  IgnoredInterrupts(const IgnoredInterrupts&) = delete;
  IgnoredInterrupts& operator=(const IgnoredInterrupts&) = delete;

 private:
  void (*interrupt_)(int);
  void (*quit_)(int);
};

}  // namespace

std::vector<std::string> session_environment(const std::vector<std::string>& base, const SessionCredentials& session,
                                             const std::string& region) {
  std::vector<std::string> out;
  bool has_region = false;
  for (const auto& entry : base) {
    auto name = name_of(entry);
    if (std::find(kReplaced.begin(), kReplaced.end(), name) != kReplaced.end()) continue;
    has_region = has_region || ((name == "AWS_REGION" || name == "AWS_DEFAULT_REGION") && entry.size() > name.size() + 1);
    out.push_back(entry);
  }
  out.push_back("AWS_ACCESS_KEY_ID=" + session.access_key_id);
  out.push_back("AWS_SECRET_ACCESS_KEY=" + session.secret_access_key);
  out.push_back("AWS_SESSION_TOKEN=" + session.session_token);
  out.push_back("AWS_CREDENTIAL_EXPIRATION=" + iso8601(session.expiration));
  if (!has_region) {
    out.push_back("AWS_REGION=" + region);
    out.push_back("AWS_DEFAULT_REGION=" + region);
  }
  return out;
}

int run_command(const std::vector<std::string>& argv, const std::vector<std::string>& environment) {
  if (argv.empty()) throw Error("no command to run: mfalint exec [options] -- COMMAND [ARGS...]");
  std::vector<std::string> args = argv;
  std::vector<std::string> env = environment;
  auto arg_pointers = pointers(args);
  auto env_pointers = pointers(env);

  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGQUIT);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);

  IgnoredInterrupts ignored;
  pid_t child = 0;
  int error = posix_spawnp(&child, args[0].c_str(), nullptr, &attributes, arg_pointers.data(), env_pointers.data());
  posix_spawnattr_destroy(&attributes);
  if (error != 0) throw Error(fmt::format("cannot run {}: {}", args[0], std::strerror(error)));

  int status = 0;
  while (::waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) throw Error(fmt::format("lost track of {}: {}", args[0], std::strerror(errno)));
  }
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

}  // namespace mfalint::session
