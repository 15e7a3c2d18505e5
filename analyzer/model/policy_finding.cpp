#include "model/policy_finding.h"

#include "core/rule_docs.h"

#include <fmt/core.h>

#include <stdexcept>

namespace mfalint::model {

Finding make_finding(std::string_view rule, const Policy& policy, const Location& loc, std::string message) {
  const rules::RuleDoc* doc = rules::find_rule(rule);
  if (!doc) throw std::logic_error(fmt::format("rule {} has no document in rules/", rule));
  Finding finding;
  finding.rule = std::string(rule);
  finding.severity = doc->severity;
  finding.source = policy.source;
  finding.loc = loc;
  finding.message = std::move(message);
  finding.context = policy.context;
  finding.policy_type = policy_type_name(policy.kind);
  if (doc->aws_issue_codes.size() == 1) finding.aws_issue_code = doc->aws_issue_codes.front();
  return finding;
}

Finding make_finding(std::string_view rule, const Policy& policy, const Statement& statement, const Location& loc,
                     std::string message) {
  Finding finding = make_finding(rule, policy, loc, std::move(message));
  finding.statement = statement.index;
  if (statement.sid) finding.sid = statement.sid->value;
  return finding;
}

Finding with_code(Finding finding, std::string_view code) {
  finding.aws_issue_code = code;
  return finding;
}

}  // namespace mfalint::model
