#include "catalog/catalog.h"
#include "checks/check.h"
#include "eval/compare.h"

#include <fmt/core.h>

#include <optional>
#include <string_view>

namespace mfalint::checks {
namespace {

using model::OperatorFamily;

// `${*}`, `${?}` and `${$}` are how a policy writes a literal `*`, `?` or `$`: not variables.
bool is_escape(std::string_view text, size_t open) {
  return text.size() >= open + 4 && text[open + 3] == '}' &&
         (text[open + 2] == '*' || text[open + 2] == '?' || text[open + 2] == '$');
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Whether `text` has a `$` at all. Most texts have none, and every finding of this rule needs a
// `${`, so this one scan (memchr) lets them through without more work.
bool has_dollar(std::string_view text) { return text.find('$') != std::string_view::npos; }

// Whether `text` holds a policy variable (an escape is none).
bool has_variable(std::string_view text) {
  if (!has_dollar(text)) return false;
  for (size_t open = text.find("${"); open != std::string_view::npos; open = text.find("${", open + 2)) {
    if (!is_escape(text, open)) return true;
  }
  return false;
}

struct Problem {
  std::string_view code;
  std::string_view what;
};

// The first malformed `${...}` of `text`, if any. The grammar is `${name}` or `${name, 'default'}`:
// a name without spaces, and a default in single quotes after a comma (AWS writes a space after
// the comma; a default without it is not reported, since AWS does not say it is refused).
std::optional<Problem> malformed(std::string_view text) {
  if (!has_dollar(text)) return std::nullopt;
  for (size_t open = text.find("${"); open != std::string_view::npos; open = text.find("${", open + 2)) {
    if (is_escape(text, open)) continue;
    size_t close = text.find('}', open + 2);
    size_t next = text.find("${", open + 2);
    if (close == std::string_view::npos || (next != std::string_view::npos && next < close)) {
      return Problem{"MISSING_BRACE_IN_VARIABLE", "has no closing \"}\""};
    }
    std::string_view inside = text.substr(open + 2, close - open - 2);
    size_t comma = inside.find(',');
    std::string_view name = inside.substr(0, comma);
    bool blank = true;
    for (char c : name) blank = blank && is_space(c);
    if (blank) return Problem{"EMPTY_VARIABLE", "names no key"};
    for (char c : name) {
      if (is_space(c)) return Problem{"UNSUPPORTED_SPACE_IN_VARIABLE", "has a space in its key name"};
    }
    if (comma == std::string_view::npos) continue;
    std::string_view fallback = inside.substr(comma + 1);
    while (!fallback.empty() && is_space(fallback.front())) fallback.remove_prefix(1);
    if (fallback.size() < 2 || fallback.front() != '\'' || fallback.back() != '\'') {
      return Problem{"MISSING_QUOTE_IN_VARIABLE", "has a default value that is not in single quotes"};
    }
  }
  return std::nullopt;
}

void report_malformed(const model::Policy& policy, const model::Statement& st, std::string_view text,
                      const Location& loc, Findings& out) {
  auto problem = malformed(text);
  if (!problem) return;
  out.push_back(with_code(
      make_finding("IAM036", policy, st, loc,
                   fmt::format("the policy variable in \"{}\" {}: IAM cannot substitute it", text, problem->what)),
      problem->code));
}

void report_misplaced(const model::Policy& policy, const model::Statement& st, std::string_view text,
                      const Location& loc, std::string_view element, Findings& out) {
  if (!has_variable(text)) return;
  out.push_back(with_code(
      make_finding("IAM036", policy, st, loc,
                   fmt::format("\"{}\" in {} holds a policy variable: IAM substitutes variables only in Resource, "
                               "NotResource and condition values, so it is taken literally",
                               text, element)),
      "VARIABLE_UNSUPPORTED_IN_ELEMENT"));
}

bool substitutes_variables(model::ConditionOp op) {
  auto family = model::operator_family(op);
  return family == OperatorFamily::String || family == OperatorFamily::Arn;
}

void check_conditions(const model::Policy& policy, const model::Statement& st, Findings& out) {
  for (const auto& block : st.conditions) {
    if (block.op == model::ConditionOp::Unknown) continue;  // IAM013 reports the operator
    const bool substitutes = substitutes_variables(block.op);
    for (const auto& entry : block.entries) {
      // A key the catalog does not know is IAM102's. The catalog lookup is the costly part, and
      // only a key holding a variable can be reported, so that test comes first.
      if (has_variable(entry.key.value) && catalog::condition_key_type(entry.key.value)) {
        report_misplaced(policy, st, entry.key.value, entry.key.loc, "a condition key", out);
      }
      for (const auto& value : entry.values) {
        if (value.kind != model::ValueKind::String) continue;
        if (substitutes) {
          report_malformed(policy, st, value.text, value.loc, out);
          continue;
        }
        // Under Numeric, Date, IP and Null a variable is also a value of the wrong type, and IAM015
        // reports it there (TYPE_MISMATCH_*): this rule speaks only where IAM015 reads the value
        // (Bool, BinaryEquals), so that each value gets one finding.
        if (!has_variable(value.text) || !eval::policy_value_readable(block.op, value.text)) continue;
        out.push_back(with_code(
            make_finding("IAM036", policy, st, value.loc,
                         fmt::format("\"{}\" under {} holds a policy variable: variables work only with the String "
                                     "and Arn operators",
                                     value.text, block.op_text.value)),
            "INVALID_VARIABLE_FOR_OPERATOR"));
      }
    }
  }
}

void check_principal(const model::Policy& policy, const model::Statement& st, const model::Principal& principal,
                     std::string_view element, Findings& out) {
  for (const auto& entry : principal.entries) {
    for (const auto& value : entry.values.items) report_misplaced(policy, st, value.value, value.loc, element, out);
  }
}

}  // namespace

// IAM036: a `${...}` policy variable that is malformed, or written where IAM does not substitute
// it. Only under Version 2012-10-17: under the old grammar nothing is a variable (IAM005 says so).
void check_policy_variable_syntax(const model::Policy& policy, Findings& out) {
  if (!policy.version || policy.version->value != "2012-10-17") return;
  for (const auto& st : policy.statements) {
    for (const auto* list : {&st.resource, &st.not_resource}) {
      if (!*list) continue;
      for (const auto& item : (*list)->items) report_malformed(policy, st, item.value, item.loc, out);
    }
    check_conditions(policy, st, out);
    if (st.principal) check_principal(policy, st, *st.principal, "Principal", out);
    if (st.not_principal) check_principal(policy, st, *st.not_principal, "NotPrincipal", out);
    // A variable in Action or NotAction names no action, and IAM100/IAM101 report that entry; a
    // Sid with `$`, `{` or `}` is IAM039's UNSUPPORTED_SID except in resource policies.
    if (st.sid && policy.kind == model::PolicyKind::Resource) {
      report_misplaced(policy, st, st.sid->value, st.sid->loc, "Sid", out);
    }
  }
}

}  // namespace mfalint::checks
