#pragma once
// The AWS credentials and config files, read the way botocore's configparser reads them, line by
// line, keeping each line's exact bytes so an editor can change one profile and nothing else.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mfalint::session {

struct IniLine {
  enum class Kind { blank, comment, section, entry, continuation };
  Kind kind = Kind::blank;
  std::string raw;      // the line exactly as in the file, end of line included
  std::string section;  // the section the line belongs to (a header's own name); "" before any
  std::string key;      // entries: the key, lower-cased as configparser does
  std::string value;    // entries: the value, trimmed
};

struct IniDocument {
  std::vector<IniLine> lines;
  std::string eol = "\n";  // "\r\n" when the file uses it, for lines an editor adds
};

// What configparser refuses (a line that is no header, entry or comment; an entry before any header;
// a section or a key given twice) is refused here too: "FILE line N: what is wrong".
IniDocument parse_ini(std::string_view text, std::string_view file_name);

bool has_section(const IniDocument& document, std::string_view section);
std::optional<std::string> find_value(const IniDocument& document, std::string_view section, std::string_view key);

}  // namespace mfalint::session
