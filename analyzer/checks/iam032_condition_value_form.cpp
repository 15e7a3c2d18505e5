#include "catalog/catalog.h"
#include "catalog/text.h"
#include "checks/arn_format.h"
#include "checks/check.h"
#include "eval/compare.h"
#include "eval/date.h"

#include <fmt/core.h>

#include <string>
#include <string_view>

namespace mfalint::checks {
namespace {

using model::ConditionOp;
using model::OperatorFamily;
using model::ValueKind;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_alnum(char c) { return is_digit(c) || is_lower(c) || (c >= 'A' && c <= 'Z'); }

// A `*` or `?` outside a policy variable (`${*}` is a literal star, `${aws:username}` no pattern).
bool has_bare_wildcard(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      size_t close = text.find('}', i);
      if (close == std::string_view::npos) return false;  // IAM036's
      i = close;
      continue;
    }
    if (text[i] == '*' || text[i] == '?') return true;
  }
  return false;
}

bool has_variable(std::string_view text) { return text.find("${") != std::string_view::npos; }

// Base 64 as RFC 4648 writes it: groups of four of A-Z, a-z, 0-9, '+' and '/', the last padded
// with '='.
bool is_base64(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) return false;
  size_t padding = text.ends_with("==") ? 2 : text.ends_with('=') ? 1 : 0;
  for (size_t i = 0; i + padding < text.size(); ++i) {
    if (!is_alnum(text[i]) && text[i] != '+' && text[i] != '/') return false;
  }
  return true;
}

// A Region value's area may have up to 5 letters, one more than any Region's has: a new Region
// never fires.
constexpr size_t kLongestRegionArea = 5;

// "vpc-" or "vpce-" and then 8 or 17 letters or digits, as Access Analyzer requires.
bool id_form(std::string_view text, std::string_view prefix) {
  if (!text.starts_with(prefix)) return false;
  std::string_view id = text.substr(prefix.size());
  if (id.size() != 8 && id.size() != 17) return false;
  for (char c : id) {
    if (!is_alnum(c)) return false;
  }
  return true;
}

bool is_ordering(ConditionOp op) {
  return op == ConditionOp::NumericLessThan || op == ConditionOp::NumericLessThanEquals ||
         op == ConditionOp::NumericGreaterThan || op == ConditionOp::NumericGreaterThanEquals;
}

bool is_equality_string_op(ConditionOp op) {
  return op == ConditionOp::StringEquals || op == ConditionOp::StringNotEquals ||
         op == ConditionOp::StringEqualsIgnoreCase || op == ConditionOp::StringNotEqualsIgnoreCase;
}

std::string_view kind_name(ValueKind kind) {
  switch (kind) {
    case ValueKind::String: return "string";
    case ValueKind::Number: return "number";
    case ValueKind::Bool: return "boolean";
    case ValueKind::Null: return "null";
    case ValueKind::Other: return "object";
  }
  return "";
}

// Whether a key of `type` can hold a JSON value of `kind` written under a String operator.
bool key_can_be(catalog::KeyType type, ValueKind kind) {
  using catalog::KeyType;
  auto element = static_cast<KeyType>(static_cast<int>(type) & ~1);
  if (kind == ValueKind::Bool) return element == KeyType::String || element == KeyType::Bool;
  if (kind == ValueKind::Number) {
    return element == KeyType::String || element == KeyType::Numeric || element == KeyType::Date;
  }
  return true;
}

bool has_bool_or_number(const model::ConditionEntry& entry) {
  for (const auto& value : entry.values) {
    if (value.kind == ValueKind::Bool || value.kind == ValueKind::Number) return true;
  }
  return false;
}

struct Emit {
  const model::Policy& policy;
  const model::Statement& st;
  Findings& out;
  void operator()(const Location& loc, std::string message, std::string_view code, Severity severity,
                  std::string fix = {}) const {
    Finding finding = with_code(make_finding("IAM032", policy, st, loc, std::move(message)), code);
    finding.severity = severity;
    finding.fix = std::move(fix);
    out.push_back(std::move(finding));
  }
};

