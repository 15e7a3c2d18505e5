#include "session/aws_config.h"

#include "session/error.h"
#include "session/ini.h"
#include "session/locked_file.h"

#include <fmt/core.h>

#include <charconv>

extern char** environ;

namespace mfalint::session {
namespace {

namespace fs = std::filesystem;

fs::path home(const Environment& environment) {
  auto value = environment.get("HOME");
  if (!value) throw Error("HOME is not set, so ~/.aws cannot be found; set AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE");
  return *value;
}

// botocore expands a leading ~ in the file variables; so do we.
fs::path expanded(const std::string& path, const Environment& environment) {
  if (path == "~" || path.starts_with("~/")) return home(environment) / path.substr(std::min<std::size_t>(2, path.size()));
  return path;
}

IniDocument read_ini(const fs::path& path, bool required, const std::string& why) {
  auto text = read_file(path);
  if (!text) {
    if (required) throw Error(fmt::format("no credentials file at {}: {}", path.string(), why));
    return {};
  }
  return parse_ini(*text, path.string());
}

// The config file names profiles "[profile NAME]", except the default, which may be plain "[default]".
std::string config_section(const IniDocument& config, const std::string& profile) {
  if (profile == "default" && !has_section(config, "profile default")) return "default";
  return "profile " + profile;
}

int duration_from(const std::string& text, const std::string& where) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw Error(fmt::format("{} must be a number of seconds, not '{}'", where, text));
  }
  return value;
}

void check_duration(const Plan& plan) {
  const int max = plan.role ? kMaxRoleDuration : kMaxUserDuration;
  if (plan.duration_seconds >= kMinDuration && plan.duration_seconds <= max) return;
  if (plan.role) {
    throw Error(fmt::format("a role session lasts {}–{} seconds (and no longer than the role's maximum), not {}",
                            kMinDuration, kMaxRoleDuration, plan.duration_seconds));
  }
  throw Error(fmt::format("an MFA session lasts {}–{} seconds for an IAM user ({}–{} for the root user), not {}",
                          kMinDuration, kMaxUserDuration, kMinDuration, kMaxRootDuration, plan.duration_seconds));
}

std::string default_endpoint(const std::string& region) {
  return fmt::format("https://sts.{}.amazonaws.com{}", region, region.starts_with("cn-") ? ".cn" : "");
}

}  // namespace

Environment Environment::of_process() {
  Environment environment;
  for (char** entry = environ; *entry; ++entry) {
    std::string_view text(*entry);
    auto equals = text.find('=');
    if (equals != std::string_view::npos) {
      environment.variables.emplace(text.substr(0, equals), text.substr(equals + 1));
    }
  }
  return environment;
}

std::optional<std::string> Environment::get(const std::string& name) const {
  auto found = variables.find(name);
  if (found == variables.end() || found->second.empty()) return std::nullopt;
  return found->second;
}

AwsFiles aws_files(const Environment& environment) {
  auto credentials = environment.get("AWS_SHARED_CREDENTIALS_FILE");
  auto config = environment.get("AWS_CONFIG_FILE");
  return {credentials ? expanded(*credentials, environment) : home(environment) / ".aws" / "credentials",
          config ? expanded(*config, environment) : home(environment) / ".aws" / "config"};
}

Plan resolve_plan(const SessionFlags& flags, const Environment& environment, std::chrono::sys_seconds now) {
  Plan plan;
  plan.files = aws_files(environment);
  plan.profile = flags.profile.value_or(environment.get("AWS_PROFILE").value_or("default"));

  const IniDocument config = read_ini(plan.files.config, false, "");
  const std::string section = config_section(config, plan.profile);
  auto setting = [&](const std::string& key) { return find_value(config, section, key); };
  const std::string where = fmt::format("[{}] of {}", section, plan.files.config.string());

  if (setting("credential_source")) {
    throw Error(fmt::format("{} uses credential_source, which mfalint does not support; use source_profile", where));
  }
  plan.source_profile = plan.profile;
  if (auto role_arn = setting("role_arn")) {
    auto source = setting("source_profile");
    if (!source) throw Error(fmt::format("{} has role_arn but no source_profile", where));
    if (find_value(config, config_section(config, *source), "role_arn")) {
      throw Error(fmt::format("profile {} takes its keys from profile {}, itself a role: mfalint does not chain roles",
                              plan.profile, *source));
    }
    plan.source_profile = *source;
    plan.role = RoleRequest{*role_arn,
                            setting("role_session_name").value_or(fmt::format("mfalint-{}", now.time_since_epoch().count())),
                            setting("external_id").value_or("")};
  }

  const IniDocument credentials =
      read_ini(plan.files.credentials, true,
               fmt::format("mfalint needs the long-term access key of profile {} there", plan.source_profile));
  auto key_value = [&](const std::string& key) { return find_value(credentials, plan.source_profile, key); };
  auto id = key_value("aws_access_key_id");
  auto secret = key_value("aws_secret_access_key");
  if (!id || !secret || id->empty() || secret->empty()) {
    throw Error(fmt::format("profile [{}] of {} has no aws_access_key_id and aws_secret_access_key",
                            plan.source_profile, plan.files.credentials.string()));
  }
  if (key_value("aws_session_token")) {
    throw Error(fmt::format("profile [{}] of {} holds temporary credentials (aws_session_token); mfalint needs the "
                            "long-term access key of an IAM user",
                            plan.source_profile, plan.files.credentials.string()));
  }
  plan.key = {*id, *secret};

  auto serial = flags.serial_number ? flags.serial_number : setting("mfa_serial");
  if (!serial || serial->empty()) {
    throw Error(fmt::format("no MFA device for profile {}: pass --serial-number ARN or set mfa_serial in {}",
                            plan.profile, where));
  }
  plan.serial_number = *serial;

  if (flags.duration_seconds) {
    plan.duration_seconds = *flags.duration_seconds;
    plan.duration_chosen = true;
  } else if (auto configured = setting("duration_seconds")) {
    plan.duration_seconds = duration_from(*configured, "duration_seconds in " + where);
    plan.duration_chosen = true;
  } else {
    plan.duration_seconds = plan.role ? kDefaultRoleDuration : kDefaultUserDuration;
  }
  check_duration(plan);

  plan.region = flags.region.value_or(environment.get("AWS_REGION").value_or(
      environment.get("AWS_DEFAULT_REGION").value_or(setting("region").value_or("us-east-1"))));
  plan.endpoint_url = flags.endpoint_url.value_or(environment.get("AWS_ENDPOINT_URL_STS").value_or(
      environment.get("AWS_ENDPOINT_URL").value_or(default_endpoint(plan.region))));

  plan.target_profile = flags.target_profile.value_or(plan.profile + "-mfa");
  if (plan.target_profile == plan.source_profile) {
    throw Error(fmt::format("the session cannot go to profile {}: it holds the long-term key; choose another "
                            "--target-profile",
                            plan.target_profile));
  }
  return plan;
}

}  // namespace mfalint::session
