#pragma once
// A finding's identity that survives edits elsewhere in the file: moving a statement down some
// lines must not make it a new finding (SARIF partialFingerprints, baselines).

#include "core/finding.h"

#include <string>
#include <vector>

namespace mfalint::report {

// Stable hex digest of what a finding is about, without where it is: rule, file, policy
// context, Sid, actions, resources and the message with line numbers taken out.
std::string finding_key(const Finding& finding);

// finding_key for each finding, with ":N" appended for the Nth repeat of the same key, so two
// identical findings in one file stay two.
std::vector<std::string> fingerprints(const Findings& findings);

}  // namespace mfalint::report
