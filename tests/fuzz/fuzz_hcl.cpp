// Terraform source: the HCL2 reader and the module reader behind it, on one `.tf` file in a
// directory that does not exist, so no other file of a module is read from disk.
#include "fuzz_load.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mfalint::fuzz::load_as("/nonexistent-mfalint-fuzz/main.tf", data, size);
  return 0;
}
