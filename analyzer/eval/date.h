#pragma once
// Date values for the Date* operators: epoch (UNIX) seconds or one of the W3C profiles of
// ISO 8601, as AWS documents ("YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYY-MM-DDThh:mm[:ss[.s]]TZD").

#include <cstdint>
#include <optional>
#include <string_view>

namespace mfalint::eval {

// Milliseconds since 1970-01-01T00:00:00Z. A bare integer is epoch seconds (so "2020" is 2020 s
// after the epoch, not the year). A date-time without a zone designator is taken as UTC.
std::optional<int64_t> parse_date(std::string_view text);

}  // namespace mfalint::eval
