#pragma once
// `mfalint check` without the command line: read every path, build the model, run every check
// and the MFA analysis.

#include "analysis/mfa_analysis.h"
#include "catalog/sensitivity.h"
#include "input/load.h"
#include "report/report.h"

#include <functional>
#include <string>
#include <vector>

namespace mfalint::pipeline {

// Policies of one principal spread over files (`.mfalint.yaml` `sets:`): `holds` says whether a
// policy, by its file and its context (a CloudFormation logical id, a Terraform address), is one.
struct NamedPolicySet {
  std::string name;
  std::function<bool(const std::string& file, const std::string& context)> holds;
};

struct CheckFilesOptions {
  analysis::MfaOptions mfa;
  catalog::Sensitivity sensitivity = catalog::Sensitivity::defaults();
  // How many files are read and analyzed at once. The report is the same for any number.
  unsigned jobs = 1;
  uint64_t max_file_bytes = input::kDefaultMaxFileBytes;  // larger files are reported, not read
  input::PolicyType given_type;  // --policy-type, --resource-type
  // Judge every file's identity policies as one principal's set, as `audit` judges a user: their
  // Allows united, each Deny applied to all (`check --together`). Resource policies stay alone.
  bool together = false;
  // Each set's identity policies judged together, as with `together`; a policy in no set is
  // judged alone, one in two sets in each.
  std::vector<NamedPolicySet> sets;
};

report::Report check_files(const std::vector<std::string>& paths, const CheckFilesOptions& options);

}  // namespace mfalint::pipeline
