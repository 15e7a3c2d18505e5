#include "session/time_format.h"

#include <fmt/core.h>

#include <cstdio>
#include <ctime>

namespace mfalint::session {
namespace {

std::string format(std::chrono::sys_seconds when, const char* pattern, bool local) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm parts{};
  if (local) {
    localtime_r(&seconds, &parts);
  } else {
    gmtime_r(&seconds, &parts);
  }
  char buffer[64];
  std::size_t length = std::strftime(buffer, sizeof buffer, pattern, &parts);
  return std::string(buffer, length);
}

}  // namespace

std::optional<std::chrono::sys_seconds> parse_iso8601(std::string_view text) {
  int year, month, day, hour, minute, second, consumed = 0;
  std::string copy(text);
  if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute, &second,
                  &consumed) != 6 ||
      consumed != 19) {
    return std::nullopt;
  }
  std::string_view rest = text.substr(19);
  if (!rest.empty() && rest.front() == '.') {
    rest.remove_prefix(1);
    while (!rest.empty() && rest.front() >= '0' && rest.front() <= '9') rest.remove_prefix(1);
  }
  if (rest != "Z" && rest != "+00:00") return std::nullopt;
  using namespace std::chrono;
  year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                      std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  return sys_days{date} + hours{hour} + minutes{minute} + seconds{second};
}

std::string iso8601(std::chrono::sys_seconds when) { return format(when, "%Y-%m-%dT%H:%M:%SZ", false); }

std::string local_and_utc(std::chrono::sys_seconds when) {
  std::string local = format(when, "%Y-%m-%d %H:%M:%S %Z", true);
  std::string utc = format(when, "%Y-%m-%d %H:%M:%S UTC", false);
  return local == utc ? utc : local + " (" + utc + ")";
}

std::string span(std::chrono::seconds length) {
  auto total = length.count();
  if (total < 0) total = 0;
  if (total >= 3600) {
    return total % 3600 / 60 ? fmt::format("{}h {}m", total / 3600, total % 3600 / 60) : fmt::format("{}h", total / 3600);
  }
  if (total >= 60) return total % 60 ? fmt::format("{}m {}s", total / 60, total % 60) : fmt::format("{}m", total / 60);
  return fmt::format("{}s", total);
}

}  // namespace mfalint::session
