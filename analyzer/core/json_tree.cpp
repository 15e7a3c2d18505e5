#include "core/json_tree.h"

#include <rapidjson/encodings.h>
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <fmt/core.h>

#include <bit>
#include <iterator>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace mfalint {
namespace {

constexpr bool is_json_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// A RapidJSON input stream over a string that starts at `start`, so Tell() is a file offset. The
// position never passes the string's end, where its terminating NUL reads as the end of input:
// Peek needs no bounds check (bench/README.md has what the check cost).
class ViewStream {
 public:
  using Ch = char;
  ViewStream(const std::string& text, size_t start) : text_(text), pos_(start) {}
  Ch Peek() const { return text_.data()[pos_]; }
  Ch Take() {
    Ch c = text_.data()[pos_];
    pos_ += pos_ < text_.size();
    return c;
  }
  size_t Tell() const { return pos_; }
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  size_t PutEnd(Ch*) { return 0; }

  // The reader skips white space before every token, so where the last skip ended is where the
  // token being read began: the start of a scalar, which the handler is not told.
  void skip_whitespace() {
    const char* const data = text_.data();
    const char* p = data + pos_;
    const char* const end = data + text_.size();
    if (p != end && is_json_space(*p)) {
      ++p;
#if defined(__SSE2__)
      // Pretty-printed policies indent every line: sixteen bytes at a time, where RapidJSON's
      // reader takes one.
      while (end - p >= 16) {
        __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        __m128i spaces = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n'))),
            _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\t'))));
        auto others = static_cast<unsigned>(~_mm_movemask_epi8(spaces)) & 0xFFFFu;
        if (others != 0) {
          p += std::countr_zero(others);
          break;
        }
        p += 16;
      }
#endif
      while (p != end && is_json_space(*p)) ++p;
    }
    pos_ = static_cast<size_t>(p - data);
    token_start_ = pos_;
  }
  size_t token_start() const { return token_start_; }

 private:
  std::string_view text_;
  size_t pos_;
  size_t token_start_ = 0;
};

// Found by argument-dependent lookup, preferred to RapidJSON's character-at-a-time template.
void SkipWhitespace(ViewStream& stream) { stream.skip_whitespace(); }

// The children of the containers still open, innermost last. A container takes its items and
// keys in one allocation of the right size when it closes: pushed one by one, an array of 12,000
// actions grew fourteen times, moving every node each time. Each thread keeps the lists' memory
// for its next document.
struct Pending {
  std::vector<JsonNode> items;
  std::vector<JsonNode::Key> keys;
};

class TreeBuilder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TreeBuilder> {
 public:
  TreeBuilder(const ViewStream& stream, const std::vector<uint32_t>* outer) : stream_(stream), outer_(outer) {
    std::swap(pending_, kept_pending);
  }
  ~TreeBuilder() {
    pending_.items.clear();
    pending_.keys.clear();
    std::swap(pending_, kept_pending);
  }
  TreeBuilder(const TreeBuilder&) = delete;
  TreeBuilder& operator=(const TreeBuilder&) = delete;

  bool Null() { return scalar(JsonNode::Kind::Null, {}); }
  bool Bool(bool value) { return scalar(value ? JsonNode::Kind::True : JsonNode::Kind::False, {}); }
  bool RawNumber(const char* str, rapidjson::SizeType length, bool) {
    return scalar(JsonNode::Kind::Number, {str, length});
  }
  bool String(const char* str, rapidjson::SizeType length, bool) { return scalar(JsonNode::Kind::String, {str, length}); }
  bool Key(const char* str, rapidjson::SizeType length, bool) {
    auto end = static_cast<uint32_t>(stream_.Tell());
    pending_.keys.push_back({std::string(str, length), map(token_start()), map(end)});
    return true;
  }
  bool StartObject() { return open(JsonNode::Kind::Object); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool StartArray() { return open(JsonNode::Kind::Array); }
  bool EndArray(rapidjson::SizeType) { return close(); }

  bool too_deep = false;
  std::optional<JsonNode> root;

 private:
  uint32_t map(size_t offset) const {
    if (!outer_) return static_cast<uint32_t>(offset);
    return (*outer_)[std::min(offset, outer_->size() - 1)];
  }
  uint32_t token_start() const { return static_cast<uint32_t>(stream_.token_start()); }
  // Made where it stays: a node is 88 bytes, and most of a document's nodes are scalars.
  bool scalar(JsonNode::Kind kind, std::string_view text) {
    JsonNode& node = stack_.empty() ? root.emplace() : pending_.items.emplace_back();
    node.kind = kind;
    node.begin = map(token_start());
    node.end = map(stream_.Tell());
    node.text = text;
    return true;
  }
  bool open(JsonNode::Kind kind) {
    if (stack_.size() >= kMaxJsonDepth) {
      too_deep = true;
      return false;
    }
    // The iterative parser calls Start*/End* before it takes the bracket: Tell() is at it.
    Open open{{}, pending_.items.size(), pending_.keys.size()};
    open.node.kind = kind;
    open.node.begin = map(stream_.Tell());
    stack_.push_back(std::move(open));
    return true;
  }
  bool close() {
    Open& open = stack_.back();
    JsonNode node = std::move(open.node);
    take_tail(pending_.items, open.first_item, node.items);
    take_tail(pending_.keys, open.first_key, node.keys);
    stack_.pop_back();
    node.end = map(stream_.Tell() + 1);
    return attach(std::move(node));
  }
  bool attach(JsonNode node) {
    if (stack_.empty()) {
      root = std::move(node);
    } else {
      pending_.items.push_back(std::move(node));
    }
    return true;
  }
  template <class T>
  static void take_tail(std::vector<T>& from, size_t first, std::vector<T>& to) {
    auto tail = from.begin() + static_cast<std::ptrdiff_t>(first);
    to.assign(std::make_move_iterator(tail), std::make_move_iterator(from.end()));
    from.erase(tail, from.end());
  }

  struct Open {
    JsonNode node;
    size_t first_item;  // where its items and keys start in pending_
    size_t first_key;
  };
  static thread_local Pending kept_pending;

  const ViewStream& stream_;
  const std::vector<uint32_t>* outer_;
  Pending pending_;
  std::vector<Open> stack_;
};

thread_local Pending TreeBuilder::kept_pending;

}  // namespace

const JsonNode* JsonNode::find(std::string_view name) const {
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].name == name) return &items[i];
  }
  return nullptr;
}

