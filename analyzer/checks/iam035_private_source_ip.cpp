#include "catalog/text.h"
#include "checks/check.h"
#include "eval/ip.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>

namespace mfalint::checks {
namespace {

using model::ConditionOp;

// The private ranges: RFC 1918 for IPv4, unique local (RFC 4193) and link-local addresses for
// IPv6. Access Analyzer does not publish its list; a request reaching AWS over the internet never
// comes from these, so aws:SourceIp never holds one.
struct PrivateBlock {
  bool v6;
  std::array<uint8_t, 2> first;  // the leading bytes of the block
  int prefix;
};
constexpr std::array<PrivateBlock, 5> kPrivateBlocks = {{
    {false, {10, 0}, 8},
    {false, {172, 16}, 12},
    {false, {192, 168}, 16},
    {true, {0xfc, 0}, 7},
    {true, {0xfe, 0x80}, 10},
}};

// Whether the whole range lies in one private block.
bool is_private(const eval::IpRange& range) {
  for (const auto& block : kPrivateBlocks) {
    if (block.v6 != range.base.v6 || range.prefix < block.prefix) continue;
    eval::IpRange private_range;
    private_range.base.v6 = block.v6;
    private_range.base.bytes[0] = block.first[0];
    private_range.base.bytes[1] = block.first[1];
    private_range.prefix = block.prefix;
    if (eval::in_range(range.base, private_range)) return true;
  }
  return false;
}

// The range with its host bits cleared, or nothing when none is set.
std::optional<eval::IpAddress> without_host_bits(const eval::IpRange& range) {
  eval::IpAddress masked = range.base;
  int bytes = range.base.v6 ? 16 : 4;
  bool changed = false;
  for (int i = 0; i < bytes; ++i) {
    int keep = std::clamp(range.prefix - i * 8, 0, 8);
    auto mask = static_cast<uint8_t>(keep == 0 ? 0 : 0xff << (8 - keep));
    if ((masked.bytes[i] & ~mask & 0xff) != 0) changed = true;
    masked.bytes[i] &= mask;
  }
  if (!changed) return std::nullopt;
  return masked;
}

// RFC 5952 text: lower-case hex, the longest run of two or more zero groups as "::".
std::string format_ip(const eval::IpAddress& address) {
  if (!address.v6) {
    return fmt::format("{}.{}.{}.{}", address.bytes[0], address.bytes[1], address.bytes[2], address.bytes[3]);
  }
  std::array<unsigned, 8> groups{};
  for (int i = 0; i < 8; ++i) groups[i] = address.bytes[2 * i] << 8 | address.bytes[2 * i + 1];
  int best = -1, best_len = 1;
  for (int i = 0; i < 8;) {
    if (groups[i] != 0) { ++i; continue; }
    int j = i;
    while (j < 8 && groups[j] == 0) ++j;
    if (j - i > best_len) { best = i; best_len = j - i; }
    i = j;
  }
  std::string text;
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      text += "::";
      i += best_len - 1;
      continue;
    }
    if (!text.empty() && !text.ends_with(':')) text += ':';
    text += fmt::format("{:x}", groups[i]);
  }
  return text;
}

bool is_ip_operator(ConditionOp op) { return op == ConditionOp::IpAddress || op == ConditionOp::NotIpAddress; }

}  // namespace

// IAM035: aws:SourceIp compared with private addresses, which it never holds (a request through
// a VPC endpoint carries aws:VpcSourceIp instead); and CIDR blocks with host bits set, which IAM
// ignores.
void check_private_source_ip(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    for (const auto& block : st.conditions) {
      if (!is_ip_operator(block.op)) continue;
      bool negated = block.op == ConditionOp::NotIpAddress;
      for (const auto& entry : block.entries) {
        bool source_ip = catalog::equals_lower(entry.key.value, "aws:SourceIp");
        size_t parsed = 0, private_count = 0;
        const model::ConditionValue* first_private = nullptr;
        for (const auto& value : entry.values) {
          auto range = eval::parse_cidr(value.text);
          if (!range) continue;  // IAM015's
          ++parsed;
          if (source_ip && is_private(*range)) {
            ++private_count;
            if (!first_private) first_private = &value;
          }
          if (auto masked = without_host_bits(*range)) {
            std::string replacement = fmt::format("{}/{}", format_ip(*masked), range->prefix);
            Finding finding = with_code(
                make_finding("IAM035", policy, st, value.loc,
                             fmt::format("\"{}\" has bits set after its /{} mask, which IAM ignores: it is {}",
                                         value.text, range->prefix, replacement)),
                "IMPROVE_IP_RANGE");
            finding.severity = Severity::Note;
            finding.fix = fmt::format("\"{}\"", replacement);
            out.push_back(std::move(finding));
          }
        }
        if (private_count == 0) continue;
        bool all = private_count == parsed;  // values IAM015 cannot read left aside
        std::string message;
        std::string_view code;
        if (all) {
          code = negated ? "PRIVATE_NOT_IP_ADDRESS" : "PRIVATE_IP_ADDRESS";
          message = fmt::format(
              "every value of aws:SourceIp under {} is a private address range, which aws:SourceIp never holds: "
              "the condition {}; use aws:VpcSourceIp for addresses inside a VPC",
              block.op_text.value, negated ? "always matches" : "never matches");
        } else {
          code = negated ? "PRIVATE_NOT_IP_ADDRESS_SUBSET" : "PRIVATE_IP_ADDRESS_SUBSET";
          message = fmt::format(
              "aws:SourceIp under {} mixes public and private ranges (\"{}\"); aws:SourceIp holds only public "
              "addresses, so the private ones {}; use aws:VpcSourceIp for them",
              block.op_text.value, first_private->text, negated ? "have no effect" : "never match");
        }
        Finding finding = with_code(make_finding("IAM035", policy, st, all ? entry.key.loc : first_private->loc,
                                                 std::move(message)),
                                    code);
        if (!all) finding.severity = Severity::Note;
        out.push_back(std::move(finding));
      }
    }
  }
}

}  // namespace mfalint::checks
