#include "catalog/sensitivity.h"

#include "catalog/catalog_data.h"
#include "catalog/rule_data.h"
#include "catalog/text.h"

#include <stdexcept>
#include <string>

namespace mfalint::catalog {
namespace {

size_t assign(ActionBits& members, std::string_view pattern, bool value) {
  const auto& matched = match_actions(pattern);
  for (ActionId action : matched) value ? members.insert(action) : members.erase(action);
  return matched.size();
}

AccessLevel parse_access_level(std::string_view name) {
  for (auto level : {AccessLevel::List, AccessLevel::Read, AccessLevel::Write, AccessLevel::PermissionsManagement,
                     AccessLevel::Tagging}) {
    if (compare_lower(access_level_name(level), name) == 0) return level;
  }
  throw std::logic_error("rules/data/sensitive-access-levels.txt: unknown access level \"" + std::string(name) + "\"");
}

Sensitivity build_defaults() {
  Sensitivity result;
  bool sensitive_level[5] = {};
  for (auto name : rule_data_entries("sensitive-access-levels.txt")) {
    sensitive_level[static_cast<size_t>(parse_access_level(name))] = true;
  }
  // Straight from the digit table: this loop visits every action, and every `check` pays for it.
  result.sensitive = ActionBits::where(
      [&](ActionId action) { return sensitive_level[static_cast<size_t>(data::kAccessLevels[action] - '0')]; });
  for (auto pattern : rule_data_entries("sensitive-actions.txt")) result.add(ActionSet::Sensitive, pattern);
  for (auto pattern : rule_data_entries("mfa-bootstrap-actions.txt")) result.add(ActionSet::MfaBootstrap, pattern);
  return result;
}

}  // namespace

const Sensitivity& Sensitivity::defaults() {
  static const Sensitivity kDefaults = build_defaults();
  return kDefaults;
}

size_t Sensitivity::add(ActionSet set, std::string_view pattern) {
  return assign(set == ActionSet::Sensitive ? sensitive : mfa_bootstrap, pattern, true);
}

size_t Sensitivity::remove(ActionSet set, std::string_view pattern) {
  return assign(set == ActionSet::Sensitive ? sensitive : mfa_bootstrap, pattern, false);
}

bool is_sensitive(ActionId action) { return Sensitivity::defaults().is_sensitive(action); }
bool is_mfa_bootstrap(ActionId action) { return Sensitivity::defaults().is_mfa_bootstrap(action); }

}  // namespace mfalint::catalog
