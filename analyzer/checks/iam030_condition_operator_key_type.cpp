#include "analysis/mfa_reach.h"
#include "catalog/catalog.h"
#include "catalog/text.h"
#include "checks/check.h"

#include <fmt/core.h>

namespace mfalint::checks {
namespace {

using catalog::KeyType;
using model::ConditionOp;
using model::OperatorFamily;

// The operator family that compares values of the key's type (ArrayOf* as its element).
OperatorFamily family_of(KeyType type) {
  switch (static_cast<KeyType>(static_cast<int>(type) & ~1)) {
    case KeyType::String: return OperatorFamily::String;
    case KeyType::Numeric: return OperatorFamily::Numeric;
    case KeyType::Bool: return OperatorFamily::Bool;
    case KeyType::Date: return OperatorFamily::Date;
    case KeyType::Arn: return OperatorFamily::Arn;
    case KeyType::IpAddress: return OperatorFamily::Ip;
    case KeyType::Binary: return OperatorFamily::Binary;
    default: return OperatorFamily::Unknown;
  }
}

std::string_view family_name(OperatorFamily family) {
  switch (family) {
    case OperatorFamily::String: return "String";
    case OperatorFamily::Numeric: return "Numeric";
    case OperatorFamily::Date: return "Date";
    case OperatorFamily::Bool: return "Bool";
    case OperatorFamily::Binary: return "Binary";
    case OperatorFamily::Ip: return "IpAddress";
    case OperatorFamily::Arn: return "Arn";
    case OperatorFamily::Null:
    case OperatorFamily::Unknown: return "";
  }
  return "";
}

}  // namespace

// IAM030: an operator of another type than its key. IAM converts the request's value to the
// operator's type, so a Numeric operator on a String key, or a String operator on a date, does
// not compare what it seems to. String operators on ARN keys compare the ARN as text, which
// AWS accepts; StringLike there is Access Analyzer's own code, since ArnLike matches each ARN
// part separately and StringLike's `*` crosses the colons.
void check_condition_operator_key_type(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    for (const auto& block : st.conditions) {
      auto family = model::operator_family(block.op);
      if (family == OperatorFamily::Null || family == OperatorFamily::Unknown) continue;
      for (const auto& entry : block.entries) {
        const std::string& key = entry.key.value;
        auto type = catalog::condition_key_type(key);
        if (!type) continue;                                                   // IAM102's
        if (analysis::is_mfa_age_key(key) || analysis::is_mfa_present_key(key)) continue;  // MFA007's
        auto expected = family_of(*type);
        if (expected == OperatorFamily::Unknown || family == expected) continue;
        // Comparisons that work as written: "true"/"false" as text on a boolean key, and an ARN
        // operator on a String key that holds ARNs (kms:EncryptionContext:aws:s3:arn).
        if (expected == OperatorFamily::Bool && family == OperatorFamily::String) continue;
        if (expected == OperatorFamily::String && family == OperatorFamily::Arn) continue;
        // aws:EpochTime is typed Date, and AWS documents it for the Numeric operators too.
        if (family == OperatorFamily::Numeric && catalog::equals_lower(key, "aws:EpochTime")) continue;
        if (expected == OperatorFamily::Arn && family == OperatorFamily::String) {
          if (block.op != ConditionOp::StringLike) continue;
          Finding finding = with_code(
              make_finding("IAM030", policy, st, block.op_text.loc,
                           fmt::format("{} is an ARN, but \"{}\" matches it as text, where `*` also crosses the "
                                       "colons between the ARN's parts; use ArnLike",
                                       key, block.op_text.value)),
              "STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS");
          out.push_back(std::move(finding));
          continue;
        }
        Finding finding = with_code(
            make_finding("IAM030", policy, st, block.op_text.loc,
                         fmt::format("{} is of type {}, but \"{}\" compares it as {}: use a {} operator", key,
                                     catalog::key_type_name(*type), block.op_text.value, family_name(family),
                                     family_name(expected))),
            "TYPE_MISMATCH");
        finding.severity = Severity::Warning;
        out.push_back(std::move(finding));
      }
    }
  }
}

}  // namespace mfalint::checks
