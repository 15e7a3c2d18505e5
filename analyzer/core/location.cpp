#include "core/location.h"

#include <algorithm>
#include <cstring>

namespace mfalint {
namespace {

// Eight bytes at a time: every byte of every file is asked, and a loop over bytes cost as much as
// finding the line breaks.
bool is_ascii(std::string_view text) {
  uint64_t high_bits = 0;
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    high_bits |= word;
  }
  for (; i < text.size(); ++i) high_bits |= static_cast<unsigned char>(text[i]);
  return (high_bits & 0x8080808080808080ull) == 0;
}

}  // namespace

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  const char* begin = text_.data();
  const char* end = begin + text_.size();
  for (const char* at = begin; (at = static_cast<const char*>(std::memchr(at, '\n', end - at))) != nullptr; ++at) {
    line_starts_.push_back(static_cast<uint32_t>(at + 1 - begin));
  }
  ascii_ = is_ascii(text_);
}

void SourceFile::position(uint32_t offset, uint32_t& line, uint32_t& column, uint32_t from_line) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  // Most values end on the line they start on or a few after: the next few lines are searched
  // before the rest of the file.
  auto first = line_starts_.begin() + from_line;
  auto near = first + std::min<ptrdiff_t>(4, line_starts_.end() - first);
  auto it = std::upper_bound(first, near, offset);
  if (it == near) it = std::upper_bound(near, line_starts_.end(), offset);
  auto index = static_cast<uint32_t>(it - line_starts_.begin());  // 1-based line number
  line = index;
  uint32_t start = line_starts_[index - 1];
  if (ascii_) {
    column = offset - start + 1;
    return;
  }
  uint32_t code_points = 0;
  for (uint32_t i = start; i < offset; ++i) {
    // Continuation bytes (10xxxxxx) do not start a character.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++code_points;
  }
  column = code_points + 1;
}

Location SourceFile::locate(uint32_t offset, uint32_t end_offset, uint32_t near_line) const {
  Location loc;
  loc.offset = offset;
  loc.end_offset = std::max(offset, end_offset);
  bool after_near = near_line > 0 && near_line <= line_starts_.size() && line_starts_[near_line - 1] <= offset;
  position(loc.offset, loc.line, loc.column, after_near ? near_line : 0);
  position(loc.end_offset, loc.end_line, loc.end_column, loc.line);
  return loc;
}

std::string_view SourceFile::line_text(uint32_t line) const {
  if (!kept_lines_.empty()) {
    auto kept = std::lower_bound(kept_lines_.begin(), kept_lines_.end(), line);
    if (kept == kept_lines_.end() || *kept != line) return {};
    line = static_cast<uint32_t>(kept - kept_lines_.begin()) + 1;
  }
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t start = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(text_.size());
  std::string_view text(text_.data() + start, end - start);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

std::shared_ptr<const SourceFile> SourceFile::excerpt(std::vector<uint32_t> lines) const {
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  std::erase(lines, 0u);  // no position
  std::string kept;
  for (uint32_t line : lines) {
    kept += line_text(line);
    kept += '\n';
  }
  // Only the kept lines: a line table of the whole file was most of an excerpt's memory.
  auto out = std::make_shared<SourceFile>(path_, std::move(kept));
  out->kept_lines_ = std::move(lines);
  return out;
}

}  // namespace mfalint
