#pragma once
// AWS's error codes, turned into what the person at the terminal should do about them.

#include "session/credentials.h"
#include "session/sts_xml.h"

#include <chrono>
#include <optional>
#include <string>

namespace mfalint::session {

struct FaultContext {
  std::string source_profile;  // whose long-term key signed the call
  AccessKey key;               // never shown: masked or removed from every message
  std::string endpoint;
  long http_status = 0;
  int attempts = 1;
  std::chrono::sys_seconds local_time;
  std::optional<std::chrono::sys_seconds> server_time;  // from the answer's Date header
};

bool is_throttling(const StsFault& fault);
bool is_clock_skew(const StsFault& fault, const FaultContext& context);

std::string explain(const StsFault& fault, const FaultContext& context);

// `text` with the key id masked and the secret removed, for anything a server sent back.
std::string redact(std::string text, const AccessKey& key);

}  // namespace mfalint::session
