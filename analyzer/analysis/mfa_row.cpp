#include "analysis/mfa_row.h"

namespace mfalint::analysis {

std::string TakenBy::describe() const {
  if (scp && rcp) return "SCP and RCP";
  return scp ? "SCP" : rcp ? "RCP" : "";
}

std::string CredentialReach::describe() const {
  if (allowed) return "Allowed";
  return taken_by.any() ? "Denied by " + taken_by.describe() : "Denied";
}

}  // namespace mfalint::analysis
