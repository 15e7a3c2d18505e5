#include "session/sts_errors.h"

#include "session/time_format.h"

#include <fmt/core.h>

#include <array>

namespace mfalint::session {
namespace {

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  // AWS key ids are 16+ characters and secrets 40; anything short is no key and would only mangle words.
  constexpr std::size_t kShortest = 8;
  if (from.size() < kShortest) return;
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

std::string skew_message(const StsFault& fault, const FaultContext& context) {
  if (!context.server_time) {
    return fmt::format("AWS refused the request because this machine's clock is too far from AWS's: {}; set the "
                       "clock right (enable NTP) and try again (AWS: {})",
                       fault.message, fault.code);
  }
  auto offset = context.local_time - *context.server_time;
  return fmt::format("AWS refused the request because this machine's clock is {} {} AWS's (AWS: {}, this machine: "
                     "{}); set the clock right (enable NTP) and try again (AWS: {})",
                     span(std::chrono::abs(offset)), offset.count() > 0 ? "ahead of" : "behind",
                     iso8601(*context.server_time), iso8601(context.local_time), fault.code);
}

std::string plain(const StsFault& fault, const FaultContext& context) {
  const std::string& code = fault.code;
  if (is_clock_skew(fault, context)) return skew_message(fault, context);
  if (code == "AccessDenied" && contains(fault.message, "invalid MFA one time pass code")) {
    return fmt::format("the MFA code was wrong or already used; wait for the next one (AWS: {})", code);
  }
  if (code == "AccessDenied" && (contains(fault.message, "MFA serial") || contains(fault.message, "MFA code"))) {
    return fmt::format("AWS could not check the code against that MFA device: is --serial-number (mfa_serial) the "
                       "ARN of a device of the user of profile {}? (AWS: {}: {})",
                       context.source_profile, code, fault.message);
  }
  if (code == "SignatureDoesNotMatch" || code == "InvalidClientTokenId" || code == "IncompleteSignature") {
    return fmt::format("the long-term access key of profile {} ({}) was refused: its secret is wrong, or the key is "
                       "disabled or deleted (AWS: {})",
                       context.source_profile, mask(context.key.id), code);
  }
  if (code == "ExpiredToken") {
    return fmt::format("AWS says the credentials of profile {} have expired: it must hold a long-term access key, "
                       "not an old session (AWS: {})",
                       context.source_profile, code);
  }
  if (code == "ValidationError" && contains(fault.message, "uration")) {
    return fmt::format("AWS refused the session duration: {} (AWS: {})", fault.message, code);
  }
  if (code == "ValidationError") return fmt::format("AWS refused a parameter: {} (AWS: {})", fault.message, code);
  if (is_throttling(fault)) {
    return fmt::format("AWS throttled the STS call {} times in a row; wait a minute and try again (AWS: {})",
                       context.attempts, code);
  }
  if (code == "AccessDenied") return fmt::format("AWS denied the request: {} (AWS: {})", fault.message, code);
  if (context.http_status >= 500) {
    return fmt::format("STS at {} failed on its side with HTTP {} ({} attempts): {}: {}", context.endpoint,
                       context.http_status, context.attempts, code, fault.message);
  }
  return fmt::format("STS refused the request with HTTP {}: {}: {}", context.http_status, code, fault.message);
}

}  // namespace

bool is_throttling(const StsFault& fault) {
  static constexpr std::array<std::string_view, 5> kCodes = {"Throttling", "ThrottlingException",
                                                              "RequestLimitExceeded", "TooManyRequestsException",
                                                              "SlowDown"};
  for (auto code : kCodes) {
    if (fault.code == code) return true;
  }
  return false;
}

bool is_clock_skew(const StsFault& fault, const FaultContext& context) {
  if (fault.code == "RequestTimeTooSkewed" || fault.code == "RequestExpired" || fault.code == "RequestInTheFuture") {
    return true;
  }
  if (fault.code != "SignatureDoesNotMatch" && fault.code != "InvalidSignatureException") return false;
  if (contains(fault.message, "Signature expired") || contains(fault.message, "Signature not yet current")) return true;
  // AWS accepts 5 minutes either way; beyond that a refused signature is most likely the clock.
  return context.server_time && std::chrono::abs(context.local_time - *context.server_time) > std::chrono::minutes(5);
}

std::string explain(const StsFault& fault, const FaultContext& context) {
  return redact(plain(fault, context), context.key);
}

std::string redact(std::string text, const AccessKey& key) {
  replace_all(text, key.secret, "****");
  replace_all(text, key.id, mask(key.id));
  return text;
}

}  // namespace mfalint::session
