#include "analysis/mfa_matrix.h"

#include "analysis/age_cells.h"
#include "analysis/mfa_reach.h"
#include "eval/statement.h"


namespace mfalint::analysis {
namespace {

// Every condition on the age key in the set, and every policy variable that reads the age.
void add_policy(const model::Policy& policy, AgeCells& cells) {
  bool variables = eval::variables_enabled(policy);
  for (const auto& statement : policy.statements) {
    for (const auto* list : {&statement.resource, &statement.not_resource}) {
      if (!*list) continue;
      for (const auto& item : (*list)->items) {
        if (variables && reads_age_variable(item.value)) cells.need_scan();
      }
    }
    for (const auto& block : statement.conditions) {
      for (const auto& entry : block.entries) {
        for (const auto& value : entry.values) {
          if (variables && reads_age_variable(value.text)) cells.need_scan();
        }
        if (is_mfa_age_key(entry.key.value)) cells.add_entry(block, entry, variables);
      }
    }
  }
}

AgeCells age_cells(const eval::PolicySet& set) {
  AgeCells cells;
  auto add_all = [&](const eval::PolicyList& list) {
    for (const model::Policy* policy : list) add_policy(*policy, cells);
  };
  add_all(set.identity);
  add_all(set.resource);
  for (const auto& list : set.boundaries) add_all(list);
  for (const auto& list : set.scps) add_all(list);
  return cells;
}

}  // namespace

MfaMatrix mfa_matrix(const eval::PolicySet& policies, const eval::Request& request) {
  eval::Request probe = request;
  eval::Result result;
  auto decide = [&](eval::MfaContext kind, int64_t age) {
    eval::set_mfa_context(probe.context, kind, age);
    eval::evaluate(policies, probe, result);
    return result.decision;
  };

  MfaMatrix matrix;
  matrix.long_term_keys = decide(eval::MfaContext::LongTermKeys, 0);
  matrix.session_without_mfa = decide(eval::MfaContext::SessionWithoutMfa, 0);

  AgeCells cells = age_cells(policies);
  if (cells.scans()) matrix.exact_through = kMfaAgeScanHorizon;
  matrix.allowed_mfa_ages = cells.ages_where(
      [&](int64_t age) { return decide(eval::MfaContext::MfaSession, age) == eval::Decision::Allowed; },
      /*extend=*/false);
  matrix.is_protected = matrix.long_term_keys != eval::Decision::Allowed &&
                        matrix.session_without_mfa != eval::Decision::Allowed && !matrix.allowed_mfa_ages.empty();
  return matrix;
}

}  // namespace mfalint::analysis
