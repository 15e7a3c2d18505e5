#pragma once
// Helpers shared by the resource ARN checks IAM020-IAM022 (and the Region form, by IAM032): a policy ARN split into
// its six fields, the form checks of IAM020 (which the others skip), and whether an ARN can name a
// resource of one of the catalog's ARN formats. Both sides are read as wildcard patterns: `*`, `?`
// and `${...}` variables in the ARN, `${...}` placeholders (one character or more) and `*` in the
// format, so an ARN is judged not to fit only when no resource could match both.

#include "catalog/catalog.h"
#include "catalog/remembered.h"
#include "catalog/text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mfalint::checks::arn {

// A `${...}` policy variable, or a `{{...}}` placeholder for what a template leaves unknown
// (`{{Ref AWS::Partition}}`, docs/inputs.md): either stands for a value known only later.
inline bool has_variable(std::string_view text) {
  return text.find("${") != std::string_view::npos || text.find("{{") != std::string_view::npos;
}

// The end (one past the closing brace) of the variable or placeholder starting at `i`, or npos
// when none starts there or it is not closed.
inline size_t unknown_end(std::string_view text, size_t i) {
  if (i + 1 >= text.size()) return std::string_view::npos;
  if (text[i] == '$' && text[i + 1] == '{') {
    size_t close = text.find('}', i + 2);
    return close == std::string_view::npos ? close : close + 1;
  }
  if (text[i] == '{' && text[i + 1] == '{') {
    size_t close = text.find("}}", i + 2);
    return close == std::string_view::npos ? close : close + 2;
  }
  return std::string_view::npos;
}

// Whether a variable or placeholder can start at `c`: unknown_end looks no further otherwise.
inline bool may_start_unknown(char c) { return c == '$' || c == '{'; }

// A field IAM matches against more than one value (a wildcard, a variable or a placeholder): the
// form checks leave it alone. One pass, as fields are short and each find() is a call.
inline bool is_pattern(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '*' || c == '?') return true;
    if (may_start_unknown(c) && i + 1 < text.size() && text[i + 1] == '{') return true;
  }
  return false;
}

// A Resource entry that cannot be judged as an ARN: a value that starts with a variable or
// placeholder (`{{Fn::GetAtt Role.Arn}}`), whose fields are only known later, or with a wildcard.
inline bool unjudgeable(std::string_view value) {
  if (value.starts_with("${") || value.starts_with("{{")) return true;
  // A wildcard before the text leaves "arn:" is matched against whole ARNs ("*/*" matches every ARN
  // with a slash; Terraform writes an unknown as "*"): not an ARN, yet not wrong.
  constexpr std::string_view kPrefix = "arn:";
  for (size_t i = 0; i < value.size() && i < kPrefix.size(); ++i) {
    if (value[i] == '*' || value[i] == '?') return true;
    if (value[i] != kPrefix[i]) return false;
  }
  return false;
}

// arn:partition:service:region:account:resource. A colon inside a `${...}` variable or a `{{...}}`
// placeholder separates no fields (the value is replaced before IAM reads the ARN). Empty when there are fewer than six.
inline std::optional<std::array<std::string_view, 6>> split(std::string_view arn) {
  std::array<std::string_view, 6> parts;
  size_t start = 0, field = 0;
  for (size_t i = 0; i < arn.size() && field < 5; ++i) {
    if (arn[i] == ':') {
      parts[field++] = arn.substr(start, i - start);
      start = i + 1;
    } else if (may_start_unknown(arn[i])) {
      if (size_t end = unknown_end(arn, i); end != std::string_view::npos) i = end - 1;
    }
  }
  if (field < 5) return std::nullopt;
  parts[5] = arn.substr(start);
  return parts;
}

inline bool valid_partition(std::string_view partition) {
  static constexpr std::array<std::string_view, 8> kPartitions = {
      "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"};
  if (is_pattern(partition)) return true;
  for (auto known : kPartitions) {
    if (partition == known) return true;
  }
  return false;
}

// AWS's Region codes: an area of 2 to `longest_area` letters, one or more lower-case words, a
// number (us-east-1, us-gov-west-1, cn-northwest-1, eu-isoe-west-1, eusc-de-east-1). IAM032 judges
// condition values with it too.
inline bool region_form(std::string_view region, size_t longest_area = 4) {
  size_t words = 0, i = 0;
  while (true) {
    size_t start = i;
    while (i < region.size() && region[i] >= 'a' && region[i] <= 'z') ++i;
    if (i == start) break;
    if (words == 0 && (i - start < 2 || i - start > longest_area)) return false;
    ++words;
    if (i == region.size() || region[i] != '-') return false;
    ++i;
  }
  if (words < 2 || i == region.size()) return false;
  for (; i < region.size(); ++i) {
    if (region[i] < '0' || region[i] > '9') return false;
  }
  return true;
}

