#pragma once
// `audit --org FILE`: a whole AWS Organization in one file, as tools/export-organization writes it
// (docs/audit.md: "The organization file"): the root, its organizational units and accounts, each
// with the SCPs and RCPs attached to it. An account's path from the root decides its levels.

#include "input/load.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mfalint::input {

// The root, an organizational unit or an account: one level of the organization.
struct OrganizationNode {
  std::string name;  // what the reports call the level: "root r-ab12", "ou ou-ab12-cd34 (Workloads)", "account 1111..."
  std::optional<size_t> parent;  // index in Organization::nodes; none for the root
  std::vector<size_t> scps, rcps;  // indices in Organization::file.policies
};

struct Organization {
  // The file: `error` (with an IAM001 finding) when it is not an organization as documented;
  // `policies` holds every SCP and RCP of the tree.
  LoadedFile file;
  std::vector<OrganizationNode> nodes;  // the root first
  std::map<std::string, size_t> accounts;  // account id to its node
  std::string management_account;  // empty when the file does not say
};

Organization load_organization(const std::string& path, uint64_t max_bytes = kDefaultMaxFileBytes);
Organization read_organization(std::string path, std::string text);

// The nodes from the root down to `account`'s; empty when the organization does not hold it.
std::vector<size_t> path_to_account(const Organization& organization, const std::string& account);

}  // namespace mfalint::input
