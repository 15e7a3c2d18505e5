#include "core/rule_docs.h"
#include "cli/command.h"

#include <fmt/format.h>

#include <memory>

namespace mfalint::cli {
namespace {

int run_rules(const std::string& id) {
  if (id.empty()) {
    for (const auto& rule : rules::all_rules()) {
      fmt::print("{}  {:<8} {:<36} {}\n", rule.id, severity_name(rule.severity), rule.name, rule.title);
    }
    return kExitClean;
  }
  const rules::RuleDoc* rule = rules::find_rule(id);
  if (!rule) {
    fmt::print(stderr, "mfalint: error: no rule {}; `mfalint rules` lists them\n", id);
    return kExitError;
  }
  fmt::print("{} ({}): {}\nDefault severity: {}\n", rule->id, rule->name, rule->title, severity_name(rule->severity));
  if (!rule->aws_issue_codes.empty()) {
    fmt::print("IAM Access Analyzer: {}\n", fmt::join(rule->aws_issue_codes, ", "));
  }
  fmt::print("\n{}\n", rule->body);
  return kExitClean;
}

}  // namespace

Command add_rules_command(CLI::App& root) {
  auto id = std::make_shared<std::string>();
  CLI::App* app = root.add_subcommand("rules", "List the rules, or print one rule's documentation");
  app->add_option("id", *id, "Rule id, e.g. MFA001");
  return {app, [id] { return run_rules(*id); }};
}

}  // namespace mfalint::cli
