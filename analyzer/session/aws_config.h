#pragma once
// Which key signs the STS call, for which MFA device, where, and for how long: the command's flags,
// then the AWS environment variables, then the credentials and config files, as the AWS CLI reads them.

#include "session/credentials.h"
#include "session/sts_client.h"

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace mfalint::session {

struct Environment {
  std::map<std::string, std::string> variables;
  static Environment of_process();
  std::optional<std::string> get(const std::string& name) const;  // an empty value counts as unset
};

// What the command line said; nothing where a flag was not given.
struct SessionFlags {
  std::optional<std::string> profile{};
  std::optional<std::string> serial_number{};
  std::optional<int> duration_seconds{};
  std::optional<std::string> target_profile{};
  std::optional<std::string> region{};
  std::optional<std::string> endpoint_url{};
};

struct AwsFiles {
  std::filesystem::path credentials;  // AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials
  std::filesystem::path config;       // AWS_CONFIG_FILE, else ~/.aws/config
};

struct Plan {
  std::string profile;         // the profile asked for
  std::string source_profile;  // the credentials-file profile whose long-term key signs the call
  AccessKey key;
  std::string serial_number;
  std::optional<RoleRequest> role;  // set when the profile has role_arn: AssumeRole, not GetSessionToken
  int duration_seconds = 0;
  bool duration_chosen = false;  // by flag or config, so it is never shortened without a word
  std::string region;
  std::string endpoint_url;
  AwsFiles files;
  std::string target_profile;
};

// Duration limits as AWS sets them.
constexpr int kMinDuration = 900;
constexpr int kMaxUserDuration = 129600;
constexpr int kDefaultUserDuration = 43200;
constexpr int kMaxRootDuration = 3600;
constexpr int kMaxRoleDuration = 43200;
constexpr int kDefaultRoleDuration = 3600;

AwsFiles aws_files(const Environment& environment);

// Everything checked before any network call; what is missing or out of range throws, naming the
// flag or file line that would fix it.
Plan resolve_plan(const SessionFlags& flags, const Environment& environment, std::chrono::sys_seconds now);

}  // namespace mfalint::session
