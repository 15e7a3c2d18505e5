#include "eval/ip.h"

namespace mfalint::eval {
namespace {

// A decimal number of 1..max_digits digits without a leading zero, at most `max`.
std::optional<int> small_decimal(std::string_view text, size_t max_digits, int max) {
  if (text.empty() || text.size() > max_digits || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value > max) return std::nullopt;
  return value;
}

bool parse_v4(std::string_view text, uint8_t* out) {
  for (int i = 0; i < 4; ++i) {
    size_t dot = i < 3 ? text.find('.') : text.size();
    if (dot == std::string_view::npos) return false;
    auto octet = small_decimal(text.substr(0, dot), 3, 255);
    if (!octet) return false;
    out[i] = static_cast<uint8_t>(*octet);
    text.remove_prefix(i < 3 ? dot + 1 : dot);
  }
  return text.empty();
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Groups of a side of `::` (or of the whole address): 16-bit hex groups, the last of which may be
// a dotted IPv4 address when `allow_v4_tail`. Returns the number of bytes written, or -1.
int parse_v6_groups(std::string_view text, uint8_t* out, int max_bytes, bool allow_v4_tail) {
  if (text.empty()) return 0;
  int written = 0;
  while (true) {
    size_t colon = text.find(':');
    std::string_view group = text.substr(0, colon);
    if (colon == std::string_view::npos && allow_v4_tail && group.find('.') != std::string_view::npos) {
      if (written + 4 > max_bytes || !parse_v4(group, out + written)) return -1;
      return written + 4;
    }
    if (group.empty() || group.size() > 4 || written + 2 > max_bytes) return -1;
    int value = 0;
    for (char c : group) {
      int digit = hex_value(c);
      if (digit < 0) return -1;
      value = value * 16 + digit;
    }
    out[written++] = static_cast<uint8_t>(value >> 8);
    out[written++] = static_cast<uint8_t>(value & 0xFF);
    if (colon == std::string_view::npos) return written;
    text.remove_prefix(colon + 1);
  }
}

bool parse_v6(std::string_view text, uint8_t* out) {
  size_t gap = text.find("::");
  if (gap == std::string_view::npos) return parse_v6_groups(text, out, 16, true) == 16;
  if (text.find("::", gap + 1) != std::string_view::npos) return false;
  uint8_t head[16] = {}, tail[16] = {};
  int head_bytes = parse_v6_groups(text.substr(0, gap), head, 14, false);
  int tail_bytes = parse_v6_groups(text.substr(gap + 2), tail, 14, true);
  if (head_bytes < 0 || tail_bytes < 0 || head_bytes + tail_bytes > 14) return false;
  for (int i = 0; i < 16; ++i) out[i] = 0;
  for (int i = 0; i < head_bytes; ++i) out[i] = head[i];
  for (int i = 0; i < tail_bytes; ++i) out[16 - tail_bytes + i] = tail[i];
  return true;
}

}  // namespace

std::optional<IpAddress> parse_ip(std::string_view text) {
  IpAddress address;
  if (text.find(':') == std::string_view::npos) {
    if (!parse_v4(text, address.bytes.data())) return std::nullopt;
    return address;
  }
  address.v6 = true;
  if (!parse_v6(text, address.bytes.data())) return std::nullopt;
  return address;
}

std::optional<IpRange> parse_cidr(std::string_view text) {
  size_t slash = text.find('/');
  auto address = parse_ip(text.substr(0, slash));
  if (!address) return std::nullopt;
  int bits = address->v6 ? 128 : 32;
  if (slash == std::string_view::npos) return IpRange{*address, bits};
  auto prefix = small_decimal(text.substr(slash + 1), 3, bits);
  if (!prefix) return std::nullopt;
  return IpRange{*address, *prefix};
}

bool in_range(const IpAddress& address, const IpRange& range) {
  if (address.v6 != range.base.v6) return false;
  int bits = range.prefix;
  for (size_t i = 0; bits > 0; ++i, bits -= 8) {
    int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
    if ((address.bytes[i] & mask) != (range.base.bytes[i] & mask)) return false;
  }
  return true;
}

}  // namespace mfalint::eval
