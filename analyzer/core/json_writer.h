#pragma once
// The writer of every JSON document mfalint prints: RapidJSON's PrettyWriter over a buffered
// stream. RapidJSON's OStreamWrapper calls std::ostream::put for each character, which dominated
// `check --format json` on large reports (bench/README.md).

#include "core/parallel_for.h"

#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace mfalint {

// Collects the text and hands it to `out` (or appends it to `text`) in large blocks. The writer
// flushes it when the document ends; destruction flushes what an unfinished document left.
class JsonOutputStream {
 public:
  using Ch = char;

  explicit JsonOutputStream(std::ostream& out) : out_(&out), buffer_(kBlock) {}
  explicit JsonOutputStream(std::string& text) : text_(&text), buffer_(kBlock) {}
  JsonOutputStream(const JsonOutputStream&) = delete;
  JsonOutputStream& operator=(const JsonOutputStream&) = delete;
  ~JsonOutputStream() { Flush(); }

  void Put(char c) {
    if (size_ == buffer_.size()) Flush();
    buffer_[size_++] = c;
  }
  void Flush() {
    write_out(buffer_.data(), size_);
    size_ = 0;
  }

  // Room for `count` more characters, for the writer's unchecked puts (a string's worst case).
  void reserve(size_t count) {
    if (size_ + count <= buffer_.size()) return;
    Flush();
    if (count > buffer_.size()) buffer_.resize(count);
  }
  void put_unchecked(char c) { buffer_[size_++] = c; }
  void put_repeated(char c, size_t count) {
    reserve(count);
    std::memset(buffer_.data() + size_, c, count);
    size_ += count;
  }
  // `text` between double quotes, as it is.
  void put_quoted(std::string_view text) {
    reserve(text.size() + 2);
    buffer_[size_++] = '"';
    text.copy(buffer_.data() + size_, text.size());
    size_ += text.size();
    buffer_[size_++] = '"';
  }
  // Text that is already JSON, as it is.
  void put_raw(std::string_view text) {
    if (text.size() > buffer_.size()) {
      Flush();
      write_out(text.data(), text.size());
      return;
    }
    reserve(text.size());
    text.copy(buffer_.data() + size_, text.size());
    size_ += text.size();
  }

 private:
  void write_out(const char* data, size_t size) {
    if (text_) {
      text_->append(data, size);
    } else {
      out_->write(data, static_cast<std::streamsize>(size));
    }
  }

  static constexpr size_t kBlock = 1 << 16;
  std::ostream* out_ = nullptr;
  std::string* text_ = nullptr;
  std::vector<char> buffer_;
  size_t size_ = 0;
};

// RapidJSON's writer reserves before each value and then writes unchecked; found by
// argument-dependent lookup, these are preferred to its do-nothing defaults.
inline void PutReserve(JsonOutputStream& stream, size_t count) { stream.reserve(count); }
inline void PutUnsafe(JsonOutputStream& stream, char c) { stream.put_unchecked(c); }
// The indentation, in one block.
inline void PutN(JsonOutputStream& stream, char c, size_t count) { stream.put_repeated(c, count); }

// Whether JSON must escape a byte of `text`: a control character, '"' or '\\'. Sixteen or eight
// bytes at a time: byte by byte it weighed on writing a report (bench/README.md, "Writing").
inline bool needs_json_escape(std::string_view text) {
  size_t i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= text.size(); i += 16) {
    __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    __m128i control = _mm_cmpeq_epi8(_mm_subs_epu8(bytes, _mm_set1_epi8(0x1F)), _mm_setzero_si128());  // <= 0x1F
    __m128i quote = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('"'));
    __m128i backslash = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'));
    if (_mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash))) != 0) return true;
  }
#endif
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighBits = 0x8080808080808080ull;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    uint64_t quote = word ^ (kOnes * '"'), backslash = word ^ (kOnes * '\\');
    // A byte below 0x20, or a zero byte of `quote` or `backslash`, sets its high bit here.
    uint64_t below_space = (word - kOnes * 0x20) & ~word;
    uint64_t is_quote = (quote - kOnes) & ~quote, is_backslash = (backslash - kOnes) & ~backslash;
    if ((below_space | is_quote | is_backslash) & kHighBits) return true;
  }
  for (; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == '"' || c == '\\') return true;
  }
  return false;
}

class JsonWriter : public rapidjson::PrettyWriter<JsonOutputStream> {
 public:
  using PrettyWriter::PrettyWriter;

  // A string value. Most strings of a report need no escaping (action names, paths, most
  // messages): those are copied in one block, where RapidJSON looks at every character. The
  // output is the same.
  void string(std::string_view value) {
    if (needs_json_escape(value)) {
      String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
      return;
    }
    PrettyPrefix(rapidjson::kStringType);
    os_->put_quoted(value);
    EndValue(true);
  }

  // A key is a string to PrettyWriter (its Key is its String): keys take the same one-block path.
  using PrettyWriter::Key;
  bool Key(const char* name) {
    string(name);
    return true;
  }

  // Writes `count` elements into the array being written, `write(w, i)` writing element i to a
  // writer `w` nested as this one is. With `jobs` > 1, batches of elements are rendered on that
  // many threads and written in order: the text is the same as with one. Writing a large report's
  // findings was about an eighth of `check`'s instructions, all on one thread.
  template <class WriteElement>
  void elements(size_t count, unsigned jobs, WriteElement write) {
    constexpr size_t kChunk = 256;  // elements a thread renders at a time
    if (jobs <= 1 || count <= kChunk) {
      for (size_t i = 0; i < count; ++i) write(*this, i);
      return;
    }
    std::vector<std::string> chunks(size_t{jobs} * 4);  // reused batch after batch: their memory too
    for (size_t first = 0; first < count; first += chunks.size() * kChunk) {
      size_t in_batch = std::min(chunks.size(), (count - first + kChunk - 1) / kChunk);
      parallel_for(in_batch, jobs, [&](size_t c) {
        chunks[c].clear();
        JsonOutputStream stream(chunks[c]);
        JsonWriter fragment(stream);
        size_t begin = first + c * kChunk;
        fragment.continue_array_of(*this, begin);
        for (size_t i = begin; i < std::min(count, begin + kChunk); ++i) write(fragment, i);
      });
      for (size_t c = 0; c < in_batch; ++c) os_->put_raw(chunks[c]);
    }
    level_stack_.template Top<Level>()->valueCount += count;
  }

 private:
  // Starts where `outer` is, inside an array, as if `written` more elements had gone into that
  // array: the next element is written as `outer` would write it there.
  void continue_array_of(const JsonWriter& outer, size_t written) {
    SetIndent(outer.indentChar_, outer.indentCharCount_);
    hasRoot_ = true;
    const auto& levels = outer.level_stack_;
    for (const Level* level = levels.template Bottom<Level>(); level != levels.template End<Level>(); ++level) {
      *level_stack_.template Push<Level>() = *level;
    }
    level_stack_.template Top<Level>()->valueCount += written;
  }
};

inline void write_field(JsonWriter& w, const char* key, std::string_view value) {
  w.Key(key);
  w.string(value);
}

}  // namespace mfalint
