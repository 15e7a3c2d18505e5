#pragma once
// The timestamps STS and the SDKs exchange (ISO 8601, UTC) and the ones people read.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace mfalint::session {

// "2026-11-29T04:59:21Z", with or without fractional seconds, or with a "+00:00" offset.
std::optional<std::chrono::sys_seconds> parse_iso8601(std::string_view text);

// "2026-11-29T04:59:21Z": what the credentials file and credential_process JSON hold.
std::string iso8601(std::chrono::sys_seconds when);

// "2026-11-29 05:59:21 CET (2026-11-29 04:59:21 UTC)": local time first, since that is what a person
// plans by; just the UTC time where local time is UTC.
std::string local_and_utc(std::chrono::sys_seconds when);

// "11h 59m", "12h", "4m 10s", "10m", "45s": how long until something, to the minute past an hour.
std::string span(std::chrono::seconds length);

}  // namespace mfalint::session
