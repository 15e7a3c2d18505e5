#include "session/credentials_file.h"

#include <algorithm>
#include <cctype>

namespace mfalint::session {
namespace {

std::string entry_line(const ProfileValue& value, const std::string& eol) {
  return value.key + " = " + value.value + eol;
}

void ensure_eol(std::string& raw, const std::string& eol) {
  if (!raw.empty() && raw.back() != '\n') raw += eol;
}

std::string appended_section(const IniDocument& document, std::string_view section,
                             const std::vector<ProfileValue>& values) {
  std::string text;
  for (const auto& line : document.lines) text += line.raw;
  ensure_eol(text, document.eol);
  bool ends_blank = document.lines.empty() || document.lines.back().kind == IniLine::Kind::blank;
  if (!ends_blank) text += document.eol;  // a blank line between profiles, as `aws configure` writes
  text += "[" + std::string(section) + "]" + document.eol;
  for (const auto& value : values) text += entry_line(value, document.eol);
  return text;
}

// As parse_ini trims: a line of only such characters is blank.
bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// The next section's header, when indented, would read as a continuation of an entry written just
// before it (configparser, and so the AWS CLI, continues a value over any later line indented more
// than its key, blank lines between included): it loses its indent. Found by fuzz_ini.
void unindent_next_header(std::vector<std::string>& lines, std::size_t from) {
  for (std::size_t i = from; i < lines.size(); ++i) {
    std::string& raw = lines[i];
    auto first = std::find_if_not(raw.begin(), raw.end(), is_space);
    if (first == raw.end() || *first == '#' || *first == ';') continue;
    raw.erase(raw.begin(), first);
    return;
  }
}

}  // namespace

std::string with_profile_values(const IniDocument& document, std::string_view section,
                                const std::vector<ProfileValue>& values) {
  auto header = std::find_if(document.lines.begin(), document.lines.end(), [&](const IniLine& line) {
    return line.kind == IniLine::Kind::section && line.section == section;
  });
  if (header == document.lines.end()) return appended_section(document, section, values);

  std::vector<std::string> lines;
  std::vector<bool> written(values.size(), false);
  std::size_t insert_at = 0;  // in `lines`: just after the section's header or last entry
  bool in_target = false;
  bool dropping_continuation = false;
  for (const auto& line : document.lines) {
    if (line.kind == IniLine::Kind::section) in_target = &line == &*header;
    if (!in_target) {
      lines.push_back(line.raw);
      continue;
    }
    if (line.kind == IniLine::Kind::continuation && dropping_continuation) continue;
    dropping_continuation = false;
    std::string raw = line.raw;
    if (line.kind == IniLine::Kind::entry) {
      auto match = std::find_if(values.begin(), values.end(), [&](const ProfileValue& v) { return v.key == line.key; });
      if (match != values.end()) {
        auto index = static_cast<std::size_t>(match - values.begin());
        raw = entry_line(*match, line.raw.ends_with("\r\n") ? "\r\n" : document.eol);
        written[index] = true;
        dropping_continuation = true;
      }
    }
    lines.push_back(raw);
    if (line.kind != IniLine::Kind::blank && line.kind != IniLine::Kind::comment) insert_at = lines.size();
  }

  std::vector<std::string> missing;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!written[i]) missing.push_back(entry_line(values[i], document.eol));
  }
  if (!missing.empty()) ensure_eol(lines[insert_at - 1], document.eol);
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(insert_at), missing.begin(), missing.end());
  if (!missing.empty()) unindent_next_header(lines, insert_at + missing.size());

  std::string text;
  for (const auto& raw : lines) text += raw;
  return text;
}

}  // namespace mfalint::session
