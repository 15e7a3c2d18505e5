#include "eval/date.h"

namespace mfalint::eval {
namespace {

// Exactly `count` decimal digits at `text[pos]`.
std::optional<int> digits(std::string_view text, size_t pos, size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's algorithm).
int64_t days_from_civil(int64_t y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

std::optional<int64_t> parse_epoch(std::string_view text) {
  size_t start = !text.empty() && text[0] == '-' ? 1 : 0;
  if (start == text.size() || text.size() - start > kMaxEpochDigits) return std::nullopt;
  int64_t value = 0;
  for (size_t i = start; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return (start ? -value : value) * 1000;
}

std::optional<int64_t> parse_iso(std::string_view text) {
  auto year = digits(text, 0, 4);
  if (!year) return std::nullopt;
  int month = 1, day = 1;
  size_t pos = 4;
  if (pos < text.size()) {
    auto m = text[pos] == '-' ? digits(text, pos + 1, 2) : std::nullopt;
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    month = *m;
    pos += 3;
  }
  if (pos < text.size()) {
    auto d = text[pos] == '-' ? digits(text, pos + 1, 2) : std::nullopt;
    if (!d || *d < 1 || *d > days_in_month(*year, month)) return std::nullopt;
    day = *d;
    pos += 3;
  }
  int64_t ms = days_from_civil(*year, month, day) * 86400000;
  if (pos == text.size()) return ms;
  if (pos != 10 || text[pos] != 'T') return std::nullopt;
  auto hour = digits(text, pos + 1, 2);
  auto minute = pos + 3 < text.size() && text[pos + 3] == ':' ? digits(text, pos + 4, 2) : std::nullopt;
  if (!hour || !minute || *hour > 23 || *minute > 59) return std::nullopt;
  ms += (*hour * 3600LL + *minute * 60LL) * 1000;
  pos += 6;
  if (pos < text.size() && text[pos] == ':') {
    auto second = digits(text, pos + 1, 2);
    if (!second || *second > 59) return std::nullopt;
    ms += *second * 1000LL;
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      size_t start = ++pos;
      int64_t scale = 100;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        ms += (text[pos] - '0') * scale;  // beyond milliseconds, digits are dropped
        scale /= 10;
        ++pos;
      }
      if (pos == start) return std::nullopt;
    }
  }
  if (pos == text.size() || (text[pos] == 'Z' && pos + 1 == text.size())) return ms;
  if (text[pos] != '+' && text[pos] != '-') return std::nullopt;
  auto zone_hour = digits(text, pos + 1, 2);
  auto zone_minute = pos + 3 < text.size() && text[pos + 3] == ':' ? digits(text, pos + 4, 2) : std::nullopt;
  if (!zone_hour || !zone_minute || pos + 6 != text.size() || *zone_hour > 23 || *zone_minute > 59) {
    return std::nullopt;
  }
  int64_t offset = (*zone_hour * 3600LL + *zone_minute * 60LL) * 1000;
  return text[pos] == '+' ? ms - offset : ms + offset;
}

}  // namespace

std::optional<int64_t> parse_date(std::string_view text) {
  if (auto epoch = parse_epoch(text)) return epoch;
  return parse_iso(text);
}

}  // namespace mfalint::eval
