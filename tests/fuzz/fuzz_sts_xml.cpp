// STS's XML answers: whatever comes back over the wire is read into credentials, an identity or a
// fault, or refused with an XmlError.
#include "session/sts_xml.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mfalint::session;
  XmlLeaves leaves;
  try {
    leaves = parse_xml(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const XmlError&) {
    return 0;
  }
  (void)fault_of(leaves);
  for (const char* action : {"GetSessionToken", "AssumeRole"}) {
    try {
      (void)session_of(leaves, action);
    } catch (const XmlError&) {
    }
  }
  try {
    (void)identity_of(leaves);
  } catch (const XmlError&) {
  }
  return 0;
}
