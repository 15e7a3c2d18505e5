#pragma once
// The three STS calls `mfalint session` makes, signed with the long-term key, over the query
// protocol, retried with backoff only when AWS says to slow down or fails on its side.

#include "session/credentials.h"
#include "session/http.h"
#include "session/sts_xml.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace mfalint::session {

// http_post, or a stand-in in tests.
using Transport = std::function<HttpResponse(const HttpRequest&, const Timeouts&)>;

struct RetryPolicy {
  int attempts = 3;
  std::chrono::milliseconds first_delay{400};  // doubled after each attempt, with jitter
};

struct StsSettings {
  Endpoint endpoint;
  std::string region;
  AccessKey key;
  std::string source_profile;  // named in messages about the key
  Timeouts timeouts;
  RetryPolicy retry;
  Transport transport = http_post;
};

struct MfaCode {
  std::string serial_number;
  std::string token_code;
};

struct RoleRequest {
  std::string role_arn;
  std::string session_name;
  std::string external_id;  // empty when the role does not ask for one
};

AssumedSession get_session_token(const StsSettings& sts, int duration_seconds, const MfaCode& mfa);
AssumedSession assume_role(const StsSettings& sts, const RoleRequest& role, int duration_seconds, const MfaCode& mfa);
CallerIdentity get_caller_identity(const StsSettings& sts);

// The form body of an STS query-protocol call, parameters in the order given.
std::string sts_form_body(const std::string& action, const std::vector<Header>& parameters);

}  // namespace mfalint::session
