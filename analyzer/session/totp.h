#pragma once
// One-time codes of a virtual MFA device: RFC 4226 HOTP, RFC 6238 TOTP (HMAC-SHA1, 30 s steps), and
// the RFC 4648 base32 that seeds are written in.

#include "session/crypto.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mfalint::session {

// Case-insensitive; spaces, dashes and '=' padding are ignored, since seeds are shown grouped.
// Nothing when a character is not base32 or there is not one whole byte.
std::optional<Bytes> base32_decode(std::string_view text);

std::string hotp(const Bytes& key, std::uint64_t counter, int digits);
std::string totp(const Bytes& key, std::int64_t unix_time, int digits, int step_seconds = 30);

}  // namespace mfalint::session
