#include "input/adapters.h"
#include "input/cloudformation.h"
#include "input/yaml_tree.h"

namespace mfalint::input {
namespace {

// The offset of the first byte that is not valid UTF-8, if any. The JSON reader validates its
// input; yaml-cpp does not, and a policy must not carry undecodable bytes into findings.
std::optional<uint32_t> invalid_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return static_cast<uint32_t>(i);
    for (size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return static_cast<uint32_t>(i);
    }
    i += length;
  }
  return std::nullopt;
}

}  // namespace

bool looks_like_cloudformation(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text.find("AWSTemplateFormatVersion") != std::string_view::npos || text.starts_with("Resources:") ||
         text.find("\nResources:") != std::string_view::npos || text.find("\"Resources\"") != std::string_view::npos;
}

void load_cloudformation_yaml(LoadedFile& file) {
  const std::string& text = file.source->text();
  if (auto bad = invalid_utf8(text)) {
    fail(file, "invalid YAML: the file is not UTF-8 encoded", *bad);
    return;
  }
  auto parsed = parse_yaml(text);
  if (!parsed.root) {
    fail(file, parsed.error, parsed.error_offset);
    return;
  }
  if (is_cloudformation(*parsed.root)) load_cloudformation(*parsed.root, file, yaml_string_text);
}

}  // namespace mfalint::input
