#pragma once
// Where a session is kept between runs: a profile of the credentials file (what the AWS CLI and SDKs
// read), or, for --credential-process and --env, a section of mfalint's own 0600 cache file.
// Both are credentials-style INI files, written under lock and atomically.

#include "session/aws_config.h"
#include "session/credentials.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace mfalint::session {

struct SessionStore {
  std::filesystem::path file;
  std::string section;
};

SessionStore profile_store(const Plan& plan);
// ~/.aws/mfalint/sessions, one section per profile asked for.
SessionStore cache_store(const Plan& plan, const Environment& environment);

struct StoredSession {
  SessionCredentials credentials;
  // When its MFA code was accepted; unknown when another tool (or an older mfalint) stored it.
  std::optional<std::chrono::sys_seconds> authenticated_at;
};

// The stored session, or nothing when there is none (or only part of one).
std::optional<StoredSession> stored_session(const SessionStore& store);

// Refuses a section that holds a long-term key: writing a session there would destroy the key.
void check_can_hold_session(const SessionStore& store);

// Writes the session's keys, token, expiration and MFA sign-in time into the section, keeping
// everything else.
void store_session(const SessionStore& store, const SessionCredentials& session,
                   std::chrono::sys_seconds authenticated_at);

}  // namespace mfalint::session
