#pragma once
// Where a value sits in the user's file. Every input adapter maps positions back to the file the
// user wrote (a policy inside a Terraform string, a CloudFormation YAML node) through SourceFile.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mfalint {

struct Location {
  uint32_t offset = 0;      // byte offset of the first byte
  uint32_t end_offset = 0;  // byte offset one past the last byte
  uint32_t line = 0;        // 1-based; 0 means "no position" (a whole-file problem)
  uint32_t column = 0;      // 1-based, in Unicode code points
  uint32_t end_line = 0;
  uint32_t end_column = 0;  // 1-based, one past the last character
};

// The bytes of one input file and its line table: the single place that turns byte offsets into
// lines and columns.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  // `near_line` only saves time: a line the value probably starts on or after (the line of the
  // value located before it), 0 for none.
  Location locate(uint32_t offset, uint32_t end_offset, uint32_t near_line = 0) const;
  // The text of 1-based line `line`, without its line break.
  std::string_view line_text(uint32_t line) const;
  // The same file with only `lines` kept, the others read as empty: what a report shows of a file
  // once it is analyzed (the lines of its findings), at a fraction of its memory. An excerpt
  // answers path() and line_text() only.
  std::shared_ptr<const SourceFile> excerpt(std::vector<uint32_t> lines) const;

 private:
  // The line and column of `offset`, which is on 1-based line `from_line` or after (0: anywhere).
  void position(uint32_t offset, uint32_t& line, uint32_t& column, uint32_t from_line) const;

  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
  bool ascii_ = true;  // every byte is a character: a column is a byte count
  // In an excerpt, the file's number of each line of `text_`, ascending; empty in a whole file.
  std::vector<uint32_t> kept_lines_;
};

// A text that was decoded out of a SourceFile (a JSON string holding a policy, a YAML block
// scalar): `outer[i]` is the file offset of the byte that produced byte i of `text`, so positions
// in the embedded text map back to the user's file.
struct EmbeddedText {
  std::string text;
  std::vector<uint32_t> outer;  // size text.size() + 1; the last entry maps the end position
};

}  // namespace mfalint
