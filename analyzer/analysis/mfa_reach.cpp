#include "analysis/mfa_reach.h"

#include "analysis/glob.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace mfalint::analysis {
namespace {

using model::ConditionOp;
using model::OperatorFamily;

bool equals_ignore_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::optional<double> number(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// Whether one policy value matches the request's string value under a String or Bool operator.
bool string_match(ConditionOp op, std::string_view policy_value, std::string_view request_value) {
  switch (op) {
    case ConditionOp::StringEquals:
    case ConditionOp::StringNotEquals: return policy_value == request_value;
    case ConditionOp::StringEqualsIgnoreCase:
    case ConditionOp::StringNotEqualsIgnoreCase: return equals_ignore_case(policy_value, request_value);
    case ConditionOp::StringLike:
    case ConditionOp::StringNotLike: return glob_matches(policy_value, request_value);
    case ConditionOp::Bool: return equals_ignore_case(policy_value, request_value);
    default: return false;
  }
}

bool numeric_holds(ConditionOp op, double request, double policy) {
  switch (op) {
    case ConditionOp::NumericEquals:
    case ConditionOp::NumericNotEquals: return request == policy;
    case ConditionOp::NumericLessThan: return request < policy;
    case ConditionOp::NumericLessThanEquals: return request <= policy;
    case ConditionOp::NumericGreaterThan: return request > policy;
    case ConditionOp::NumericGreaterThanEquals: return request >= policy;
    default: return false;
  }
}

// The ages t at which `t <op> value` holds, for whole seconds.
AgeSet numeric_ages(ConditionOp op, double value) {
  auto floor_of = [](double v) { return static_cast<int64_t>(std::floor(v)); };
  auto ceil_of = [](double v) { return static_cast<int64_t>(std::ceil(v)); };
  constexpr int64_t kTop = AgeSet::kUnbounded;
  switch (op) {
    case ConditionOp::NumericEquals:
    case ConditionOp::NumericNotEquals:
      return std::floor(value) == value ? AgeSet::range(floor_of(value), floor_of(value)) : AgeSet::none();
    case ConditionOp::NumericLessThan: return AgeSet::range(0, ceil_of(value) - 1);
    case ConditionOp::NumericLessThanEquals: return AgeSet::range(0, floor_of(value));
    case ConditionOp::NumericGreaterThan: return AgeSet::range(floor_of(value) + 1, kTop);
    case ConditionOp::NumericGreaterThanEquals: return AgeSet::range(ceil_of(value), kTop);
    default: return AgeSet::none();
  }
}

// String operators on the age compare its decimal text. Their answer has no interval shape, so
// it is computed age by age up to twice the longest session STS issues, and beyond that taken to
// continue as at the last age computed.
constexpr int64_t kStringAgeHorizon = 2 * 129600;

AgeSet string_ages(const model::ConditionBlock& block, const model::ConditionEntry& entry) {
  AgeSet ages;
  auto holds = [&](int64_t t) {
    std::string text = std::to_string(t);
    bool any = std::any_of(entry.values.begin(), entry.values.end(),
                           [&](const model::ConditionValue& v) { return string_match(block.op, v.text, text); });
    return model::is_negated(block.op) ? !any : any;
  };
  int64_t start = -1;
  for (int64_t t = 0; t <= kStringAgeHorizon; ++t) {
    bool in = holds(t);
    if (in && start < 0) start = t;
    if (!in && start >= 0) {
      ages = ages.unite(AgeSet::range(start, t - 1));
      start = -1;
    }
  }
  if (start >= 0) ages = ages.unite(AgeSet::range(start, AgeSet::kUnbounded));
  return ages;
}

// The entry's truth when its key is absent from the request (AWS's documented rules).
bool absent_key_result(const model::ConditionBlock& block, const model::ConditionEntry& entry) {
  if (block.op == ConditionOp::Null) {
    return std::any_of(entry.values.begin(), entry.values.end(),
                       [](const model::ConditionValue& v) { return equals_ignore_case(v.text, "true"); });
  }
  if (block.if_exists) return true;
  if (block.qualifier == model::SetQualifier::ForAllValues) return true;
  if (block.qualifier == model::SetQualifier::ForAnyValue) return false;
  return model::is_negated(block.op);
}

// The entry's truth when its key is present with the single value `request_value`.
bool present_key_result(const model::ConditionBlock& block, const model::ConditionEntry& entry,
                        std::string_view request_value) {
  if (block.op == ConditionOp::Null) {
    return std::any_of(entry.values.begin(), entry.values.end(),
                       [](const model::ConditionValue& v) { return equals_ignore_case(v.text, "false"); });
  }
  auto family = model::operator_family(block.op);
  if (family == OperatorFamily::Numeric) {
    auto request_number = number(request_value);
    if (!request_number) return false;  // a value of the wrong type makes the condition false
    bool any = std::any_of(entry.values.begin(), entry.values.end(), [&](const model::ConditionValue& v) {
      auto policy_number = number(v.text);
      return policy_number && numeric_holds(block.op, *request_number, *policy_number);
    });
    return model::is_negated(block.op) ? !any : any;
  }
  if (family != OperatorFamily::String && family != OperatorFamily::Bool) return false;
  bool any = std::any_of(entry.values.begin(), entry.values.end(),
                         [&](const model::ConditionValue& v) { return string_match(block.op, v.text, request_value); });
  return model::is_negated(block.op) ? !any : any;
}

// The ages at which an entry on aws:MultiFactorAuthAge holds for an MFA session.
AgeSet age_entry_ages(const model::ConditionBlock& block, const model::ConditionEntry& entry) {
  if (block.op == ConditionOp::Null) return AgeSet::of(present_key_result(block, entry, "0"));
  switch (model::operator_family(block.op)) {
    case OperatorFamily::Numeric: {
      AgeSet matched;
      for (const auto& value : entry.values) {
        if (auto policy_number = number(value.text)) matched = matched.unite(numeric_ages(block.op, *policy_number));
      }
      return model::is_negated(block.op) ? matched.complement() : matched;
    }
    case OperatorFamily::String: return string_ages(block, entry);
    default: return AgeSet::none();  // Bool, Date, Ip, Arn, Binary: an age is never of these types
  }
}

void note_assumed(Reach& reach, const std::string& key) {
  if (std::find(reach.assumed_keys.begin(), reach.assumed_keys.end(), key) == reach.assumed_keys.end()) {
    reach.assumed_keys.push_back(key);
  }
}

}  // namespace

std::string_view credential_name(Credential credential) {
  switch (credential) {
    case Credential::LongTermKeys: return "long-term access keys";
    case Credential::SessionWithoutMfa: return "a session without MFA";
    case Credential::MfaSession: return "an MFA session";
  }
  return "";
}

bool is_mfa_age_key(std::string_view key) { return equals_ignore_case(key, "aws:MultiFactorAuthAge"); }
bool is_mfa_present_key(std::string_view key) { return equals_ignore_case(key, "aws:MultiFactorAuthPresent"); }

namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string misspelled_mfa_key(std::string_view key) {
  if (is_mfa_age_key(key) || is_mfa_present_key(key)) return {};
  std::string folded;
  for (char c : key) {
    if (std::isalnum(static_cast<unsigned char>(c))) folded.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (edit_distance(folded, "awsmultifactorauthage") <= 3) return "aws:MultiFactorAuthAge";
  if (edit_distance(folded, "awsmultifactorauthpresent") <= 3) return "aws:MultiFactorAuthPresent";
  // Abbreviations: aws:MFAPresent, aws:MfaAge, aws:MultiFactorAge ...
  if (folded.starts_with("aws") && (folded.find("mfa") != std::string::npos || folded.find("multifactor") != std::string::npos)) {
    return folded.find("age") != std::string::npos ? "aws:MultiFactorAuthAge" : "aws:MultiFactorAuthPresent";
  }
  return {};
}

bool Reach::reaches(Credential credential) const {
  switch (credential) {
    case Credential::LongTermKeys: return long_term_keys;
    case Credential::SessionWithoutMfa: return session_without_mfa;
    case Credential::MfaSession: return !mfa_ages.empty();
  }
  return false;
}

Reach condition_reach(const model::Statement& statement, model::Effect effect, const Assumptions& assumptions,
                      FixedKeyEvaluator evaluate_fixed) {
  Reach reach{true, true, AgeSet::all(), {}};
  for (const auto& block : statement.conditions) {
    for (const auto& entry : block.entries) {
      const std::string& key = entry.key.value;
      if (block.op == ConditionOp::Unknown) {
        // IAM refuses such a policy; if it were deployed, nothing could satisfy the block.
        reach = Reach{false, false, AgeSet::none(), reach.assumed_keys};
        continue;
      }
      if (is_mfa_present_key(key)) {
        reach.long_term_keys = reach.long_term_keys && absent_key_result(block, entry);
        reach.session_without_mfa = reach.session_without_mfa && present_key_result(block, entry, "false");
        if (!present_key_result(block, entry, "true")) reach.mfa_ages = AgeSet::none();
      } else if (is_mfa_age_key(key)) {
        bool absent = absent_key_result(block, entry);
        reach.long_term_keys = reach.long_term_keys && absent;
        reach.session_without_mfa = reach.session_without_mfa && absent;
        reach.mfa_ages = reach.mfa_ages.intersect(age_entry_ages(block, entry));
      } else {
        bool holds = effect == model::Effect::Allow;  // satisfiable for an Allow, escapable for a Deny
        auto fixed = assumptions.fixed.find(lower(key));
        if (fixed != assumptions.fixed.end() && evaluate_fixed) {
          holds = evaluate_fixed(block, entry, fixed->second);
        } else {
          note_assumed(reach, key);
        }
        if (!holds) {
          reach.long_term_keys = reach.session_without_mfa = false;
          reach.mfa_ages = AgeSet::none();
        }
      }
    }
  }
  return reach;
}

}  // namespace mfalint::analysis
