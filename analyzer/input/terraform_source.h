#pragma once
// Terraform source (`.tf`, `.tf.json`) read directly, without `terraform plan`: the policies a
// module's resources and `aws_iam_policy_document` data sources hold, with findings at the `.tf`
// line and column of each value and the Terraform address as context. docs/inputs.md says what is
// resolved (literal locals and variable defaults, jsonencode, heredocs, file() and templatefile()
// next to the module, references to policy documents) and what stays unknown.

#include "input/load.h"

#include <string>
#include <string_view>
#include <vector>

namespace mfalint::input {

// `.tf` or `.tf.json`.
bool is_terraform_source(std::string_view path);

// Another file of the same module, read so that references across files resolve.
struct ModuleSibling {
  std::string path;
  std::string text;
};

// The module's other files in `path`'s directory (none for standard input).
std::vector<ModuleSibling> read_module_siblings(const std::string& path);

// Reads `file` as one file of a module whose other files are `siblings`, and adds to `file` the
// policies whose values are written in it. A syntax error fails the file at its line and column;
// the file's other blocks and the module's other files are still read.
void load_terraform_source(LoadedFile& file, const std::vector<ModuleSibling>& siblings);

}  // namespace mfalint::input