inline bool valid_region(std::string_view region) { return region.empty() || is_pattern(region) || region_form(region); }

// One ARN format of the catalog, split into its fields.
struct ListedFormat {
  std::string_view text;     // "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"
  std::string_view service;  // its service field, or the listing service's prefix for a placeholder
  std::array<std::string_view, 6> fields;
};

// Every ARN format of every service, split once: IAM020 reads their account fields, IAM021 matches
// ARNs against them.
inline const std::vector<ListedFormat>& listed_formats() {
  static const std::vector<ListedFormat> listed = [] {
    std::vector<ListedFormat> out;
    for (catalog::ServiceId s = 0; s < catalog::service_count(); ++s) {
      for (const auto& type : catalog::service_resource_types(s)) {
        // API Gateway and Lex list two formats for a resource type, separated by ", ".
        std::string_view rest = type.arn_format;
        while (!rest.empty()) {
          size_t comma = rest.find(", ");
          std::string_view text = rest.substr(0, comma);
          rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 2);
          auto fields = split(text);
          if (!fields) continue;
          // A placeholder service (AWS Backup's recovery points, arn:...:${Vendor}:...) is read as
          // the listing service's own: the other vendors' recovery points have formats of theirs.
          std::string_view service = is_pattern((*fields)[2]) ? catalog::service_prefix(s) : (*fields)[2];
          out.push_back({text, service, *fields});
        }
      }
    }
    return out;
  }();
  return listed;
}

// The literal account fields of the catalog's ARN formats ("aws" for AWS managed policies and
// other AWS-owned resources, "offering" for MediaConnect offerings).
inline bool catalog_account(std::string_view account) {
  static const std::vector<std::string> literals = [] {
    std::vector<std::string> out;
    for (const auto& listed : listed_formats()) {
      std::string_view field = listed.fields[4];
      if (field.empty() || is_pattern(field)) continue;
      if (std::find(out.begin(), out.end(), field) == out.end()) out.emplace_back(field);
    }
    return out;
  }();
  for (const auto& literal : literals) {
    if (account == literal) return true;
  }
  return false;
}

inline bool valid_account(std::string_view account) {
  if (account.empty() || is_pattern(account) || catalog_account(account)) return true;
  if (account.size() != 12) return false;
  for (char c : account) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

inline bool has_upper(std::string_view text) {
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') return true;
  }
  return false;
}

// The first IAM020 code of an ARN's six fields, empty when each is well formed.
inline std::string_view field_problem(const std::array<std::string_view, 6>& fields) {
  if (!valid_partition(fields[1])) return "INVALID_PARTITION";
  if (!is_pattern(fields[2]) && has_upper(fields[2])) return "INVALID_ARN_SERVICE_CASE";
  if (!valid_region(fields[3])) return "INVALID_ARN_REGION";
  if (!valid_account(fields[4])) return "INVALID_ARN_ACCOUNT";
  return {};
}

// Patterns as token strings: kStar any run, kOne one character, other bytes themselves, lower case
// (ARN formats name no case: an ARN differing only in case is not reported).
inline constexpr char kStar = '\x01', kOne = '\x02';

// Writes one pattern in place at `at`, where the caller has room for the text it stands for: no
// token is longer than its text.
class PatternWriter {
 public:
  explicit PatternWriter(char* at) : start_(at), end_(at) {}
  void put(char token) { *end_++ = token; }
  void put_star() {
    if (end_ == start_ || end_[-1] != kStar) put(kStar);
  }
  std::string_view written() const { return {start_, static_cast<size_t>(end_ - start_)}; }

 private:
  char* start_;
  char* end_;
};

