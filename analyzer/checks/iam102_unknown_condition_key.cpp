#include "analysis/mfa_reach.h"
#include "catalog/catalog.h"
#include "catalog/text.h"
#include "checks/check.h"

#include <fmt/core.h>

namespace mfalint::checks {
namespace {

bool is_aws_prefix(std::string_view prefix) {
  return prefix.size() == 3 && (prefix[0] | 0x20) == 'a' && (prefix[1] | 0x20) == 'w' && (prefix[2] | 0x20) == 's';
}

// Keys of web-identity providers are named after the provider's URL
// ("oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub"). Any provider can be one, and the reference
// lists only some claims even of those it knows (not token.actions.githubusercontent.com:sub).
bool is_identity_provider_prefix(std::string_view prefix) {
  return prefix.find_first_of("./") != std::string_view::npos;
}

struct Diagnosis {
  std::string message;
  std::string_view code;  // Access Analyzer's
};

// Why the key is unknown; no message when it cannot be judged.
Diagnosis diagnose(std::string_view key) {
  size_t colon = key.find(':');
  if (colon == std::string_view::npos) {
    return {fmt::format("condition key \"{}\" has no prefix such as aws: or a service's", key),
            "INVALID_CONDITION_KEY_FORMAT"};
  }
  std::string_view prefix = key.substr(0, colon);
  if (is_aws_prefix(prefix)) {
    std::string_view name = key.substr(colon + 1);
    if (name.ends_with('/')) {
      return {fmt::format("condition key \"{}\" names no tag key after the '/'", key), "MISSING_TAG_KEY_IN_CONDITION"};
    }
    return {fmt::format("unknown global condition key \"{}\"", key),
            catalog::equals_lower("arn", name) ? "UNSUPPORTED_GLOBAL_CONDITION_KEY" : "INVALID_GLOBAL_CONDITION_KEY"};
  }
  if (is_identity_provider_prefix(prefix)) return {};
  if (catalog::condition_key_prefix_known(key)) {
    return {fmt::format("unknown condition key \"{}\": {} has no such key", key, prefix),
            "INVALID_SERVICE_CONDITION_KEY"};
  }
  return {fmt::format("unknown condition key \"{}\": no service has the prefix \"{}\"", key, prefix),
          "INVALID_SERVICE"};
}

}  // namespace

// IAM102: a condition key AWS never sets. A condition on it never matches (or, negated or with
// IfExists, always does), which silently switches the statement off or on. Misspelled MFA keys
// are MFA007's.
void check_unknown_condition_key(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    for (const auto& block : st.conditions) {
      for (const auto& entry : block.entries) {
        const std::string& key = entry.key.value;
        if (catalog::condition_key_type(key)) continue;
        if (!analysis::misspelled_mfa_key(key).empty()) continue;  // MFA007 says it, with the MFA consequence
        auto [message, code] = diagnose(key);
        if (message.empty()) continue;
        std::string nearest = catalog::nearest_condition_key(key);
        if (!nearest.empty()) message += fmt::format(" (did you mean \"{}\"?)", nearest);
        message += ": AWS never sets it, so the condition does not test what it seems to";
        Finding finding = with_code(make_finding("IAM102", policy, st, entry.key.loc, std::move(message)), code);
        if (!nearest.empty()) finding.fix = fmt::format("\"{}\"", nearest);
        out.push_back(std::move(finding));
      }
    }
  }
}

}  // namespace mfalint::checks
