#include "analysis/principal_kinds.h"

namespace mfalint::analysis {

PrincipalKinds principal_kinds(const model::Statement& statement) {
  PrincipalKinds kinds;
  if (!statement.principal || statement.not_principal || statement.principal->wildcard) {
    kinds.aws = true;
    return kinds;
  }
  for (const auto& entry : statement.principal->entries) {
    const std::string& type = entry.type.value;
    if (type == "Service") {
      kinds.service = true;
    } else if (type == "Federated") {
      kinds.federated = true;
    } else {
      kinds.aws = true;  // "AWS", "CanonicalUser", and what IAM would refuse: judged rather than not
    }
  }
  return kinds;
}

}  // namespace mfalint::analysis
