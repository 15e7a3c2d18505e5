#pragma once
// Edits one profile of a credentials-style INI file and leaves every other byte as it was.

#include "session/ini.h"

#include <string>
#include <string_view>
#include <vector>

namespace mfalint::session {

struct ProfileValue {
  std::string key;  // lower case, as the parser reports keys
  std::string value;
};

// The text of `document` with `section` holding `values`: a key already there is rewritten on its own
// line (its continuation lines dropped), a missing key is added after the section's last entry, and a
// missing section is appended at the end of the file. Lines outside the section are kept byte for byte.
std::string with_profile_values(const IniDocument& document, std::string_view section,
                                const std::vector<ProfileValue>& values);

}  // namespace mfalint::session
