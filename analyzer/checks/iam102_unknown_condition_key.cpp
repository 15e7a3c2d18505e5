#include "analysis/mfa_reach.h"
#include "catalog/catalog.h"
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

// Why the key is unknown, or empty when it cannot be judged.
std::string diagnose(std::string_view key) {
  size_t colon = key.find(':');
  if (colon == std::string_view::npos) {
    return fmt::format("condition key \"{}\" has no prefix such as aws: or a service's", key);
  }
  std::string_view prefix = key.substr(0, colon);
  if (is_aws_prefix(prefix)) return fmt::format("unknown global condition key \"{}\"", key);
  if (is_identity_provider_prefix(prefix)) return {};
  if (catalog::condition_key_prefix_known(key)) {
    return fmt::format("unknown condition key \"{}\": {} has no such key", key, prefix);
  }
  return fmt::format("unknown condition key \"{}\": no service has the prefix \"{}\"", key, prefix);
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
        std::string message = diagnose(key);
        if (message.empty()) continue;
        std::string nearest = catalog::nearest_condition_key(key);
        if (!nearest.empty()) message += fmt::format(" (did you mean \"{}\"?)", nearest);
        message += ": AWS never sets it, so the condition does not test what it seems to";
        Finding finding = make_finding("IAM102", policy, st, entry.key.loc, std::move(message));
        if (!nearest.empty()) finding.fix = fmt::format("\"{}\"", nearest);
        out.push_back(std::move(finding));
      }
    }
  }
}

}  // namespace mfalint::checks
