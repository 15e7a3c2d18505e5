#pragma once
// The one findings model every check produces and every reporter consumes.

#include "catalog/catalog.h"
#include "core/location.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mfalint {

enum class Severity : uint8_t { Note, Warning, Error };

std::string_view severity_name(Severity severity);  // "note", "warning", "error"
std::optional<Severity> parse_severity(std::string_view name);

// The actions a finding concerns. Catalog actions are kept as ids and named only when a report is
// written: an administrator policy's MFA001 concerns about 12,000, and a string for each name was
// most of a large run's memory. Names no catalog has (an unknown action, an entry that is not
// service:Action) are kept as written.
struct FindingActions {
  std::vector<std::string> written;
  std::vector<uint32_t> ids;  // catalog::ActionId, ascending

  bool empty() const { return written.empty() && ids.empty(); }
  // Each name, the written ones first, then the catalog's ("s3:GetObject"); the view passed to
  // `visit` lasts until its next call.
  template <class Visit>
  void for_each_name(Visit&& visit) const {
    for (const auto& name : written) visit(std::string_view(name));
    std::string name;
    for (uint32_t id : ids) {
      name.assign(catalog::action_service(id));
      name += ':';
      name += catalog::action_name(id);
      visit(std::string_view(name));
    }
  }
  std::vector<std::string> names() const;
};

struct Finding {
  std::string rule;  // "MFA001"
  Severity severity = Severity::Error;
  std::shared_ptr<const SourceFile> source;  // for the file name and the caret line; may be null
  Location loc;
  std::string message;
  std::optional<uint32_t> statement;  // 0-based index in the policy's Statement list
  std::string sid;
  FindingActions actions;
  std::vector<std::string> resources;  // resource patterns it concerns
  // Of a NotResource statement: the resources it concerns are every one except these.
  std::vector<std::string> not_resources;
  std::string fix;      // the change that resolves it, when there is one
  std::string context;  // where in the file: "PolicyVersion.Document", a logical resource, a principal
  // The IAM Access Analyzer check it corresponds to ("PASS_ROLE_WITH_STAR_IN_RESOURCE"), if any.
  std::string_view aws_issue_code;
  // The policy type it was judged as ("identity", "resource", "trust", "boundary", "scp", "rcp");
  // empty for a finding about a file rather than a policy.
  std::string_view policy_type;

  const std::string& file() const;
};

using Findings = std::vector<Finding>;

// The order a subject's findings are reported in: by position, then rule; otherwise as found.
void sort_by_position(Findings& findings);

}  // namespace mfalint
