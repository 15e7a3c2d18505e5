#pragma once
// Which actions are sensitive (must need MFA) and which make up the MFA bootstrap (must stay
// reachable without MFA, so a user can set MFA up and sign in with it). The defaults are the
// lists in rules/data/; a user's configuration adds or removes patterns on top.

#include "catalog/action_bits.h"
#include "catalog/catalog.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace mfalint::catalog {

enum class ActionSet : uint8_t { Sensitive, MfaBootstrap };

struct Sensitivity {
  ActionBits sensitive;
  ActionBits mfa_bootstrap;

  // Every action at a level in sensitive-access-levels.txt, plus sensitive-actions.txt;
  // the bootstrap set is mfa-bootstrap-actions.txt.
  static const Sensitivity& defaults();

  // Puts the actions `pattern` matches into or out of `set`. Returns how many it matched, so
  // a caller can report a pattern that matches nothing.
  size_t add(ActionSet set, std::string_view pattern);
  size_t remove(ActionSet set, std::string_view pattern);

  bool is_sensitive(ActionId action) const { return sensitive.contains(action); }
  bool is_mfa_bootstrap(ActionId action) const { return mfa_bootstrap.contains(action); }
};

// With the defaults.
bool is_sensitive(ActionId action);
bool is_mfa_bootstrap(ActionId action);

}  // namespace mfalint::catalog