std::string_view json_kind_name(JsonNode::Kind kind) {
  switch (kind) {
    case JsonNode::Kind::Null: return "null";
    case JsonNode::Kind::False:
    case JsonNode::Kind::True: return "boolean";
    case JsonNode::Kind::Number: return "number";
    case JsonNode::Kind::String: return "string";
    case JsonNode::Kind::Array: return "array";
    case JsonNode::Kind::Object: return "object";
  }
  return "value";
}

JsonParseResult parse_json(const std::string& text, const std::vector<uint32_t>* outer) {
  size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  ViewStream stream(text, start);
  TreeBuilder builder(stream, outer);
  rapidjson::Reader reader;
  constexpr unsigned kFlags =
      rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNumbersAsStringsFlag;
  auto ok = reader.Parse<kFlags>(stream, builder);
  JsonParseResult result;
  if (ok) {
    result.root = std::move(builder.root);
    return result;
  }
  auto offset = reader.GetErrorOffset();
  result.error_offset = outer ? (*outer)[std::min(offset, outer->size() - 1)] : static_cast<uint32_t>(offset);
  if (builder.too_deep) {
    result.error = fmt::format("JSON nested deeper than {} levels", kMaxJsonDepth);
  } else if (reader.GetParseErrorCode() == rapidjson::kParseErrorDocumentEmpty) {
    result.error = "empty document: expected a JSON value";
  } else {
    result.error = fmt::format("invalid JSON: {}", rapidjson::GetParseError_En(reader.GetParseErrorCode()));
  }
  return result;
}

EmbeddedText decode_json_string(const SourceFile& file, uint32_t begin, uint32_t end) {
  EmbeddedText out;
  const std::string& text = file.text();
  uint32_t i = begin + 1;  // after the opening quote
  uint32_t stop = end > begin ? end - 1 : begin;  // at the closing quote
  auto emit = [&](char c, uint32_t from) {
    out.text.push_back(c);
    out.outer.push_back(from);
  };
  auto emit_code_point = [&](uint32_t cp, uint32_t from) {
    if (cp < 0x80) {
      emit(static_cast<char>(cp), from);
    } else if (cp < 0x800) {
      emit(static_cast<char>(0xC0 | (cp >> 6)), from);
      emit(static_cast<char>(0x80 | (cp & 0x3F)), from);
    } else if (cp < 0x10000) {
      emit(static_cast<char>(0xE0 | (cp >> 12)), from);
      emit(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), from);
      emit(static_cast<char>(0x80 | (cp & 0x3F)), from);
    } else {
      emit(static_cast<char>(0xF0 | (cp >> 18)), from);
      emit(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)), from);
      emit(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), from);
      emit(static_cast<char>(0x80 | (cp & 0x3F)), from);
    }
  };
  auto hex4 = [&](uint32_t at) -> uint32_t {
    uint32_t value = 0;
    for (uint32_t k = 0; k < 4 && at + k < stop; ++k) {
      char c = text[at + k];
      value <<= 4;
      if (c >= '0' && c <= '9') value |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') value |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') value |= static_cast<uint32_t>(c - 'A' + 10);
    }
    return value;
  };
  while (i < stop) {
    char c = text[i];
    if (c != '\\' || i + 1 >= stop) {
      emit(c, i);
      ++i;
      continue;
    }
    char escape = text[i + 1];
    switch (escape) {
      case 'n': emit('\n', i); break;
      case 't': emit('\t', i); break;
      case 'r': emit('\r', i); break;
      case 'b': emit('\b', i); break;
      case 'f': emit('\f', i); break;
      case 'u': {
        uint32_t cp = hex4(i + 2);
        uint32_t length = 6;
        if (cp >= 0xD800 && cp < 0xDC00 && i + 11 < stop && text[i + 6] == '\\' && text[i + 7] == 'u') {
          uint32_t low = hex4(i + 8);
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          length = 12;
        }
        emit_code_point(cp, i);
        i += length;
        continue;
      }
      default: emit(escape, i); break;  // \" \\ \/
    }
    i += 2;
  }
  out.outer.push_back(stop);
  return out;
}

}  // namespace mfalint
