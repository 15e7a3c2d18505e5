#pragma once
// The writer of every JSON document mfalint prints: RapidJSON's PrettyWriter over a buffered
// stream. RapidJSON's OStreamWrapper calls std::ostream::put for each character, which was a fifth
// of `check --format json`'s time on large reports.

#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <ostream>
#include <string_view>
#include <vector>

namespace mfalint {

// Collects the text and hands it to `out` in large blocks. The writer flushes it when the
// document ends; destruction flushes what an unfinished document left.
class JsonOutputStream {
 public:
  using Ch = char;

  explicit JsonOutputStream(std::ostream& out) : out_(out), buffer_(kBlock) {}
  JsonOutputStream(const JsonOutputStream&) = delete;
  JsonOutputStream& operator=(const JsonOutputStream&) = delete;
  ~JsonOutputStream() { Flush(); }

  void Put(char c) {
    if (size_ == buffer_.size()) Flush();
    buffer_[size_++] = c;
  }
  void Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(size_));
    size_ = 0;
  }

  // Room for `count` more characters, for the writer's unchecked puts (a string's worst case).
  void reserve(size_t count) {
    if (size_ + count <= buffer_.size()) return;
    Flush();
    if (count > buffer_.size()) buffer_.resize(count);
  }
  void put_unchecked(char c) { buffer_[size_++] = c; }
  // `text` between double quotes, as it is.
  void put_quoted(std::string_view text) {
    reserve(text.size() + 2);
    buffer_[size_++] = '"';
    text.copy(buffer_.data() + size_, text.size());
    size_ += text.size();
    buffer_[size_++] = '"';
  }

 private:
  static constexpr size_t kBlock = 1 << 16;
  std::ostream& out_;
  std::vector<char> buffer_;
  size_t size_ = 0;
};

// RapidJSON's writer reserves before each value and then writes unchecked; found by
// argument-dependent lookup, these are preferred to its do-nothing defaults.
inline void PutReserve(JsonOutputStream& stream, size_t count) { stream.reserve(count); }
inline void PutUnsafe(JsonOutputStream& stream, char c) { stream.put_unchecked(c); }

class JsonWriter : public rapidjson::PrettyWriter<JsonOutputStream> {
 public:
  using PrettyWriter::PrettyWriter;

  // A string value. Most strings of a report need no escaping (action names, paths, most
  // messages): those are copied in one block, where RapidJSON looks at every character. The
  // output is the same.
  void string(std::string_view value) {
    bool plain = std::none_of(value.begin(), value.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\';
    });
    if (!plain) {
      String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
      return;
    }
    PrettyPrefix(rapidjson::kStringType);
    os_->put_quoted(value);
    EndValue(true);
  }
};

inline void write_field(JsonWriter& w, const char* key, std::string_view value) {
  w.Key(key);
  w.string(value);
}

}  // namespace mfalint
