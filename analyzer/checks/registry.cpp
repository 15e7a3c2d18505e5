#include "checks/check.h"

#include "core/rule_docs.h"

namespace mfalint::checks {

void check_version(const model::Policy& policy, Findings& out);
void check_element_pairs(const model::Policy& policy, Findings& out);
void check_duplicate_sid(const model::Policy& policy, Findings& out);
void check_condition_operators(const model::Policy& policy, Findings& out);
void check_condition_values(const model::Policy& policy, Findings& out);
void check_policy_size(const model::Policy& policy, Findings& out);
void check_unknown_actions(const model::Policy& policy, Findings& out);
void check_unknown_condition_keys(const model::Policy& policy, Findings& out);
void check_mfa_deny_present_without_if_exists(const model::Policy& policy, Findings& out);
void check_mfa_allow_if_exists(const model::Policy& policy, Findings& out);
void check_mfa_inverted_allow(const model::Policy& policy, Findings& out);
void check_mfa_deny_age_without_if_exists(const model::Policy& policy, Findings& out);
void check_mfa_dead_condition(const model::Policy& policy, Findings& out);
void check_mfa_key_usage(const model::Policy& policy, Findings& out);
void check_mfa_escapable_deny(const model::Policy& policy, Findings& out);
void check_mfa_trust_without_mfa(const model::Policy& policy, Findings& out);
void check_mfa_guard_denies_service_roles(const model::Policy& policy, Findings& out);
void check_mfa_guard_exception_matches_people(const model::Policy& policy, Findings& out);

namespace {

// Every per-policy check, once. Grammar problems of shape (types, unknown or duplicate keys,
// empty lists) are found while the model is built: see model/policy_builder.cpp.
constexpr Check kChecks[] = {
    {"version", check_version},
    {"element-pairs", check_element_pairs},
    {"duplicate-sid", check_duplicate_sid},
    {"condition-operators", check_condition_operators},
    {"condition-values", check_condition_values},
    {"policy-size", check_policy_size},
    {"unknown-actions", check_unknown_actions},
    {"unknown-condition-keys", check_unknown_condition_keys},
    {"mfa-deny-present-without-if-exists", check_mfa_deny_present_without_if_exists},
    {"mfa-allow-if-exists", check_mfa_allow_if_exists},
    {"mfa-inverted-allow", check_mfa_inverted_allow},
    {"mfa-deny-age-without-if-exists", check_mfa_deny_age_without_if_exists},
    {"mfa-dead-condition", check_mfa_dead_condition},
    {"mfa-key-usage", check_mfa_key_usage},
    {"mfa-escapable-deny", check_mfa_escapable_deny},
    {"mfa-trust-without-mfa", check_mfa_trust_without_mfa},
    {"mfa-guard-denies-service-roles", check_mfa_guard_denies_service_roles},
    {"mfa-guard-exception-matches-people", check_mfa_guard_exception_matches_people},
};

}  // namespace

std::span<const Check> all_checks() { return kChecks; }

void run_checks(const model::Policy& policy, Findings& out) {
  for (const auto& check : kChecks) check.run(policy, out);
}

}  // namespace mfalint::checks
