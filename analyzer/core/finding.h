#pragma once
// The one findings model every check produces and every reporter consumes.

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

struct Finding {
  std::string rule;  // "MFA001"
  Severity severity = Severity::Error;
  std::shared_ptr<const SourceFile> source;  // for the file name and the caret line; may be null
  Location loc;
  std::string message;
  std::optional<uint32_t> statement;  // 0-based index in the policy's Statement list
  std::string sid;
  std::vector<std::string> actions;    // action names it concerns
  std::vector<std::string> resources;  // resource patterns it concerns
  std::string fix;      // the change that resolves it, when there is one
  std::string context;  // where in the file: "PolicyVersion.Document", a logical resource, a principal

  const std::string& file() const;
};

using Findings = std::vector<Finding>;

}  // namespace mfalint
