#pragma once
// `mfalint check` without the command line: read every path, build the model, run every check.

#include "report/report.h"

#include <string>
#include <vector>

namespace mfalint::analysis {

report::Report check_files(const std::vector<std::string>& paths);

}  // namespace mfalint::analysis
