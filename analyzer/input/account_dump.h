#pragma once
// `aws iam get-account-authorization-details` output, read into the principals it describes: every
// user, group and role with the policies that apply to it. Each policy document is built once, with
// its locations in the dump, however many principals it is attached to.

#include "core/finding.h"
#include "input/load.h"
#include "model/policy.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mfalint::input {

enum class PrincipalType : uint8_t { User, Group, Role };
std::string_view principal_type_name(PrincipalType type);  // "user", "group", "role"

// One policy document of the dump.
struct DumpPolicy {
  std::optional<model::Policy> policy;  // empty when the document is not an object (a finding says so)
  Findings findings;                    // what building it found: grammar findings
};

// A document as it applies to one principal, and how the principal comes by it, for its reports:
// "inline policy ops", "group admins: managed policy arn:aws:iam::aws:policy/ReadOnlyAccess".
struct PolicyRef {
  size_t document = 0;  // index in AccountDump::documents
  std::string via;
};

struct DumpPrincipal {
  PrincipalType type = PrincipalType::User;
  std::string name;
  std::string arn;
  // Inline, then attached managed policies; for a user, then those of each of its groups. A
  // document that reaches the principal twice (attached directly and through a group) is listed once.
  std::vector<PolicyRef> identity;
  std::optional<PolicyRef> boundary;  // its permissions boundary, when the dump holds it
  std::string boundary_arn;           // empty when it has none
  std::optional<PolicyRef> trust;     // a role's trust policy
  // Notes (IAM018) on what applies to it but the dump does not hold: a managed policy left out of a
  // filtered dump, a group that is not in it. Judged without them, never silently.
  Findings notes;
};

struct AccountDump {
  // The dump as a file: its source, and `error` (with an IAM001 finding) when it could not be read,
  // parsed, or is not get-account-authorization-details output. `policies` stays empty.
  LoadedFile file;
  std::vector<DumpPolicy> documents;
  std::vector<DumpPrincipal> principals;  // users, then groups, then roles, each in dump order
};

// Reads the dump at `path` (`-` for standard input).
AccountDump load_account_dump(const std::string& path, uint64_t max_bytes = kDefaultMaxDumpBytes);
AccountDump read_account_dump(std::string path, std::string text);

}  // namespace mfalint::input
