#pragma once
// The one exception type of the session module: its message is meant for the user as it is, and
// never holds a secret (key ids are masked before they get here).

#include <stdexcept>

namespace mfalint::session {

struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace mfalint::session
