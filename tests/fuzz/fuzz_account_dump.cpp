// `aws iam get-account-authorization-details` output: principals, their policies and what the dump lacks.
#include "fuzz_load.h"
#include "input/account_dump.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mfalint;
  input::AccountDump dump = input::read_account_dump("account.json", std::string(reinterpret_cast<const char*>(data), size));
  fuzz::check_locations(dump.file.findings);
  for (const auto& document : dump.documents) fuzz::check_locations(document.findings);
  for (const auto& principal : dump.principals) {
    fuzz::check_locations(principal.notes);
    for (const auto& ref : principal.identity) fuzz::require(ref.document < dump.documents.size());
    for (const auto& ref : {principal.boundary, principal.trust})
      if (ref) fuzz::require(ref->document < dump.documents.size());
  }
  return 0;
}
