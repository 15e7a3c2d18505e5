#pragma once
// IPv4 and IPv6 addresses and CIDR ranges for IpAddress/NotIpAddress, parsed strictly.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace mfalint::eval {

struct IpAddress {
  bool v6 = false;
  std::array<uint8_t, 16> bytes{};  // IPv4 uses the first four
};

struct IpRange {
  IpAddress base;
  int prefix = 0;  // bits
};

// Dotted-quad IPv4 (no leading zeros) or RFC 4291 text IPv6 (`::`, an IPv4 tail).
std::optional<IpAddress> parse_ip(std::string_view text);
// "203.0.113.0/24", "2001:DB8::/32"; an address without a prefix is /32 or /128, as IAM does.
std::optional<IpRange> parse_cidr(std::string_view text);
// False when the families differ.
bool in_range(const IpAddress& address, const IpRange& range);

}  // namespace mfalint::eval
