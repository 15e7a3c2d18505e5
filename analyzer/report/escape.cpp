#include "report/escape.h"

#include <cstdint>
#include <optional>

namespace mfalint::report {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The code point of the well-formed UTF-8 sequence at `text[i]`, advancing `i` past it; nullopt
// (and `i` past one byte) when the bytes there are not one.
std::optional<char32_t> next_code_point(std::string_view text, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > text.size()) {
    ++i;
    return std::nullopt;
  }
  char32_t code = length == 1 ? lead : lead & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return std::nullopt;
    }
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  constexpr char32_t kShortest[] = {0, 0, 0x80, 0x800, 0x10000};  // smaller is an overlong form
  if (code < kShortest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    ++i;
    return std::nullopt;
  }
  i += length;
  return code;
}

bool xml_can_carry(char32_t code) {
  if (code < 0x20) return code == '\t' || code == '\n' || code == '\r';
  return code != 0xFFFE && code != 0xFFFF;
}

// Copies `text` to a new string, each character either kept or replaced by U+FFFD.
template <typename Keep>
std::string filtered(std::string_view text, Keep keep) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    auto code = next_code_point(text, i);
    if (code && keep(*code)) {
      out.append(text.substr(start, i - start));
    } else {
      out.append(kReplacement);
    }
  }
  return out;
}

}  // namespace

std::string valid_utf8(std::string_view text) {
  return filtered(text, [](char32_t) { return true; });
}

std::string printable(std::string_view text) { return filtered(text, xml_can_carry); }

std::string xml_escape(std::string_view text, XmlPlace place) {
  std::string out;
  out.reserve(text.size());
  for (char c : printable(text)) {
    switch (c) {
      case '&': out.append("&amp;"); break;
      case '<': out.append("&lt;"); break;
      case '>': out.append("&gt;"); break;
      case '"': out.append(place == XmlPlace::Attribute ? "&quot;" : "\""); break;
      case '\'': out.append(place == XmlPlace::Attribute ? "&#39;" : "'"); break;
      case '\r': out.append("&#13;"); break;  // a literal CR would be read back as a line feed
      case '\n': out.append(place == XmlPlace::Attribute ? "&#10;" : "\n"); break;
      case '\t': out.append(place == XmlPlace::Attribute ? "&#9;" : "\t"); break;
      default: out.push_back(c);
    }
  }
  return out;
}

}  // namespace mfalint::report
