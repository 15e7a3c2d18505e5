#include "pipeline/audit_accounts.h"

#include "core/parallel_for.h"
#include "eval/arn.h"
#include "pipeline/audit.h"

#include <fmt/core.h>

#include <algorithm>
#include <iterator>
#include <map>

namespace mfalint::pipeline {
namespace {

// Each subject of the account's report named with the account first, so that principals of the
// same name in two accounts stay two sections.
void name_by_account(report::Report& report, const std::string& account) {
  if (account.empty()) return;
  auto prefixed = [&](std::string& name) {
    if (!name.empty()) name = fmt::format("{}/{}", account, name);
  };
  for (auto& principal : report.principals) prefixed(principal.subject);
  for (auto& finding : report.findings) prefixed(finding.context);
  for (auto& row : report.mfa_rows) prefixed(row.subject);
}

report::Report audit_one(const std::string& path, const catalog::Sensitivity& sensitivity,
                         const analysis::MfaOptions& options, const AccountsOptions& accounts) {
  input::AccountDump dump = input::load_account_dump(path, accounts.max_dump_bytes);
  report::AccountStatus status{dump_account(dump), dump.file.path, {}, 0, 0};
  analysis::MfaOptions judged = options;
  std::vector<analysis::ControlLevel> levels;
  if (accounts.organization && !dump.file.error) {
    const input::Organization& org = *accounts.organization;
    std::vector<size_t> path_to = input::path_to_account(org, status.id);
    if (path_to.empty()) {
      report::Report report;
      report.subject_kind = report::SubjectKind::Principal;
      std::string account = status.id.empty() ? "no account id (no principal ARN names one)" : "account " + status.id;
      report.files.push_back(report::FileStatus{
          dump.file.path, fmt::format("{} is not in the organization {}: its levels are unknown", account, org.file.path), {}});
      report.accounts.push_back(std::move(status));
      return report;
    }
    for (size_t node : path_to) status.levels.push_back(org.nodes[node].name);
    if (status.id != org.management_account) levels = levels_on_path(org, path_to);
  } else if (!accounts.management_account) {
    levels.assign(accounts.levels.begin(), accounts.levels.end());
    for (const auto& level : levels) status.levels.push_back(level.name);
  }
  judged.control = levels;
  report::Report report = audit_account(dump, sensitivity, judged);
  name_by_account(report, status.id);
  status.principals = report.principals.size();
  for (const auto& principal : report.principals) {
    status.people_principals += principal.used_by_people();
    status.exposed_principals += principal.exposed();
  }
  report.accounts.push_back(std::move(status));
  return report;
}

template <typename T>
void move_into(std::vector<T>& into, std::vector<T>& from) {
  into.insert(into.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

std::string dump_account(const input::AccountDump& dump) {
  // The most named: a sanitized or hand-joined dump may hold a few principals of another account.
  std::map<std::string_view, size_t> named;
  for (const auto& principal : dump.principals) {
    std::string_view account = eval::arn_account(principal.arn);
    if (!account.empty() && account != "aws") ++named[account];
  }
  auto most = std::max_element(named.begin(), named.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; });
  return most == named.end() ? std::string() : std::string(most->first);
}

std::vector<analysis::ControlLevel> levels_on_path(const input::Organization& organization, std::span<const size_t> path) {
  std::vector<analysis::ControlLevel> levels;
  for (model::PolicyKind kind : {model::PolicyKind::ServiceControl, model::PolicyKind::ResourceControl}) {
    for (size_t node : path) {
      const input::OrganizationNode& level = organization.nodes[node];
      const auto& attached = kind == model::PolicyKind::ServiceControl ? level.scps : level.rcps;
      if (attached.empty()) continue;
      analysis::ControlLevel& added = levels.emplace_back();
      added.name = level.name;
      added.kind = kind;
      for (size_t policy : attached) added.policies.push_back(&organization.file.policies[policy]);
    }
  }
  return levels;
}

report::Report audit_accounts(const std::vector<std::string>& dumps, const catalog::Sensitivity& sensitivity,
                              const analysis::MfaOptions& options, const AccountsOptions& accounts) {
  std::vector<report::Report> each(dumps.size());
  parallel_for(dumps.size(), accounts.jobs,
               [&](size_t i) { each[i] = audit_one(dumps[i], sensitivity, options, accounts); });
  report::Report report;
  report.subject_kind = report::SubjectKind::Principal;
  for (auto& one : each) {
    move_into(report.files, one.files);
    move_into(report.principals, one.principals);
    move_into(report.accounts, one.accounts);
    move_into(report.findings, one.findings);
    move_into(report.mfa_rows, one.mfa_rows);
    std::vector<catalog::ActionId> united;
    std::set_union(report.people_unprotected_actions.begin(), report.people_unprotected_actions.end(),
                   one.people_unprotected_actions.begin(), one.people_unprotected_actions.end(), std::back_inserter(united));
    report.people_unprotected_actions = std::move(united);
  }
  return report;
}

}  // namespace mfalint::pipeline
