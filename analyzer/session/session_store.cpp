#include "session/session_store.h"

#include "session/credentials_file.h"
#include "session/error.h"
#include "session/ini.h"
#include "session/locked_file.h"
#include "session/time_format.h"

#include <fmt/core.h>

#include <sys/stat.h>

namespace mfalint::session {
namespace {

namespace fs = std::filesystem;

constexpr const char* kExpiration = "expiration";  // the key aws-mfa and similar tools use too
// "2026-11-29T04:59:21Z for ASIA...": the session's key id ties the time to the session, so a time
// left behind when another tool rewrote the keys of the section is not believed.
constexpr const char* kAuthenticatedAt = "mfa_authenticated_at";

std::string authenticated_at_value(std::chrono::sys_seconds when, const std::string& access_key_id) {
  return iso8601(when) + " for " + access_key_id;
}

std::optional<std::chrono::sys_seconds> authenticated_at_of(const std::string& value,
                                                            const std::string& access_key_id) {
  const std::string suffix = " for " + access_key_id;
  if (!value.ends_with(suffix)) return std::nullopt;
  return parse_iso8601(std::string_view(value).substr(0, value.size() - suffix.size()));
}

IniDocument read_store(const SessionStore& store) {
  auto text = read_file(store.file);
  return text ? parse_ini(*text, store.file.string()) : IniDocument{};
}

void check_section(const IniDocument& document, const SessionStore& store) {
  if (find_value(document, store.section, "aws_access_key_id") &&
      !find_value(document, store.section, "aws_session_token")) {
    throw Error(fmt::format("profile [{}] of {} holds a long-term access key; writing the session there would "
                            "destroy it: choose another --target-profile",
                            store.section, store.file.string()));
  }
}

}  // namespace

SessionStore profile_store(const Plan& plan) { return {plan.files.credentials, plan.target_profile}; }

SessionStore cache_store(const Plan& plan, const Environment& environment) {
  auto home = environment.get("HOME");
  if (!home) throw Error("HOME is not set, so mfalint's session cache (~/.aws/mfalint) cannot be found");
  return {fs::path(*home) / ".aws" / "mfalint" / "sessions", plan.profile};
}

std::optional<StoredSession> stored_session(const SessionStore& store) {
  IniDocument document = read_store(store);
  auto value = [&](const char* key) { return find_value(document, store.section, key).value_or(""); };
  SessionCredentials session{value("aws_access_key_id"), value("aws_secret_access_key"), value("aws_session_token"), {}};
  auto expiration = parse_iso8601(value(kExpiration));
  if (session.access_key_id.empty() || session.secret_access_key.empty() || session.session_token.empty() ||
      !expiration) {
    return std::nullopt;
  }
  session.expiration = *expiration;
  return StoredSession{session, authenticated_at_of(value(kAuthenticatedAt), session.access_key_id)};
}

void check_can_hold_session(const SessionStore& store) { check_section(read_store(store), store); }

void store_session(const SessionStore& store, const SessionCredentials& session,
                   std::chrono::sys_seconds authenticated_at) {
  const fs::path folder = store.file.parent_path();
  if (!folder.empty() && !fs::exists(folder)) {
    fs::create_directories(folder);
    ::chmod(folder.c_str(), 0700);  // it holds secrets
  }
  edit_locked(store.file, [&](const std::string& current) {
    IniDocument document = parse_ini(current, store.file.string());
    check_section(document, store);  // again: another program may have written it since
    return with_profile_values(document, store.section,
                               {{"aws_access_key_id", session.access_key_id},
                                {"aws_secret_access_key", session.secret_access_key},
                                {"aws_session_token", session.session_token},
                                {kExpiration, iso8601(session.expiration)},
                                {kAuthenticatedAt, authenticated_at_value(authenticated_at, session.access_key_id)}});
  });
}

}  // namespace mfalint::session
