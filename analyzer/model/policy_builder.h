#pragma once
// Builds the policy model from a located JSON tree and reports, as findings, what does not fit
// the IAM policy grammar's shape: wrong types, unknown or duplicate keys, empty lists.

#include "core/finding.h"
#include "core/json_tree.h"
#include "model/policy.h"

#include <memory>
#include <string>

namespace mfalint::model {

struct PolicyOrigin {
  std::shared_ptr<const SourceFile> source;
  std::string context;  // "PolicyVersion.Document", a logical resource id, ...
  PolicyKind kind = PolicyKind::Identity;
  SizeQuota quota = SizeQuota::None;
  bool kind_known = false;  // false: guess identity/resource/trust from the statements
  std::string branch;       // Policy::branch
  std::string resource_type;  // Policy::resource_type
};

// Empty when `root` is not even an object (a finding says so).
std::optional<Policy> build_policy(const JsonNode& root, const PolicyOrigin& origin, Findings& out);

}  // namespace mfalint::model
