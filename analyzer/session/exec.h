#pragma once
// `mfalint exec`: a command run with the session in its environment.

#include "session/credentials.h"

#include <string>
#include <vector>

namespace mfalint::session {

// `base` ("NAME=value" entries) with the session's keys, token and expiration set, and every variable
// that would make an SDK pick other credentials (a profile, an old token) removed. The region is set
// when `base` has none, since the profile it came from is no longer named.
std::vector<std::string> session_environment(const std::vector<std::string>& base, const SessionCredentials& session,
                                             const std::string& region);

// Runs `argv` (looked up in PATH) with `environment` and returns its exit status, or 128 + the signal
// that ended it. Interrupts at the terminal go to the command, which decides what they mean.
int run_command(const std::vector<std::string>& argv, const std::vector<std::string>& environment);

}  // namespace mfalint::session
