#pragma once
// A JSON document as a tree whose every value knows where it is in the user's file. Duplicate
// keys are kept (in order) so that checks can see them; RapidJSON's DOM would silently pick one.

#include "core/location.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mfalint {

struct JsonNode {
  enum class Kind : uint8_t { Null, False, True, Number, String, Array, Object };

  Kind kind = Kind::Null;
  uint32_t begin = 0;  // file offsets of the value's first byte and one past its last
  uint32_t end = 0;
  std::string text;  // String: the decoded value; Number: the digits as written
  std::vector<JsonNode> items;  // Array elements, or Object member values
  struct Key {
    std::string name;
    uint32_t begin = 0;
    uint32_t end = 0;
  };
  std::vector<Key> keys;  // Object member keys, parallel to `items`

  bool is_object() const { return kind == Kind::Object; }
  bool is_array() const { return kind == Kind::Array; }
  bool is_string() const { return kind == Kind::String; }
  // The first member named `name` (exact case), or null.
  const JsonNode* find(std::string_view name) const;
};

std::string_view json_kind_name(JsonNode::Kind kind);  // "object", "string", ...

struct JsonParseResult {
  std::optional<JsonNode> root;
  std::string error;  // set when root is empty
  uint32_t error_offset = 0;
};

// Deeper documents are refused: no IAM policy nests this deep, and it keeps tree teardown shallow.
inline constexpr int kMaxJsonDepth = 512;

// Parses UTF-8 JSON (a leading BOM is accepted) with RapidJSON's iterative SAX reader. When
// `outer` is given, `text` was decoded from the file and offsets are mapped through it.
JsonParseResult parse_json(const std::string& text, const std::vector<uint32_t>* outer = nullptr);

// Decodes the JSON string literal at file offsets [begin, end) (quotes included) of `file`,
// keeping, for each decoded byte, the file offset it came from: a policy held in a string.
EmbeddedText decode_json_string(const SourceFile& file, uint32_t begin, uint32_t end);

}  // namespace mfalint
