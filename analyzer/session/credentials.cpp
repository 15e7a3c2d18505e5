#include "session/credentials.h"

namespace mfalint::session {

std::string mask(std::string_view key_id) {
  constexpr std::size_t kShown = 4;
  if (key_id.size() <= kShown) return "****";
  return "****" + std::string(key_id.substr(key_id.size() - kShown));
}

}  // namespace mfalint::session
