// A JSON policy document, however malformed: read, built into the model and checked.
#include "fuzz_load.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mfalint::fuzz::load_as("policy.json", data, size);
  return 0;
}
