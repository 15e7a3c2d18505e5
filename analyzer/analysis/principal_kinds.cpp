#include "analysis/principal_kinds.h"

namespace mfalint::analysis {
namespace {

// "arn:PARTITION:iam::ACCOUNT:role/NAME" or "arn:PARTITION:sts::ACCOUNT:assumed-role/NAME/SESSION".
bool is_role_arn(std::string_view value) {
  if (!value.starts_with("arn:")) return false;
  size_t iam = value.find(":iam::"), sts = value.find(":sts::");
  return (iam != std::string_view::npos && value.find(":role/", iam + 6) != std::string_view::npos) ||
         (sts != std::string_view::npos && value.find(":assumed-role/", sts + 6) != std::string_view::npos);
}

}  // namespace

PrincipalKinds principal_kinds(const model::Statement& statement) {
  PrincipalKinds kinds;
  bool other_than_roles = false;
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
      bool roles = type == "AWS" && !entry.values.items.empty();
      for (const auto& value : entry.values.items) roles = roles && is_role_arn(value.value);
      other_than_roles = other_than_roles || !roles;
    }
  }
  kinds.only_roles = kinds.aws && !other_than_roles;
  return kinds;
}

}  // namespace mfalint::analysis
