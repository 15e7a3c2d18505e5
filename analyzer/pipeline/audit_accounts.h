#pragma once
// `mfalint audit` over several accounts' dumps (or one with `--org`): each dump judged by
// audit_account on its own thread, under the organization's levels of its account, and the
// reports joined into one with a section per account.

#include "analysis/mfa_analysis.h"
#include "catalog/sensitivity.h"
#include "input/account_dump.h"
#include "input/organization_tree.h"
#include "report/report.h"

#include <span>
#include <string>
#include <vector>

namespace mfalint::pipeline {

struct AccountsOptions {
  // The whole organization (`--org`): each dump's levels are its account's path from the root.
  const input::Organization* organization = nullptr;
  // Otherwise the levels given by `--scp` and `--rcp`, the same for every dump.
  std::span<const analysis::ControlLevel> levels;
  bool management_account = false;  // `--management-account`: no level applies to any dump
  uint64_t max_dump_bytes = input::kDefaultMaxDumpBytes;
  unsigned jobs = 1;
};

// The account id the dump's principals' ARNs name most; empty when none names one.
std::string dump_account(const input::AccountDump& dump);

// The SCP levels, then the RCP levels, of the nodes `path` lists (root first); a node with no
// policy of a kind is no level of that kind (the file did not export them).
std::vector<analysis::ControlLevel> levels_on_path(const input::Organization& organization, std::span<const size_t> path);

// One report over every dump of `dumps`, in order. A dump whose account the organization does not
// hold is reported unreadable (exit 2), judged under no levels being wrong; the others go on.
report::Report audit_accounts(const std::vector<std::string>& dumps, const catalog::Sensitivity& sensitivity,
                              const analysis::MfaOptions& options, const AccountsOptions& accounts);

}  // namespace mfalint::pipeline
