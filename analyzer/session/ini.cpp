#include "session/ini.h"

#include "session/error.h"

#include "catalog/text.h"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

namespace mfalint::session {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::size_t indent_of(std::string_view line) {
  std::size_t indent = 0;
  while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t')) ++indent;
  return indent;
}

}  // namespace

IniDocument parse_ini(std::string_view text, std::string_view file_name) {
  IniDocument document;
  std::string section;
  bool in_section = false;
  bool continuable = false;  // the last line was an entry, or continued one
  std::size_t entry_indent = 0;
  std::set<std::string> sections;
  std::set<std::pair<std::string, std::string>> keys;
  std::size_t number = 0;
  auto fail = [&](std::string_view what) {
    throw Error(fmt::format("{} line {}: {}", file_name, number, what));
  };

  std::size_t start = 0;
  while (start < text.size()) {
    ++number;
    auto end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    IniLine line;
    line.raw = std::string(text.substr(start, end - start));
    start = end;
    if (line.raw.ends_with("\r\n")) document.eol = "\r\n";
    std::string_view content = trim(line.raw);
    line.section = section;

    if (content.empty()) {
      line.kind = IniLine::Kind::blank;
    } else if (content.front() == '#' || content.front() == ';') {
      line.kind = IniLine::Kind::comment;
    } else if (continuable && indent_of(line.raw) > entry_indent) {
      line.kind = IniLine::Kind::continuation;
    } else if (content.front() == '[') {
      auto close = content.rfind(']');
      if (close == std::string_view::npos || close < 2) fail("a section header must be [NAME]");
      section = std::string(content.substr(1, close - 1));
      if (!sections.insert(section).second) fail(fmt::format("section [{}] appears twice", section));
      in_section = true;
      continuable = false;
      line.kind = IniLine::Kind::section;
      line.section = section;
    } else {
      if (!in_section) fail("an entry before any [section] header");
      auto separator = content.find_first_of("=:");
      if (separator == std::string_view::npos) fail("expected KEY = VALUE");
      line.key = catalog::to_lower(trim(content.substr(0, separator)));
      if (line.key.empty()) fail("an entry with no key");
      if (!keys.emplace(section, line.key).second) {
        fail(fmt::format("key {} appears twice in section [{}]", line.key, section));
      }
      line.value = std::string(trim(content.substr(separator + 1)));
      line.kind = IniLine::Kind::entry;
      entry_indent = indent_of(line.raw);
      continuable = true;
    }
    document.lines.push_back(std::move(line));
  }
  return document;
}

bool has_section(const IniDocument& document, std::string_view section) {
  return std::any_of(document.lines.begin(), document.lines.end(), [&](const IniLine& line) {
    return line.kind == IniLine::Kind::section && line.section == section;
  });
}

std::optional<std::string> find_value(const IniDocument& document, std::string_view section, std::string_view key) {
  for (const auto& line : document.lines) {
    if (line.kind == IniLine::Kind::entry && line.section == section && line.key == key) return line.value;
  }
  return std::nullopt;
}

}  // namespace mfalint::session
