#pragma once
// The input adapters pick a format from the path's extension and the text itself, so one entry point
// serves the JSON policy, Terraform plan and CloudFormation targets; each names its own path.

#include "pipeline/checked_load.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace mfalint::fuzz {

// A broken invariant is a crash the fuzzer keeps, like any other.
inline void require(bool holds) {
  if (!holds) __builtin_trap();
}

// Reporters print a finding's caret line from its location: it must lie inside the file.
inline void check_locations(const Findings& findings) {
  for (const auto& finding : findings) {
    if (!finding.source || finding.loc.line == 0) continue;
    require(finding.loc.offset <= finding.loc.end_offset);
    require(finding.loc.end_offset <= finding.source->text().size());
    (void)finding.source->line_text(finding.loc.line);
  }
}

inline input::LoadedFile load_as(const char* path, const uint8_t* data, size_t size) {
  input::LoadedFile file = pipeline::load_text_checked(path, std::string(reinterpret_cast<const char*>(data), size));
  check_locations(file.findings);
  return file;
}

}  // namespace mfalint::fuzz
