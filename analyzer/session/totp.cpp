#include "session/totp.h"

#include <fmt/core.h>

namespace mfalint::session {

std::optional<Bytes> base32_decode(std::string_view text) {
  Bytes out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char raw : text) {
    if (raw == ' ' || raw == '-' || raw == '=' || raw == '\t' || raw == '\n' || raw == '\r') continue;
    char c = (raw >= 'a' && raw <= 'z') ? static_cast<char>(raw - 'a' + 'A') : raw;
    std::uint32_t value;
    if (c >= 'A' && c <= 'Z') {
      value = static_cast<std::uint32_t>(c - 'A');
    } else if (c >= '2' && c <= '7') {
      value = static_cast<std::uint32_t>(c - '2' + 26);
    } else {
      return std::nullopt;
    }
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<unsigned char>((buffer >> bits) & 0xff));
    }
  }
  // Leftover bits are dropped, as authenticator apps do: seeds are not always whole bytes.
  if (out.empty()) return std::nullopt;
  return out;
}

std::string hotp(const Bytes& key, std::uint64_t counter, int digits) {
  Bytes message(8);
  for (int i = 7; i >= 0; --i) {
    message[static_cast<std::size_t>(i)] = static_cast<unsigned char>(counter & 0xff);
    counter >>= 8;
  }
  Bytes mac = hmac_sha1(key, message);
  std::size_t offset = mac.back() & 0x0f;
  std::uint32_t code = (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) |
                       (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                       (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | static_cast<std::uint32_t>(mac[offset + 3]);
  std::uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  return fmt::format("{:0{}}", code % modulus, digits);
}

std::string totp(const Bytes& key, std::int64_t unix_time, int digits, int step_seconds) {
  return hotp(key, static_cast<std::uint64_t>(unix_time / step_seconds), digits);
}

}  // namespace mfalint::session
