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
void check_malformed_arn(const model::Policy& policy, Findings& out);
void check_arn_outside_resource_formats(const model::Policy& policy, Findings& out);
void check_foreign_action_in_resource_policy(const model::Policy& policy, Findings& out);
void check_principal_not_allowed_here(const model::Policy& policy, Findings& out);
void check_malformed_principal(const model::Policy& policy, Findings& out);
void check_allow_with_not_principal(const model::Policy& policy, Findings& out);
void check_trust_policy_grammar(const model::Policy& policy, Findings& out);
void check_web_identity_trust_without_conditions(const model::Policy& policy, Findings& out);
void check_organization_policy_grammar(const model::Policy& policy, Findings& out);
void check_condition_operator_key_type(const model::Policy& policy, Findings& out);
void check_condition_set_qualifier(const model::Policy& policy, Findings& out);
void check_condition_value_form(const model::Policy& policy, Findings& out);
void check_condition_keys_differing_in_case(const model::Policy& policy, Findings& out);
void check_condition_key_not_for_actions(const model::Policy& policy, Findings& out);
void check_private_source_ip(const model::Policy& policy, Findings& out);
void check_policy_variable_syntax(const model::Policy& policy, Findings& out);
void check_pass_role_too_broad(const model::Policy& policy, Findings& out);
void check_create_service_linked_role_too_broad(const model::Policy& policy, Findings& out);
void check_sid_format(const model::Policy& policy, Findings& out);
void check_redundant_element(const model::Policy& policy, Findings& out);
void check_wildcard_in_service_name(const model::Policy& policy, Findings& out);
void check_condition_key_misuse(const model::Policy& policy, Findings& out);
void check_service_principal_without_source(const model::Policy& policy, Findings& out);
void check_rcp_perimeter_conditions(const model::Policy& policy, Findings& out);
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
    {"IAM020", check_malformed_arn},
    {"IAM021", check_arn_outside_resource_formats},
    {"IAM022", check_foreign_action_in_resource_policy},
    {"IAM024", check_principal_not_allowed_here},
    {"IAM025", check_malformed_principal},
    {"IAM026", check_allow_with_not_principal},
    {"IAM027", check_trust_policy_grammar},
    {"IAM028", check_web_identity_trust_without_conditions},
    {"IAM029", check_organization_policy_grammar},
    {"IAM030", check_condition_operator_key_type},
    {"IAM031", check_condition_set_qualifier},
    {"IAM032", check_condition_value_form},
    {"IAM033", check_condition_keys_differing_in_case},
    {"IAM034", check_condition_key_not_for_actions},
    {"IAM035", check_private_source_ip},
    {"IAM036", check_policy_variable_syntax},
    {"IAM037", check_pass_role_too_broad},
    {"IAM038", check_create_service_linked_role_too_broad},
    {"IAM039", check_sid_format},
    {"IAM040", check_redundant_element},
    {"IAM041", check_wildcard_in_service_name},
    {"IAM042", check_condition_key_misuse},
    {"IAM043", check_service_principal_without_source},
    {"IAM044", check_rcp_perimeter_conditions},
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
