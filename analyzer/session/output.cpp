#include "session/output.h"

#include "session/time_format.h"

#include <fmt/core.h>

namespace mfalint::session {
namespace {

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      out += fmt::format("\\u{:04x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string credential_process_json(const SessionCredentials& session) {
  return fmt::format(
      "{{\"Version\": 1, \"AccessKeyId\": {}, \"SecretAccessKey\": {}, \"SessionToken\": {}, \"Expiration\": {}}}\n",
      json_string(session.access_key_id), json_string(session.secret_access_key), json_string(session.session_token),
      json_string(iso8601(session.expiration)));
}

std::string env_exports(const SessionCredentials& session) {
  return fmt::format(
      "export AWS_ACCESS_KEY_ID={}\nexport AWS_SECRET_ACCESS_KEY={}\nexport AWS_SESSION_TOKEN={}\n"
      "export AWS_CREDENTIAL_EXPIRATION={}\n",
      shell_quoted(session.access_key_id), shell_quoted(session.secret_access_key),
      shell_quoted(session.session_token), shell_quoted(iso8601(session.expiration)));
}

}  // namespace mfalint::session
