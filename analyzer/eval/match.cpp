#include "eval/match.h"

#include "catalog/text.h"

namespace mfalint::eval {
namespace {

using catalog::next_character;
using catalog::same_char;

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

struct Token {
  enum class Kind : uint8_t { Literal, Star, One } kind;
  std::string_view text;  // for Literal
  size_t next;            // pattern offset after the token
};

// The token at `p`. Variables are already known to resolve (has_unresolved_variable).
Token read_token(std::string_view pattern, size_t p, const Scope& scope, bool wildcards) {
  char c = pattern[p];
  if (wildcards && c == '*') return {Token::Kind::Star, {}, p + 1};
  if (wildcards && c == '?') return {Token::Kind::One, {}, p + 1};
  if (c == '$' && scope.variables && p + 1 < pattern.size() && pattern[p + 1] == '{') {
    size_t close = pattern.find('}', p + 2);
    if (close != std::string_view::npos) {
      auto value = resolve_variable(pattern.substr(p + 2, close - p - 2), scope.context);
      return {Token::Kind::Literal, value.value_or(std::string_view()), close + 1};
    }
  }
  return {Token::Kind::Literal, pattern.substr(p, 1), p + 1};
}

}  // namespace

std::optional<std::string_view> resolve_variable(std::string_view inside, const Context* context) {
  if (inside == "*") return std::string_view("*");
  if (inside == "?") return std::string_view("?");
  if (inside == "$") return std::string_view("$");
  std::string_view key = inside;
  std::optional<std::string_view> fallback;
  // `${key, 'default'}`: AWS separates the default with a comma and a space and quotes it.
  if (size_t comma = inside.find(", "); comma != std::string_view::npos) {
    std::string_view rest = trim(inside.substr(comma + 2));
    if (rest.size() >= 2 && rest.front() == '\'' && rest.back() == '\'') {
      key = inside.substr(0, comma);
      fallback = rest.substr(1, rest.size() - 2);
    }
  }
  key = trim(key);
  if (context) {
    const ContextEntry* entry = context->find(key);
    if (entry && !entry->multi && entry->values.size() == 1) return std::string_view(entry->values.front());
  }
  return fallback;
}

bool has_unresolved_variable(std::string_view pattern, const Scope& scope) {
  if (!scope.variables) return false;
  for (size_t p = pattern.find("${"); p != std::string_view::npos; p = pattern.find("${", p + 2)) {
    size_t close = pattern.find('}', p + 2);
    if (close == std::string_view::npos) return false;
    if (!resolve_variable(pattern.substr(p + 2, close - p - 2), scope.context)) return true;
    p = close - 1;
  }
  return false;
}

Match glob_match(std::string_view pattern, std::string_view text, const Scope& scope, GlobOptions options) {
  bool has_variables = scope.variables && pattern.find("${") != std::string_view::npos;
  if (!has_variables) {
    if (options.wildcards) return catalog::glob_matches(pattern, text, options.ignore_case) ? Match::Yes : Match::No;
    if (pattern.size() != text.size()) return Match::No;
    for (size_t i = 0; i < text.size(); ++i) {
      if (!same_char(pattern[i], text[i], options.ignore_case)) return Match::No;
    }
    return Match::Yes;
  }
  if (has_unresolved_variable(pattern, scope)) return Match::Invalid;
  size_t p = 0, t = 0;
  size_t star_p = std::string_view::npos, star_t = 0;
  while (true) {
    if (p < pattern.size()) {
      Token token = read_token(pattern, p, scope, options.wildcards);
      if (token.kind == Token::Kind::Star) {
        star_p = p = token.next;
        star_t = t;
        continue;
      }
      if (token.kind == Token::Kind::One) {
        if (t < text.size()) {
          t = next_character(text, t);
          p = token.next;
          continue;
        }
      } else if (token.text.size() <= text.size() - t) {
        bool equal = true;
        for (size_t i = 0; i < token.text.size() && equal; ++i) equal = same_char(token.text[i], text[t + i], options.ignore_case);
        if (equal) {
          t += token.text.size();
          p = token.next;
          continue;
        }
      }
    } else if (t == text.size()) {
      return Match::Yes;
    }
    if (star_p == std::string_view::npos || star_t >= text.size()) return Match::No;
    star_t = next_character(text, star_t);
    t = star_t;
    p = star_p;
  }
}

}  // namespace mfalint::eval