// An ARN field as a pattern, written at `at`: `*`, `?`, each variable and each placeholder are
// wildcards, except the escapes ${*}, ${?} and ${$}, which stand for the character.
inline std::string_view write_arn_pattern(char* at, std::string_view text) {
  PatternWriter writer(at);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (size_t end = may_start_unknown(c) ? unknown_end(text, i) : std::string_view::npos;
        end != std::string_view::npos) {
      std::string_view inner = text.substr(i + 2, end - i - (c == '$' ? 3 : 4));
      if (c == '$' && (inner == "*" || inner == "?" || inner == "$")) {
        writer.put(inner[0]);
      } else {
        writer.put_star();
      }
      i = end - 1;
    } else if (c == '*') {
      writer.put_star();
    } else {
      writer.put(c == '?' ? kOne : catalog::lower_ascii(c));
    }
  }
  return writer.written();
}

// A format field as a pattern, written at `at`: a `${...}` placeholder is one character or more,
// `*` any run.
inline std::string_view write_format_pattern(char* at, std::string_view text) {
  PatternWriter writer(at);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      size_t close = text.find('}', i + 2);
      if (close != std::string_view::npos) {
        writer.put(kOne);
        writer.put(kStar);
        i = close;
        continue;
      }
    }
    writer.put(c == '*' ? kStar : catalog::lower_ascii(c));
  }
  return writer.written();
}

// What a pattern's tokens say about the lengths of the strings it matches: `min` and up (with a
// star) or exactly `min`.
struct Lengths {
  size_t min = 0;
  size_t stars = 0;
  bool literal = false;  // whether the pattern has a literal character, which says more than a length
  bool unbounded() const { return stars > 0; }
};

inline Lengths lengths(std::string_view pattern) {
  size_t stars = 0, ones = 0;
  for (char c : pattern) {
    stars += c == kStar;
    ones += c == kOne;
  }
  return {pattern.size() - stars, stars, stars + ones < pattern.size()};
}

// Whether some length of `x` is one of `y`'s.
inline bool lengths_meet(const Lengths& x, const Lengths& y) {
  if (x.unbounded() && y.unbounded()) return true;
  if (x.unbounded()) return y.min >= x.min;
  if (y.unbounded()) return x.min >= y.min;
  return x.min == y.min;
}

// Whether `pattern` matches some string that the star-free `fixed` matches: a wildcard match with
// the last star retried one character further on a mismatch, where kOne on either side matches any
// one character. (Trying each star-free run of the pattern at its first fit is enough.)
inline bool matches_fixed(std::string_view pattern, std::string_view fixed) {
  size_t p = 0, t = 0, star = std::string_view::npos, retry = 0;
  while (t < fixed.size()) {
    if (p < pattern.size() && pattern[p] == kStar) {
      star = p++;
      retry = t;
    } else if (p < pattern.size() && (pattern[p] == fixed[t] || pattern[p] == kOne || fixed[t] == kOne)) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++retry;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == kStar) ++p;
  return p == pattern.size();
}

// Whether the two patterns agree, one token at a time, up to the first star of either.
inline bool heads_agree(std::string_view a, std::string_view b) {
  for (size_t i = 0; i < a.size() && i < b.size() && a[i] != kStar && b[i] != kStar; ++i) {
    if (a[i] != b[i] && a[i] != kOne && b[i] != kOne) return false;
  }
  return true;
}

// Whether some string matches both patterns. The literal heads and tails are compared first (that
// rules out nearly every format at once), then the cases that need no table; the rest is a table
// over (i, j): whether some string both a[i..] and b[j..] match, filled from the ends one row of i
// at a time.
inline bool overlap_tokens(std::string_view a, std::string_view b) {
  auto literal = [](char c) { return c != kStar && c != kOne; };
  size_t head = 0;
  while (head < a.size() && head < b.size() && literal(a[head]) && literal(b[head])) {
    if (a[head] != b[head]) return false;
    ++head;
  }
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && literal(a[a.size() - 1 - tail]) &&
         literal(b[b.size() - 1 - tail])) {
    if (a[a.size() - 1 - tail] != b[b.size() - 1 - tail]) return false;
    ++tail;
  }
  a = a.substr(head, a.size() - head - tail);
  b = b.substr(head, b.size() - head - tail);
  const size_t n = a.size(), m = b.size();
  // A pattern without a literal matches every string of its lengths ("*", "?", ${Name}), and a
  // pattern matches some string of each of its lengths: the lengths alone decide.
  Lengths a_lengths = lengths(a), b_lengths = lengths(b);
  if (!a_lengths.literal || !b_lengths.literal) return lengths_meet(a_lengths, b_lengths);
  if (!a_lengths.unbounded()) return matches_fixed(b, a);
  if (!b_lengths.unbounded()) return matches_fixed(a, b);
  // Both have a star. When one's only star ends it ("log-group:/aws/lambda/*"), a string both match
  // starts with what both heads match up to the first star, which then takes the rest of the other.
  if ((a_lengths.stars == 1 && a.back() == kStar) || (b_lengths.stars == 1 && b.back() == kStar)) {
    return heads_agree(a, b);
  }
  thread_local std::vector<uint8_t> rows;
  rows.assign(2 * (m + 1), 0);
  uint8_t* next = rows.data();  // row i + 1
  uint8_t* row = next + m + 1;  // row i
  // Row n: only stars of b are left to match the empty rest of a.
  next[m] = 1;
  for (size_t j = m; j-- > 0;) next[j] = b[j] == kStar && next[j + 1];
  for (size_t i = n; i-- > 0;) {
    if (a[i] == kStar) {
      // The star matches nothing more (row i + 1), or also what b[j] matches.
      row[m] = next[m];
      for (size_t j = m; j-- > 0;) row[j] = next[j] | row[j + 1];
    } else {
      const char token = a[i];
      const bool any = token == kOne;
      row[m] = 0;
      for (size_t j = m; j-- > 0;) {
        const char other = b[j];
        if (other == kStar) {
          row[j] = row[j + 1] | next[j];
        } else {
          row[j] = next[j + 1] & static_cast<uint8_t>(any | (other == token) | (other == kOne));
        }
      }
    }
    std::swap(row, next);
  }
  return next[0] != 0;
}

