#include "eval/arn.h"

#include "catalog/text.h"

namespace mfalint::eval {

std::optional<std::array<std::string_view, 6>> split_arn(std::string_view arn) {
  std::array<std::string_view, 6> parts;
  size_t start = 0;
  for (size_t i = 0; i < 5; ++i) {
    size_t colon = arn.find(':', start);
    if (colon == std::string_view::npos) return std::nullopt;
    parts[i] = arn.substr(start, colon - start);
    start = colon + 1;
  }
  parts[5] = arn.substr(start);
  return parts;
}

std::optional<std::array<std::string_view, 6>> split_resource_pattern(std::string_view pattern) {
  if (auto parts = split_arn(pattern)) return parts;
  if (!pattern.starts_with("arn:")) return std::nullopt;
  std::array<std::string_view, 6> parts;
  parts.fill("*");
  for (size_t i = 0; i < 5; ++i) {
    size_t colon = pattern.find(':');
    parts[i] = pattern.substr(0, colon);
    if (colon == std::string_view::npos) break;
    pattern.remove_prefix(colon + 1);
  }
  return parts;
}

Match resource_matches(std::string_view pattern, std::string_view resource, const Scope& scope) {
  if (pattern == "*") return Match::Yes;
  auto want = split_resource_pattern(pattern);
  if (!want) return glob_match(pattern, resource, scope, {});
  auto have = split_arn(resource);
  if (!have) return has_unresolved_variable((*want)[5], scope) ? Match::Invalid : Match::No;
  // Unresolvable variables make the entry fail whatever else matches: test them first.
  if (has_unresolved_variable((*want)[5], scope)) return Match::Invalid;
  for (size_t i = 0; i < 5; ++i) {
    if (!catalog::glob_matches((*want)[i], (*have)[i], false)) return Match::No;
  }
  return glob_match((*want)[5], (*have)[5], scope, {});
}

Match arn_like(std::string_view pattern, std::string_view value, const Scope& scope) {
  auto want = split_arn(pattern);
  auto have = split_arn(value);
  if (!want || !have) return Match::Invalid;
  for (const auto& part : *want) {
    if (has_unresolved_variable(part, scope)) return Match::Invalid;
  }
  for (size_t i = 0; i < 6; ++i) {
    if (glob_match((*want)[i], (*have)[i], scope, {}) != Match::Yes) return Match::No;
  }
  return Match::Yes;
}

std::string_view arn_account(std::string_view arn) {
  auto parts = split_arn(arn);
  return parts ? (*parts)[4] : std::string_view();
}

}  // namespace mfalint::eval
