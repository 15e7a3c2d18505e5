#include "checks/check.h"

#include <fmt/core.h>

namespace mfalint::checks {
namespace {

bool has_variable(std::string_view text) { return text.find("${") != std::string_view::npos; }

// Where the first policy variable of a statement is: a resource pattern or a condition value.
std::optional<Location> first_variable(const model::Statement& st) {
  for (const auto* list : {&st.resource, &st.not_resource}) {
    if (!*list) continue;
    for (const auto& item : (*list)->items) {
      if (has_variable(item.value)) return item.loc;
    }
  }
  for (const auto& block : st.conditions) {
    for (const auto& entry : block.entries) {
      for (const auto& value : entry.values) {
        if (has_variable(value.text)) return value.loc;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

// IAM003 missing Version, IAM004 unknown Version, IAM005 policy variables under the old grammar.
void check_version(const model::Policy& policy, Findings& out) {
  bool old_grammar = true;
  if (!policy.version) {
    out.push_back(make_finding("IAM003", policy, policy.loc,
                               "policy has no \"Version\": IAM then uses 2008-10-17, which does not substitute "
                               "policy variables; add \"Version\": \"2012-10-17\""));
  } else if (policy.version->value == "2012-10-17") {
    old_grammar = false;
  } else if (policy.version->value != "2008-10-17") {
    out.push_back(make_finding("IAM004", policy, policy.version->loc,
                               fmt::format("unknown policy Version \"{}\": it must be \"2012-10-17\" (or the "
                                           "obsolete \"2008-10-17\")",
                                           policy.version->value)));
    return;
  }
  if (!old_grammar) return;
  for (const auto& st : policy.statements) {
    auto variable = first_variable(st);
    if (variable) {
      Finding finding = make_finding(
          "IAM005", policy, st, *variable,
          fmt::format("policy variables are not substituted under Version {}: \"${{...}}\" is matched literally",
                      policy.version ? policy.version->value : "2008-10-17 (the default)"));
      finding.fix = "\"Version\": \"2012-10-17\"";
      out.push_back(std::move(finding));
    }
  }
}

}  // namespace mfalint::checks
