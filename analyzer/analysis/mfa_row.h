#pragma once
// The MFA analysis' answer for one Allow's action pattern, as the reports show it.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace mfalint::analysis {

// Which kinds of the organization's policies took something away: SCPs, RCPs, or both.
struct TakenBy {
  bool scp = false;
  bool rcp = false;

  bool any() const { return scp || rcp; }
  std::string describe() const;  // "SCP", "RCP", "SCP and RCP"; empty when neither
  bool operator==(const TakenBy&) const = default;
};

// Whether one kind of credentials without MFA reaches the pattern; when not, whether the
// organization's policies are what stopped it.
struct CredentialReach {
  bool allowed = false;
  TakenBy taken_by;  // only when not allowed

  std::string describe() const;  // "Allowed", "Denied", "Denied by SCP"
};

// One line of the MFA table: which credential kinds reach an action pattern on a resource.
struct MfaRow {
  std::string subject;  // the file, or the principal in an account audit
  std::string context;  // where in the subject: a policy name, a logical resource
  std::string actions;  // the action pattern as written, with how many sensitive actions it covers
  std::string resource;
  CredentialReach long_term_keys;
  CredentialReach session_without_mfa;
  std::string mfa_window;     // AgeSet::describe: "0-599 s", "any age", "never"; "(by SCP)" when one narrowed it
  bool is_protected = false;  // neither non-MFA kind is allowed, and an MFA session is
  // The same window as numbers: closed intervals of MFA ages in seconds, `to` INT64_MAX when unbounded.
  std::vector<std::pair<int64_t, int64_t>> mfa_ages;
};

}  // namespace mfalint::analysis
