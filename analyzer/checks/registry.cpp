#include "checks/check.h"

#include "core/rule_docs.h"

namespace mfalint::checks {

void check_version(const model::Policy& policy, Findings& out);
void check_element_pairs(const model::Policy& policy, Findings& out);
void check_duplicate_sid(const model::Policy& policy, Findings& out);
void check_condition_operators(const model::Policy& policy, Findings& out);
void check_condition_value_type(const model::Policy& policy, Findings& out);
void check_policy_too_large(const model::Policy& policy, Findings& out);
void check_unknown_actions(const model::Policy& policy, Findings& out);
void check_unknown_condition_key(const model::Policy& policy, Findings& out);
void check_deny_present_false_without_if_exists(const model::Policy& policy, Findings& out);
void check_allow_mfa_if_exists(const model::Policy& policy, Findings& out);
void check_inverted_mfa_condition(const model::Policy& policy, Findings& out);
void check_deny_age_without_if_exists(const model::Policy& policy, Findings& out);
void check_unsatisfiable_mfa_condition(const model::Policy& policy, Findings& out);
void check_mfa_key_misuse(const model::Policy& policy, Findings& out);
void check_escapable_mfa_deny(const model::Policy& policy, Findings& out);
void check_trust_policy_without_mfa(const model::Policy& policy, Findings& out);
void check_mfa_guard_denies_service_roles(const model::Policy& policy, Findings& out);
void check_mfa_guard_exception_matches_people(const model::Policy& policy, Findings& out);

namespace {

// Every per-policy check, once, with the rules it reports. A check of one rule is the file
// `<id>_<the rule's name>.cpp` and the function `check_<the rule's name>`, the name of its
// document in rules/; a check of several related grammar rules is named after what they check.
// Grammar problems of shape (types, unknown or duplicate keys,
// empty lists) are found while the model is built: see model/policy_builder.cpp.
constexpr Check kChecks[] = {
    {"IAM003 IAM004 IAM005", check_version},
    {"IAM007 IAM008", check_element_pairs},
    {"IAM011", check_duplicate_sid},
    {"IAM013 IAM014", check_condition_operators},
    {"IAM015", check_condition_value_type},
    {"IAM016", check_policy_too_large},
    {"IAM100 IAM101", check_unknown_actions},
    {"IAM102", check_unknown_condition_key},
    {"MFA002", check_deny_present_false_without_if_exists},
    {"MFA003", check_allow_mfa_if_exists},
    {"MFA004", check_inverted_mfa_condition},
    {"MFA005", check_deny_age_without_if_exists},
    {"MFA006", check_unsatisfiable_mfa_condition},
    {"MFA007", check_mfa_key_misuse},
    {"MFA009", check_escapable_mfa_deny},
    {"MFA010", check_trust_policy_without_mfa},
    {"MFA014", check_mfa_guard_denies_service_roles},
    {"MFA015", check_mfa_guard_exception_matches_people},
};

}  // namespace

std::span<const Check> all_checks() { return kChecks; }

void run_checks(const model::Policy& policy, Findings& out) {
  for (const auto& check : kChecks) check.run(policy, out);
}

}  // namespace mfalint::checks
