#pragma once
// Matching policy strings against request values: IAM's `*` and `?` wildcards and its policy
// variables (`${aws:username}`, `${key, 'default'}`, `${*}`, `${?}`, `${$}`). No regex and no
// allocation: every function here runs once per value per request.

#include "eval/context.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace mfalint::eval {

// Invalid: a value of the wrong type (a number that is not one, a malformed CIDR or date), or a
// policy variable that nothing resolves. AWS makes such a comparison false, negated or not.
enum class Match : uint8_t { No, Yes, Invalid };

// Where policy variables come from. AWS substitutes them only under Version "2012-10-17";
// otherwise `${aws:username}` is literal text.
struct Scope {
  const Context* context = nullptr;
  bool variables = false;
};

// The policy variable written `${inside}`: the request's single value for the key, else its
// default, else nothing (an absent or multivalued key without a default cannot be resolved).
std::optional<std::string_view> resolve_variable(std::string_view inside, const Context* context);

// True when `pattern` holds a policy variable that `scope` cannot resolve.
bool has_unresolved_variable(std::string_view pattern, const Scope& scope);

struct GlobOptions {
  bool wildcards = true;     // `*` and `?` (StringLike, ArnLike, Resource); false for StringEquals
  bool ignore_case = false;  // ASCII case folding (Action, StringEqualsIgnoreCase)
};

// Whole-string match of `text` against `pattern`; `?` matches one UTF-8 character, `*` any run.
Match glob_match(std::string_view pattern, std::string_view text, const Scope& scope, GlobOptions options);


}  // namespace mfalint::eval
