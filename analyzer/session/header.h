#pragma once

#include <string>

namespace mfalint::session {

struct Header {
  std::string name;
  std::string value;
};

}  // namespace mfalint::session
