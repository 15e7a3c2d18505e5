#pragma once
// AWS Organizations' policies as the AWS CLI prints them and users keep them: `aws organizations
// describe-policy` output ({"Policy": {"PolicySummary": {"Name": ..., "Type": ...}, "Content":
// "<the document, as a string>"}}), a bare policy document, or a JSON list of either (the
// policies attached at one level of the organization).

#include "core/json_tree.h"
#include "input/load.h"

#include <cstdint>
#include <string>

namespace mfalint::input {

// Adds the policy `node` holds to `file` as a policy of `kind` (ServiceControl or
// ResourceControl, unless describe-policy's Type says which); false when `node` holds none.
bool add_organization_policy(const JsonNode& node, model::PolicyKind kind, LoadedFile& file);

// Every policy of the file at `path` (`-`: standard input), for `audit --scp` and `--rcp`. A file
// that holds no policy fails (`error` set, an IAM001 finding naming where): a level of the
// organization judged without the policies the user named would be judged wrong.
LoadedFile load_organization_policies(const std::string& path, model::PolicyKind kind,
                                      uint64_t max_bytes = kDefaultMaxFileBytes);
LoadedFile read_organization_policies(std::string path, std::string text, model::PolicyKind kind);

}  // namespace mfalint::input
