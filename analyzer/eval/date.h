#pragma once
// Date values for the Date* operators: epoch (UNIX) seconds or one of the W3C profiles of
// ISO 8601, as AWS documents ("YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYY-MM-DDThh:mm[:ss[.s]]TZD").

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace mfalint::eval {

// Milliseconds since 1970-01-01T00:00:00Z. A bare integer is epoch seconds (so "2020" is 2020 s
// after the epoch, not the year). A date-time without a zone designator is taken as UTC.
std::optional<int64_t> parse_date(std::string_view text);

// Epoch seconds have at most 15 digits (so the milliseconds fit in 64 bits): numbers from
// kFirstNumberNotAnEpoch on are no epoch date.
inline constexpr size_t kMaxEpochDigits = 15;
inline constexpr int64_t kFirstNumberNotAnEpoch = [] {
  int64_t bound = 1;
  for (size_t i = 0; i < kMaxEpochDigits; ++i) bound *= 10;
  return bound;
}();

}  // namespace mfalint::eval
