#pragma once
// A baseline: the findings a project has accepted for now, so that a check reports only new
// ones. Findings are keyed by report::fingerprints, which leave line numbers out: a statement
// moving down some lines keeps its key, and stays accepted.
//
// The file is JSON, sorted by file, rule and key so that rewriting it gives a readable diff:
//   {"version": 1, "tool": "mfalint",
//    "findings": [{"key": "…:1", "rule": "MFA001", "file": "policies/a.json", "message": "…"}]}
// Only `key` counts; the rest is there for the people reviewing it.

#include "core/finding.h"

#include <iosfwd>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mfalint::pipeline {

// A baseline that cannot be read or is not one; the message names the file.
struct BaselineError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One key per finding, in order. Paths are taken lexically normal first, so `check .`
// ("./a.json") and a pre-commit run ("a.json") agree.
std::vector<std::string> baseline_keys(const Findings& findings);

void write_baseline(const Findings& findings, std::ostream& out);
void save_baseline(const Findings& findings, const std::string& path);  // throws BaselineError

// The keys of a baseline's text; throws BaselineError (without a file name) when it is not one.
std::set<std::string> parse_baseline(std::string_view json);
std::set<std::string> load_baseline(const std::string& path);  // throws BaselineError

// Removes the findings whose key is in `keys`; returns how many it removed.
size_t drop_baselined(const std::set<std::string>& keys, Findings& findings);

}  // namespace mfalint::pipeline
