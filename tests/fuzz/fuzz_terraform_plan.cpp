// A `terraform show -json` plan: the JSON entry point, seeded with plans so the fuzzer starts inside
// the plan reader and the policies embedded in its strings.
#include "fuzz_load.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mfalint::fuzz::load_as("plan.json", data, size);
  return 0;
}
