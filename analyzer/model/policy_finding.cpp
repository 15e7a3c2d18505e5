#include "model/policy_finding.h"

#include "core/rule_docs.h"

namespace mfalint::model {

Finding make_finding(std::string_view rule, const Policy& policy, const Location& loc, std::string message) {
  Finding finding;
  finding.rule = std::string(rule);
  finding.severity = rules::default_severity(rule);
  finding.source = policy.source;
  finding.loc = loc;
  finding.message = std::move(message);
  finding.context = policy.context;
  return finding;
}

Finding make_finding(std::string_view rule, const Policy& policy, const Statement& statement, const Location& loc,
                     std::string message) {
  Finding finding = make_finding(rule, policy, loc, std::move(message));
  finding.statement = statement.index;
  if (statement.sid) finding.sid = statement.sid->value;
  return finding;
}

}  // namespace mfalint::model