void check_entry(const model::ConditionBlock& block, const model::ConditionEntry& entry, const Emit& emit) {
  auto family = model::operator_family(block.op);
  const std::string& key = entry.key.value;
  if (family == OperatorFamily::Null || family == OperatorFamily::Unknown || entry.values.empty()) return;

  // Values of different JSON types: Access Analyzer refuses them; a typed key cannot hold a
  // JSON boolean or number that a String operator compares as text.
  ValueKind first = entry.values.front().kind;
  for (const auto& value : entry.values) {
    if (value.kind != first && value.kind != ValueKind::Null && value.kind != ValueKind::Other &&
        first != ValueKind::Null && first != ValueKind::Other) {
      emit(value.loc,
           fmt::format("the values of {} mix JSON types ({} and {}): use values of one type", key, kind_name(first),
                       kind_name(value.kind)),
           "INVALID_CONDITION_DATA_TYPE", Severity::Error);
      break;
    }
  }
  // Any key can hold a JSON string, null or object, so the key's type (a costly catalog lookup) is
  // only needed for a boolean or a number.
  if (family == OperatorFamily::String && has_bool_or_number(entry)) {
    if (auto type = catalog::condition_key_type(key)) {
      for (const auto& value : entry.values) {
        if (key_can_be(*type, value.kind)) continue;
        emit(value.loc,
             fmt::format("{} is of type {} and cannot be the JSON {} {}", key, catalog::key_type_name(*type),
                         kind_name(value.kind), value.text),
             "INVALID_CONDITION_DATA_TYPE", Severity::Error);
        break;
      }
    }
  }

  if (block.op == ConditionOp::Bool && entry.values.size() > 1) {
    auto type = catalog::condition_key_type(key);
    bool array = type && (static_cast<int>(*type) & 1) != 0;
    if (!array) {
      emit(entry.values[1].loc,
           fmt::format("{} is one boolean, but {} lists {} values: use a single \"true\" or \"false\"", key,
                       block.op_text.value, entry.values.size()),
           "INVALID_CONDITION_MULTIPLE_BOOLEAN", Severity::Error);
    }
  }

  if (family == OperatorFamily::Binary) {
    for (const auto& value : entry.values) {
      if (value.kind != ValueKind::String || has_variable(value.text) || is_base64(value.text)) continue;
      emit(value.loc,
           fmt::format("\"{}\" is not base-64: {} compares the base-64 text of the request's value with it, so it "
                       "never matches",
                       value.text, block.op_text.value),
           "TYPE_MISMATCH_STRING", Severity::Warning);
    }
  }

  if (is_equality_string_op(block.op)) {
    for (const auto& value : entry.values) {
      if (value.kind != ValueKind::String || !has_bare_wildcard(value.text)) continue;
      std::string like = std::string(model::condition_op_name(block.op));
      auto at = like.find("Equals");
      like.replace(at, like.find("IgnoreCase") != std::string::npos ? 16 : 6, "Like");
      emit(value.loc,
           fmt::format("\"{}\" has a * or ?, which {} compares literally; if it is a pattern, use {}", value.text,
                       block.op_text.value, like),
           "WILDCARD_WITHOUT_LIKE_OPERATOR", Severity::Warning);
      break;
    }
  }

  if (family == OperatorFamily::Date) {
    for (const auto& value : entry.values) {
      bool digits = !value.text.empty() && value.text.find_first_not_of("0123456789") == std::string::npos;
      if (!digits || !eval::parse_date(value.text)) continue;  // not epoch seconds, or IAM015's
      emit(value.loc,
           fmt::format("{} is epoch seconds, which might not resolve as expected: write the date as ISO 8601 "
                       "(YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)",
                       value.text),
           "INVALID_DATE_VALUE", Severity::Warning);
    }
  }

  if (is_ordering(block.op) && entry.values.size() > 1) {
    bool less = block.op == ConditionOp::NumericLessThan || block.op == ConditionOp::NumericLessThanEquals;
    std::optional<double> best;
    const model::ConditionValue* best_value = nullptr;
    bool all_numbers = true;
    for (const auto& value : entry.values) {
      auto number = eval::parse_number(value.text);
      if (!number) { all_numbers = false; break; }  // IAM015's
      if (!best || (less ? *number > *best : *number < *best)) { best = number; best_value = &value; }
    }
    if (all_numbers) {
      emit(entry.values[1].loc,
           fmt::format("{} values of {} under {} are redundant: only the {} one, {}, matters", entry.values.size(),
                       key, block.op_text.value, less ? "greatest" : "least", best_value->text),
           "REDUNDANT_CONDITION_VALUE_NUM", Severity::Note, fmt::format("\"{}\"", best_value->text));
    }
  }

  if (family != OperatorFamily::String) return;
  bool region = catalog::equals_lower(key, "aws:RequestedRegion");
  bool vpc = catalog::equals_lower(key, "aws:SourceVpc");
  bool vpce = catalog::equals_lower(key, "aws:SourceVpce");
  if (!region && !vpc && !vpce) return;
  for (const auto& value : entry.values) {
    if (value.kind != ValueKind::String || has_variable(value.text) || catalog::has_wildcard(value.text)) continue;
    if (region && !arn::region_form(value.text, kLongestRegionArea)) {
      emit(value.loc, fmt::format("\"{}\" is not a Region name such as us-east-1", value.text), "INVALID_REGION",
           Severity::Error);
    } else if (vpc && !id_form(value.text, "vpc-")) {
      emit(value.loc,
           fmt::format("\"{}\" is not a VPC ID: vpc- followed by 8 or 17 letters or digits", value.text),
           "INVALID_VPC_FORMAT", Severity::Error);
    } else if (vpce && !id_form(value.text, "vpce-")) {
      emit(value.loc,
           fmt::format("\"{}\" is not a VPC endpoint ID: vpce- followed by 8 or 17 letters or digits", value.text),
           "INVALID_VPCE_FORMAT", Severity::Error);
    }
  }
}

}  // namespace

// IAM032: condition values that Access Analyzer refuses or that likely do not mean what they say.
void check_condition_value_form(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    Emit emit{policy, st, out};
    for (const auto& block : st.conditions) {
      for (const auto& entry : block.entries) check_entry(block, entry, emit);
    }
  }
}

}  // namespace mfalint::checks
