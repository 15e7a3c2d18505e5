#pragma once
// The MFA analysis' answer for one Allow's action pattern, as the reports show it.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace mfalint::analysis {

// One line of the MFA table: which credential kinds reach an action pattern on a resource.
struct MfaRow {
  std::string subject;  // the file, or the principal in an account audit
  std::string context;  // where in the subject: a policy name, a logical resource
  std::string actions;  // the action pattern as written, with how many sensitive actions it covers
  std::string resource;
  std::string long_term_keys;       // "Allowed" or "Denied"
  std::string session_without_mfa;  // same
  std::string mfa_window;           // AgeSet::describe: "0-599 s", "any age", "never"
  bool is_protected = false;        // neither non-MFA kind is allowed, and an MFA session is
  // The same window as numbers: closed intervals of MFA ages in seconds, `to` INT64_MAX when unbounded.
  std::vector<std::pair<int64_t, int64_t>> mfa_ages;
};

}  // namespace mfalint::analysis