// overlap_tokens, with the first characters compared where it is called: most formats of a service
// differ from an ARN there.
inline bool overlap(std::string_view a, std::string_view b) {
  auto literal = [](char c) { return c != kStar && c != kOne; };
  if (!a.empty() && !b.empty() && literal(a[0]) && literal(b[0]) && a[0] != b[0]) return false;
  return overlap_tokens(a, b);
}

// One catalog ARN format, its fields as patterns (views of FormatTable::tokens).
struct Format {
  std::string_view text;     // "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"
  std::string_view service;  // the service field as a pattern ("iam")
  std::string_view region, account, resource;
  bool region_empty = false, account_empty = false;
};

// Every ARN format of every service, read once. The formats are grouped by their own service field,
// not by the service that lists them: Amazon MSK's "kafka-cluster" lists formats of "kafka".
struct FormatTable {
  std::vector<Format> formats;
  // The ARN service field -> formats.
  std::unordered_map<std::string, std::vector<uint32_t>, catalog::TransparentHash, std::equal_to<>> by_service;
  // The patterns of every format, one after another.
  std::unique_ptr<char[]> tokens;

  FormatTable();
};

inline FormatTable::FormatTable() {
  const auto& listed = listed_formats();
  size_t size = 0;
  for (const auto& [text, service, fields] : listed) {
    size += service.size() + fields[3].size() + fields[4].size() + fields[5].size();
  }
  by_service.reserve(catalog::service_count());
  tokens = std::make_unique_for_overwrite<char[]>(size);
  char* at = tokens.get();
  auto write = [&at](std::string_view text) {
    std::string_view pattern = write_format_pattern(at, text);
    at += pattern.size();
    return pattern;
  };
  formats.reserve(listed.size());
  for (const auto& [text, service, fields] : listed) {
    Format format{text, write(service), write(fields[3]), write(fields[4]), write(fields[5]),
                  fields[3].empty(), fields[4].empty()};
    auto id = static_cast<uint32_t>(formats.size());
    if (auto found = by_service.find(format.service); found != by_service.end()) {
      found->second.push_back(id);
    } else {
      by_service.emplace(std::string(format.service), std::vector<uint32_t>{id});
    }
    formats.push_back(format);
  }
}

inline const FormatTable& formats() {
  static const FormatTable table;
  return table;
}

// A policy ARN's Region, account and resource fields as patterns, views of `tokens` (so a Pattern
// is neither copied nor moved). Its service is compared as written, to find its formats.
struct Pattern {
  std::string tokens;
  std::string_view region, account, resource;

  explicit Pattern(const std::array<std::string_view, 6>& fields)
      : tokens(fields[3].size() + fields[4].size() + fields[5].size(), '\0') {
    char* at = tokens.data();
    auto write = [&at](std::string_view text) {
      std::string_view pattern = write_arn_pattern(at, text);
      at += pattern.size();
      return pattern;
    };
    region = write(fields[3]);
    account = write(fields[4]);
    resource = write(fields[5]);
  }
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;
};

}  // namespace mfalint::checks::arn
