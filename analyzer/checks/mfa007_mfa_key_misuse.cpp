#include "checks/mfa_keys.h"

namespace mfalint::checks {

using namespace mfa;

// MFA007: an MFA key under an operator of the wrong type, or a key that looks like a misspelled MFA key.
void check_mfa_key_misuse(const model::Policy& policy, Findings& out) {
  for (const auto& st : policy.statements) {
    for (const auto& block : st.conditions) {
      auto family = model::operator_family(block.op);
      for (const auto& entry : block.entries) {
        const std::string& key = entry.key.value;
        if (is_mfa_age_key(key)) {
          if (family != OperatorFamily::Numeric && family != OperatorFamily::Null && family != OperatorFamily::Unknown) {
            Finding finding = make_finding("MFA007", policy, st, block.op_text.loc,
                                           fmt::format("{} is a number of seconds, but \"{}\" compares it as {}", key,
                                                       block.op_text.value,
                                                       family == OperatorFamily::String ? "text" : "another type"));
            finding.fix = "a Numeric operator, e.g. \"NumericLessThan\"";
            out.push_back(std::move(finding));
          }
        } else if (is_mfa_present_key(key)) {
          if (family != OperatorFamily::Bool && family != OperatorFamily::String && family != OperatorFamily::Null &&
              family != OperatorFamily::Unknown) {
            Finding finding = make_finding("MFA007", policy, st, block.op_text.loc,
                                           fmt::format("{} is a boolean, but \"{}\" compares it as another type: "
                                                       "the condition never matches",
                                                       key, block.op_text.value));
            finding.fix = "\"Bool\" (or \"BoolIfExists\" in a Deny)";
            out.push_back(std::move(finding));
          }
        } else if (auto intended = analysis::misspelled_mfa_key(key); !intended.empty()) {
          Finding finding = make_finding(
              "MFA007", policy, st, entry.key.loc,
              fmt::format("\"{}\" is not a condition key AWS sets; did you mean \"{}\"? As written it never matches",
                          key, intended));
          finding.fix = fmt::format("\"{}\"", intended);
          out.push_back(std::move(finding));
        }
      }
    }
  }
}

}  // namespace mfalint::checks
