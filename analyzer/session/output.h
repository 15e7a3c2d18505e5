#pragma once
// The two ways a session leaves mfalint as text: credential_process JSON for the SDKs, and export
// lines for a shell's eval.

#include "session/credentials.h"

#include <string>

namespace mfalint::session {

// {"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}, as the SDKs'
// credential_process expects.
std::string credential_process_json(const SessionCredentials& session);

// "export AWS_ACCESS_KEY_ID='...'" lines, quoted for any POSIX shell.
std::string env_exports(const SessionCredentials& session);

}  // namespace mfalint::session
