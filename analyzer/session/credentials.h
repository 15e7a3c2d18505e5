#pragma once
// The two kinds of AWS credentials this module handles: the long-term access key that signs the STS
// call, and the temporary session STS hands back.

#include <chrono>
#include <string>
#include <string_view>

namespace mfalint::session {

struct AccessKey {
  std::string id;
  std::string secret;
};

struct SessionCredentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;
  std::chrono::sys_seconds expiration;
};

// "****WXYZ": enough of a key id to tell keys apart in messages, too little to use it.
std::string mask(std::string_view key_id);

}  // namespace mfalint::session
