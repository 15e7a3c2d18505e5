#pragma once
// How a statement's Condition treats the three kinds of credentials AWS distinguishes by their
// MFA keys, computed from the conditions: long-term access keys carry neither
// aws:MultiFactorAuthPresent nor aws:MultiFactorAuthAge; a session obtained without MFA carries
// Present=false and no age; an MFA session carries Present=true and Age=t for every t >= 0.

#include "analysis/age_set.h"
#include "model/policy.h"

#include <map>
#include <string>
#include <vector>

namespace mfalint::analysis {

enum class Credential : uint8_t { LongTermKeys, SessionWithoutMfa, MfaSession };
std::string_view credential_name(Credential credential);  // "long-term access keys", ...
// Who gets in without MFA, for messages: "long-term access keys", "sessions without MFA", or
// "long-term access keys and sessions without MFA"; empty when neither does.
std::string_view credentials_without_mfa(bool long_term_keys, bool session_without_mfa);

// Keys other than the MFA keys are unknown statically. An Allow's conditions on them are assumed
// satisfiable by the requester and a Deny's escapable, unless the user fixes a key's values
// (`--assume KEY=VALUE`); fixed keys are then evaluated.
struct Assumptions {
  std::map<std::string, std::vector<std::string>> fixed;  // lower-case key -> values
};

struct Reach {
  bool long_term_keys = false;
  bool session_without_mfa = false;
  AgeSet mfa_ages;
  // Keys whose conditions were assumed (satisfiable for an Allow, escapable for a Deny).
  std::vector<std::string> assumed_keys;

  bool any() const { return long_term_keys || session_without_mfa || !mfa_ages.empty(); }
  bool reaches(Credential credential) const;
};

// Where the statement's Condition holds; `effect` decides how unknown keys are assumed.
Reach condition_reach(const model::Statement& statement, model::Effect effect, const Assumptions& assumptions);

bool is_mfa_age_key(std::string_view key);      // aws:MultiFactorAuthAge, any case
bool is_mfa_present_key(std::string_view key);  // aws:MultiFactorAuthPresent, any case
// The MFA key `key` was probably meant to be (aws:MultiFactorAuthAgee, aws:MFAPresent), or empty.
std::string misspelled_mfa_key(std::string_view key);

}  // namespace mfalint::analysis
