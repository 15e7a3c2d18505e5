// A CloudFormation template in YAML, with its short-form intrinsics (!Sub, !If, ...).
#include "fuzz_load.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mfalint::fuzz::load_as("template.yaml", data, size);
  return 0;
}
