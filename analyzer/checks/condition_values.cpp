#include "checks/check.h"

#include <fmt/core.h>

#include <cctype>
#include <string_view>

namespace mfalint::checks {
namespace {

using model::OperatorFamily;
using model::ValueKind;

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool is_number(std::string_view s) {
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  auto dot = s.find('.');
  if (dot == std::string_view::npos) return all_digits(s);
  return all_digits(s.substr(0, dot)) && (dot + 1 == s.size() || all_digits(s.substr(dot + 1)));
}

bool is_bool(std::string_view s) {
  auto lower = [&](std::string_view word) {
    if (s.size() != word.size()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(s[i])) != word[i]) return false;
    }
    return true;
  };
  return lower("true") || lower("false");
}

bool digits_at(std::string_view s, size_t at, size_t count) {
  return at + count <= s.size() && all_digits(s.substr(at, count));
}

// ISO 8601 as IAM accepts it (a date, optionally with time and zone), or epoch seconds.
bool is_date(std::string_view s) {
  if (all_digits(s)) return true;
  if (!(digits_at(s, 0, 4) && s.size() >= 10 && s[4] == '-' && digits_at(s, 5, 2) && s[7] == '-' && digits_at(s, 8, 2)))
    return false;
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (s.size() == 10) return true;
  if (s[10] != 'T' || !digits_at(s, 11, 2) || s.size() < 16 || s[13] != ':' || !digits_at(s, 14, 2)) return false;
  size_t i = 16;
  if (i < s.size() && s[i] == ':') {
    if (!digits_at(s, i + 1, 2)) return false;
    i += 3;
    if (i < s.size() && s[i] == '.') {
      ++i;
      size_t start = i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      if (i == start) return false;
    }
  }
  if (i == s.size()) return true;
  if (s[i] == 'Z') return i + 1 == s.size();
  if (s[i] == '+' || s[i] == '-') return s.size() == i + 6 && digits_at(s, i + 1, 2) && s[i + 3] == ':' && digits_at(s, i + 4, 2);
  return false;
}

bool is_ipv4(std::string_view s) {
  int parts = 0;
  while (true) {
    size_t dot = s.find('.');
    std::string_view part = s.substr(0, dot);
    if (part.empty() || part.size() > 3 || !all_digits(part) || std::stoi(std::string(part)) > 255) return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    s.remove_prefix(dot + 1);
  }
  return parts == 4;
}

bool is_ipv6(std::string_view s) {
  if (s.empty() || s.find(":::") != std::string_view::npos) return false;
  size_t double_colons = 0;
  for (size_t at = s.find("::"); at != std::string_view::npos; at = s.find("::", at + 1)) ++double_colons;
  if (double_colons > 1) return false;
  int groups = 0;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ':') {
      ++i;
      continue;
    }
    size_t end = s.find(':', i);
    std::string_view group = s.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    if (end == std::string_view::npos && group.find('.') != std::string_view::npos) {
      if (!is_ipv4(group)) return false;
      groups += 2;
      break;
    }
    if (group.size() > 4) return false;
    for (char c : group) {
      if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    }
    ++groups;
    i = end == std::string_view::npos ? s.size() : end;
  }
  return double_colons ? groups < 8 : groups == 8;
}

bool is_cidr(std::string_view s) {
  auto slash = s.find('/');
  std::string_view address = s.substr(0, slash);
  bool v6 = address.find(':') != std::string_view::npos;
  if (!(v6 ? is_ipv6(address) : is_ipv4(address))) return false;
  if (slash == std::string_view::npos) return true;
  std::string_view prefix = s.substr(slash + 1);
  if (!all_digits(prefix) || prefix.size() > 3) return false;
  return std::stoi(std::string(prefix)) <= (v6 ? 128 : 32);
}

bool is_base64(std::string_view s) {
  if (s.empty() || s.size() % 4 != 0) return false;
  size_t padding = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '=') {
      ++padding;
      continue;
    }
    if (padding || !(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/')) return false;
  }
  return padding <= 2;
}

// What is wrong with `value` for the operator family, or empty when it fits.
std::string_view problem(OperatorFamily family, const model::ConditionValue& value) {
  if (value.kind == ValueKind::Null || value.kind == ValueKind::Other) return "a value";
  // Policy variables are resolved at request time; their type cannot be known here.
  if (value.text.find("${") != std::string::npos) return {};
  switch (family) {
    case OperatorFamily::Numeric: return is_number(value.text) ? "" : "a number";
    case OperatorFamily::Bool:
    case OperatorFamily::Null: return is_bool(value.text) ? "" : "\"true\" or \"false\"";
    case OperatorFamily::Date: return is_date(value.text) ? "" : "an ISO 8601 date or epoch seconds";
    case OperatorFamily::Ip: return is_cidr(value.text) ? "" : "an IPv4 or IPv6 address or CIDR block";
    case OperatorFamily::Binary: return is_base64(value.text) ? "" : "base64-encoded bytes";
    case OperatorFamily::String:
    case OperatorFamily::Arn: return value.kind == ValueKind::Bool ? "a string" : "";
    case OperatorFamily::Unknown: return {};
  }
  return {};
}

}  // namespace

// IAM015: a condition value that cannot be of the operator's type never matches.
void check_condition_values(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    for (const auto& block : st.conditions) {
      auto family = model::operator_family(block.op);
      for (const auto& entry : block.entries) {
        for (const auto& value : entry.values) {
          auto expected = problem(family, value);
          if (expected.empty()) continue;
          out.push_back(make_finding("IAM015", policy, st, value.loc,
                                     fmt::format("\"{}\" for {} under {} is not {}: the condition never matches",
                                                 value.text, entry.key.value, block.op_text.value, expected)));
        }
      }
    }
  }
}

}  // namespace mfalint::checks
