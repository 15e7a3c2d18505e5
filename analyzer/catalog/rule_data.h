#pragma once
// The lists in rules/data/*.txt, compiled into the binary (tools/embed_rule_data.cmake writes
// the definition at build time), so what is sensitive is data a reviewer reads, not code.

#include <span>
#include <string_view>
#include <vector>

namespace mfalint::catalog {

struct RuleDataFile {
  std::string_view name;  // "sensitive-read-actions.txt"
  std::string_view text;
};
std::span<const RuleDataFile> rule_data_files();  // generated, sorted by name

// The entries of one list: each line without its `#` comment and surrounding blanks, empty
// lines skipped. A name that is not embedded is a build mistake: throws std::logic_error.
std::vector<std::string_view> rule_data_entries(std::string_view file_name);

}  // namespace mfalint::catalog
