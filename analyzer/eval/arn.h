#pragma once
// ARN-aware matching, as IAM does it: the six colon-delimited components are matched one by one,
// so a wildcard never spans a colon before the resource part (which keeps its own colons).

#include "eval/match.h"

#include <array>
#include <optional>
#include <string_view>

namespace mfalint::eval {

// arn:partition:service:region:account-id:resource. Empty when `arn` has fewer than six parts.
std::optional<std::array<std::string_view, 6>> split_arn(std::string_view arn);

// A Resource/NotResource entry's six components, as resource_matches reads them: an `arn:` entry
// with fewer than six has `*` for the missing ones. Empty for an entry that is not an ARN.
std::optional<std::array<std::string_view, 6>> split_resource_pattern(std::string_view pattern);

// A Resource/NotResource entry against the request's resource. `*` matches everything; policy
// variables are substituted in the resource part only, as AWS documents. An `arn:` entry with
// fewer than six components matches as if the missing ones were `*`; any other entry that is
// not an ARN is matched as a whole string.
Match resource_matches(std::string_view pattern, std::string_view resource, const Scope& scope);

// ArnEquals/ArnLike (which behave identically): case-sensitive, component by component, with
// wildcards and variables in every component. Invalid when either side is not an ARN.
Match arn_like(std::string_view pattern, std::string_view value, const Scope& scope);

// The account id of an ARN ("" for S3 buckets, or when `arn` is not an ARN).
std::string_view arn_account(std::string_view arn);

}  // namespace mfalint::eval
