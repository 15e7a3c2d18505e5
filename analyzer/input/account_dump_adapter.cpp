#include "input/adapters.h"

namespace mfalint::input {
namespace {

// get-account-authorization-details names principals and the policies each holds: not one
// policy, and judged only by `mfalint audit`. Read as a policy it would be a page of wrong findings.
bool detect_account_dump(const JsonNode& root) {
  for (std::string_view list : {"UserDetailList", "GroupDetailList", "RoleDetailList"}) {
    const JsonNode* node = root.find(list);
    if (node && node->is_array()) return true;
  }
  return false;
}

void note_account_dump(const JsonNode& root, LoadedFile& file) {
  add_unchecked_note(file, root.begin, root.begin + 1, "",
                     "this is `aws iam get-account-authorization-details` output, which `check` does not judge: "
                     "run `mfalint audit " + file.path + "` to judge every principal in it");
}

}  // namespace

const JsonAdapter kAccountDumpAdapter{"get-account-authorization-details", detect_account_dump, note_account_dump};

}  // namespace mfalint::input
