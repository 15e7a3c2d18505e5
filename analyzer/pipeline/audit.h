#pragma once
// `mfalint audit` without the command line: an account's authorization details judged principal by
// principal. Each user, group and role is one policy set (a user's groups' policies included,
// bounded by its permissions boundary); its findings and MFA rows name it, so one report section
// per principal says what that principal can reach without MFA.

#include "analysis/mfa_analysis.h"
#include "catalog/sensitivity.h"
#include "input/account_dump.h"
#include "report/report.h"

namespace mfalint::pipeline {

report::Report audit_account(const input::AccountDump& dump, const catalog::Sensitivity& sensitivity,
                             const analysis::MfaOptions& options);

}  // namespace mfalint::pipeline
